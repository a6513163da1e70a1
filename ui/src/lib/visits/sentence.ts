// A sentence from the catalogue with records inside it ("{host} hosting {guest}"), where the
// records are links a component draws. The catalogue gives the whole sentence, so each
// language keeps its own word order; the sentence is rendered with markers in the records'
// places and cut there, and the markup puts each record's link where its marker was.

export type SentencePiece = { text: string; slot?: undefined } | { slot: string; text?: undefined };

// Private-use characters: they never occur in a translation.
const OPEN = '\uE000';
const CLOSE = '\uE001';

/** The pieces of `message` rendered with a marker for each of `slots`, in the sentence's order. */
export function sentencePieces<S extends string>(
	message: (values: Record<S, string>) => string,
	slots: readonly S[]
): SentencePiece[] {
	const markers = Object.fromEntries(slots.map((slot, i) => [slot, `${OPEN}${i}${CLOSE}`])) as Record<S, string>;
	const pieces: SentencePiece[] = [];
	for (const [index, part] of message(markers).split(new RegExp(`${OPEN}(\\d+)${CLOSE}`)).entries()) {
		if (index % 2 === 1) pieces.push({ slot: slots[Number(part)] });
		else if (part) pieces.push({ text: part });
	}
	return pieces;
}

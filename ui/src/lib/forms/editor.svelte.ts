// One record form's state: the input being edited, and its submission (busy flag, errors,
// unsaved edits). Every record form creates one instead of wiring these up again.
import { Submission } from './submission.svelte';

/** What a form needs of an area's API module to save. */
export type Saver<R, I> = {
	create(input: I): Promise<R>;
	update(id: string, input: I): Promise<R>;
};

export class RecordEditor<R extends { id: string }, I> extends Submission {
	input = $state() as I;
	#api: Saver<R, I>;

	// The input type comes from `blank`: a form may edit a stricter shape than the API takes.
	constructor(api: Saver<R, NoInfer<I>>, blank: I) {
		super();
		this.#api = api;
		this.input = blank;
	}

	/** Starts editing from `start` (a record's input, or a blank one) when the form opens. */
	begin(start: I) {
		this.input = start;
		this.reset(start);
	}

	/** Edited since `begin`. */
	get dirty(): boolean {
		return this.changed(this.input);
	}

	/**
	 * Creates a record, or updates `record`, from `data` (the edited input unless a form adds to
	 * it). Resolves to the saved record, or null when the core refused; its errors are then shown.
	 */
	save(record: R | null | undefined, data: I = $state.snapshot(this.input) as I): Promise<R | null> {
		return this.run(() => (record ? this.#api.update(record.id, data) : this.#api.create(data)));
	}
}

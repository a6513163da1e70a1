// How narrow a fixed-layout table may get before its frame scrolls sideways (WCAG 1.4.10: the
// table scrolls inside its own frame, never the page). In fixed layout a column without a width
// gets only what the set widths leave, which in a narrow window is nothing at all; so every such
// column keeps at least `least` rem, a column set in rem keeps its width, and a column
// set as a share of the table ("26%") keeps at least `least` rem of it too. The default (7.5rem,
// some ten characters beside the cell's padding) still lets every table but Actions (and the
// visit's participants once travel times show) fit unscrolled in a 1024 px window.

/**
 * The table's minimum inline size, in rem, for columns of these widths (undefined = free). Only
 * rem and % widths are read (the app sets no other); any other width counts as a free column.
 */
export function tableMinWidth(widths: readonly (string | null | undefined)[], least = 7.5): string {
	let fixed = 0;
	let share = 0;
	let widest = 0;
	for (const width of widths) {
		const match = /^\s*(\d+(?:\.\d+)?)\s*(rem|%)\s*$/.exec(width ?? '');
		if (!match) {
			fixed += least;
			continue;
		}
		const value = Number(match[1]);
		if (match[2] === '%') {
			share += value / 100;
			// A share keeps at least `least` rem: the table is at least least / share wide.
			widest = Math.max(widest, value > 0 ? least / (value / 100) : 0);
		} else {
			fixed += value;
		}
	}
	// Shares of 100 % or more leave the fixed columns nothing: then they are counted as free.
	const total = share < 1 ? fixed / (1 - share) : fixed + least * widths.length;
	return `${Math.ceil(Math.max(total, widest) * 100) / 100}rem`;
}

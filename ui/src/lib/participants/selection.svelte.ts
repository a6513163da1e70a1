// Rows ticked in a list for a change to several at once. A Shift-click ticks (or unticks)
// every row between the one clicked last and this one, as file managers do.
export class RowSelection {
	#ids = $state.raw<ReadonlySet<string>>(new Set());
	#anchor: string | null = null;

	has(id: string): boolean {
		return this.#ids.has(id);
	}

	/** The ticked rows among `order` (rows gone or no longer selectable drop out), in its order. */
	among(order: readonly string[]): string[] {
		return order.filter((id) => this.#ids.has(id));
	}

	/** Ticks or unticks `id`; with `range`, every row of `order` from the last one clicked too. */
	set(id: string, on: boolean, order: readonly string[], range = false): void {
		const from = range && this.#anchor !== null ? order.indexOf(this.#anchor) : -1;
		const to = order.indexOf(id);
		const span = from >= 0 && to >= 0 ? order.slice(Math.min(from, to), Math.max(from, to) + 1) : [id];
		const next = new Set(this.#ids);
		for (const row of span) {
			if (on) next.add(row);
			else next.delete(row);
		}
		this.#ids = next;
		this.#anchor = id;
	}

	setAll(order: readonly string[], on: boolean): void {
		this.#ids = on ? new Set(order) : new Set();
		this.#anchor = null;
	}

	clear(): void {
		this.setAll([], false);
	}
}

// Focus around a modal <dialog>. While it is open, showModal keeps focus inside (the rest of
// the page is inert); these put focus on the right control when it opens and give focus back
// to whatever opened it when it closes. Every dialog component opens and closes through
// `openModal` and `closeModal`, so Save, Cancel, Escape and the close button all end alike.

const FIELDS = 'input:not([type="hidden"]):not([disabled]), select:not([disabled]), textarea:not([disabled])';

/** Where focus goes when the opener is gone (its row re-rendered, the page changed). */
function fallback(): HTMLElement | null {
	return document.getElementById('main');
}

function focusable(element: Element | null): element is HTMLElement {
	return !!element && element !== document.body && element.isConnected && typeof (element as HTMLElement).focus === 'function';
}

const openers = new WeakMap<HTMLDialogElement, HTMLElement | null>();

/**
 * Opens `dialog` modally and remembers the element that had focus. Once the controls it draws
 * as it opens have mounted (and any that focuses itself has), focuses what `initial` returns,
 * if anything: it returns null to leave focus where it already is.
 */
export function openModal(dialog: HTMLDialogElement, initial?: (dialog: HTMLDialogElement) => HTMLElement | null) {
	if (dialog.open) return;
	const active = document.activeElement;
	openers.set(dialog, focusable(active) && !dialog.contains(active) ? active : null);
	dialog.showModal?.();
	queueMicrotask(() => {
		if (dialog.open) initial?.(dialog)?.focus();
	});
}

/** Closes `dialog` (if open) and gives focus back to what opened it. */
export function closeModal(dialog: HTMLDialogElement) {
	if (dialog.open) dialog.close?.();
	returnFocus(dialog);
}

/**
 * Gives focus back to what had it when `dialog` opened, or to the page's main region if that is
 * gone; once per opening. Focus that other code has meanwhile put somewhere on purpose stays.
 */
export function returnFocus(dialog: HTMLDialogElement) {
	if (!openers.has(dialog)) return;
	const opener = openers.get(dialog) ?? null;
	openers.delete(dialog);
	const active = document.activeElement;
	// Dropped (its control was removed with the dialog's content), still inside, or parked on
	// the fallback by a dialog that closed together with this one (a confirmation over a form).
	const free = !active || active === document.body || active === fallback() || dialog.contains(active);
	if (!free) return;
	(focusable(opener) ? opener : fallback())?.focus();
}

/** The control marked `autofocus` inside `within`, else its first field. */
export function firstField(within: Element | null | undefined): HTMLElement | null {
	if (!within) return null;
	return within.querySelector<HTMLElement>('[autofocus]') ?? within.querySelector<HTMLElement>(FIELDS);
}

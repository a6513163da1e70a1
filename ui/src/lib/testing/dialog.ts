// For tests only: jsdom has <dialog> but not its methods. This stands in for them closely
// enough for focus tests: showModal opens it (focusing nothing, so components must choose
// focus themselves), Escape inside it fires a cancelable `cancel` and closes it unless that
// is prevented, and close() fires `close`. Install before rendering; uninstall after.

type Patched = HTMLDialogElement & { __escape?: (event: KeyboardEvent) => void };

const proto = HTMLDialogElement.prototype as Partial<HTMLDialogElement>;
const original = { showModal: proto.showModal, close: proto.close };

export function installDialogPolyfill() {
	proto.showModal = function (this: Patched) {
		this.open = true;
		this.__escape = (event) => {
			if (event.key !== 'Escape' || event.defaultPrevented) return;
			if (this.dispatchEvent(new Event('cancel', { cancelable: true }))) this.close();
		};
		this.addEventListener('keydown', this.__escape);
	};
	proto.close = function (this: Patched) {
		if (!this.open) return;
		this.open = false;
		if (this.__escape) this.removeEventListener('keydown', this.__escape);
		this.dispatchEvent(new Event('close'));
	};
}

export function uninstallDialogPolyfill() {
	for (const name of ['showModal', 'close'] as const) {
		if (original[name]) proto[name] = original[name];
		else delete proto[name];
	}
}

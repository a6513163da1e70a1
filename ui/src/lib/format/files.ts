// File names offered in the save dialogs, made from a title in any script.

/** "Sialkot Chamber — visit" → "Sialkot-Chamber-visit.csv": letters, digits and dashes, at most 80. */
export function fileName(title: string, extension: string, fallback = 'export'): string {
	const base = title.normalize('NFC').replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-+|-+$/g, '');
	return `${base.slice(0, 80) || fallback}.${extension}`;
}

// User text inside a sentence of ours ("Deleted “…”.") may be in another script: an Urdu name
// would otherwise pull the quotes and the full stop around with it. In markup a value goes in
// <bdi>; in a plain string (a toast, a confirmation) it goes between these two characters,
// FIRST STRONG ISOLATE and POP DIRECTIONAL ISOLATE, which do the same.
export function isolate(value: string): string {
	return `\u2068${value}\u2069`;
}

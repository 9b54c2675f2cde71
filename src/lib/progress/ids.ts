/**
 * Random ids for attempts and submissions: 16 random bytes as base64url (22 characters).
 * Uses crypto.getRandomValues, which (unlike crypto.randomUUID) also works on plain-http pages.
 */
export function newId(): string {
	const bytes = new Uint8Array(16);
	globalThis.crypto.getRandomValues(bytes);
	let s = '';
	for (const b of bytes) s += String.fromCharCode(b);
	return btoa(s).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

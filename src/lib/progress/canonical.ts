/**
 * Canonical JSON (object keys sorted, no whitespace) and SHA-256, for export checksums, content
 * hashes and deterministic merges. Hashing uses Web Crypto (`crypto.subtle`), present in browsers
 * on secure origins (https, localhost) and in Node ≥ 20.
 */

/** JSON.stringify with object keys sorted at every level; `undefined` properties are dropped as JSON does. */
export function canonicalJson(value: unknown): string {
	return JSON.stringify(sortKeys(value));
}

function sortKeys(value: unknown): unknown {
	if (Array.isArray(value)) return value.map(sortKeys);
	if (value !== null && typeof value === 'object') {
		// fromEntries defines own properties, so a "__proto__" key from JSON.parse stays data.
		return Object.fromEntries(
			Object.keys(value)
				.sort()
				.map((k) => [k, sortKeys((value as Record<string, unknown>)[k])]),
		);
	}
	return value;
}

/**
 * SHA-256 of a string's UTF-8 bytes, as 64 lowercase hex digits.
 * Throws Error when Web Crypto is unavailable (an http:// page that is not localhost).
 */
export async function sha256Hex(text: string): Promise<string> {
	const subtle = globalThis.crypto?.subtle;
	if (!subtle) throw new Error('SHA-256 needs Web Crypto, which this browser offers only on https:// pages.');
	const digest = await subtle.digest('SHA-256', new TextEncoder().encode(text));
	return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

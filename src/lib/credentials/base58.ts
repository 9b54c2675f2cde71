/**
 * base58btc (the Bitcoin alphabet), as multibase prefix "z" uses it in did:key.
 *
 * Hand-written because no installed package provides it (no multiformats, bs58 or @scure/base in
 * node_modules, and installing one is not possible here). Quadratic in the input length, which
 * is fine for the 34-byte keys it encodes.
 */
const ALPHABET = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz';

/** Bytes → base58btc text (leading zero bytes become leading "1"s). */
export function base58btcEncode(bytes: Uint8Array): string {
	const digits: number[] = [];
	for (const byte of bytes) {
		let carry = byte;
		for (let i = 0; i < digits.length; i++) {
			carry += digits[i]! << 8;
			digits[i] = carry % 58;
			carry = Math.floor(carry / 58);
		}
		while (carry > 0) {
			digits.push(carry % 58);
			carry = Math.floor(carry / 58);
		}
	}
	let out = '';
	for (const byte of bytes) {
		if (byte !== 0) break;
		out += '1';
	}
	for (let i = digits.length - 1; i >= 0; i--) out += ALPHABET[digits[i]!];
	return out;
}

/** base58btc text → bytes. Throws Error naming the first character outside the alphabet. */
export function base58btcDecode(text: string): Uint8Array {
	const bytes: number[] = [];
	for (const char of text) {
		const value = ALPHABET.indexOf(char);
		if (value < 0) throw new Error(`"${char}" is not a base58btc character`);
		let carry = value;
		for (let i = 0; i < bytes.length; i++) {
			carry += bytes[i]! * 58;
			bytes[i] = carry & 0xff;
			carry >>= 8;
		}
		while (carry > 0) {
			bytes.push(carry & 0xff);
			carry >>= 8;
		}
	}
	let zeros = 0;
	while (zeros < text.length && text[zeros] === '1') zeros++;
	const out = new Uint8Array(zeros + bytes.length);
	for (let i = 0; i < bytes.length; i++) out[zeros + i] = bytes[bytes.length - 1 - i]!;
	return out;
}

const REDACTED = '[redacted]';
const MIN_SECRET_LENGTH = 4;

/**
 * Removes every secret (as is, and url-encoded as it travels in a form body) from text that comes from
 * elsewhere: a reply excerpt, a network error message. Secrets shorter than 4 characters are not searched
 * for: they would blank out ordinary words.
 */
export function redact(text: string, secrets: readonly string[]): string {
	let result = text;
	for (const secret of secrets) {
		if (secret.length < MIN_SECRET_LENGTH) continue;
		for (const form of new Set([secret, encodeURIComponent(secret), new URLSearchParams({ s: secret }).toString().slice(2)])) {
			result = result.split(form).join(REDACTED);
		}
	}
	return result;
}

const REDACTED = '[redacted]';
const MIN_SECRET_LENGTH = 4;

const HTML_ESCAPES: Array<[RegExp, string]> = [
	[/&/g, '&amp;'],
	[/</g, '&lt;'],
	[/>/g, '&gt;'],
	[/"/g, '&quot;'],
	[/'/g, '&#39;'],
];

const lowerPercent = (text: string) => text.replace(/%[0-9A-F]{2}/g, (escape) => escape.toLowerCase());

/** Every form a secret can take in text that went through a form body, a URL, an HTML page or base64. */
function formsOf(secret: string): string[] {
	const encoded = encodeURIComponent(secret);
	const formEncoded = new URLSearchParams({ s: secret }).toString().slice(2);
	const html = HTML_ESCAPES.reduce((text, [pattern, escape]) => text.replace(pattern, escape), secret);
	const forms = [
		secret,
		encoded,
		formEncoded,
		lowerPercent(encoded),
		lowerPercent(formEncoded),
		html,
		html.replace(/&#39;/g, '&#x27;'),
		Buffer.from(secret, 'utf8').toString('base64').replace(/=+$/, ''),
	];
	// Longest first, so that a form containing another is removed whole.
	return [...new Set(forms)].filter((form) => form.length >= MIN_SECRET_LENGTH).sort((a, b) => b.length - a.length);
}

/**
 * Removes every secret, in every form it can take (as is, %-escaped in upper or lower case, form-encoded,
 * HTML-escaped, base64), from text that comes from elsewhere: a reply, an excerpt, a network error message.
 * Secrets shorter than 4 characters are not searched for: they would blank out ordinary words.
 */
export function redact(text: string, secrets: readonly string[]): string {
	let result = text;
	for (const secret of [...secrets].sort((a, b) => b.length - a.length)) {
		if (secret.length < MIN_SECRET_LENGTH) continue;
		for (const form of formsOf(secret)) result = result.split(form).join(REDACTED);
	}
	return result;
}

/** redact() on every value of a record. */
export function redactFields(fields: Record<string, string>, secrets: readonly string[]): Record<string, string> {
	return Object.fromEntries(Object.entries(fields).map(([name, value]) => [name, redact(value, secrets)]));
}

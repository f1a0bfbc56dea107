import { CredentialSetupError } from '../errors/credentialSetupError';

/**
 * PEM text pasted into n8n's one-line password fields loses its line breaks (they become spaces), and some
 * tools hand it over with literal "\n". normalizePem puts every PEM block back into canonical form: the
 * BEGIN and END lines, any headers (as in legacy encrypted keys), and the base64 body wrapped at 64 columns.
 */

const BLOCK = /-----BEGIN ([A-Z0-9 ]+)-----([\s\S]*?)-----END \1-----/g;

function wrap64(base64: string): string {
	const lines: string[] = [];
	for (let i = 0; i < base64.length; i += 64) lines.push(base64.slice(i, i + 64));
	return lines.join('\n');
}

function normalizeBlock(label: string, content: string): string {
	const tokens = content.split(/\s+/).filter(Boolean);
	const headers: string[] = [];
	const body: string[] = [];
	for (let i = 0; i < tokens.length; i++) {
		if (tokens[i].endsWith(':') && i + 1 < tokens.length) {
			headers.push(`${tokens[i]} ${tokens[++i]}`);
		} else {
			body.push(tokens[i]);
		}
	}
	const head = headers.length ? `${headers.join('\n')}\n\n` : '';
	return `-----BEGIN ${label}-----\n${head}${wrap64(body.join(''))}\n-----END ${label}-----\n`;
}

/**
 * @param text what the user pasted
 * @param field the credential field's label, for the error message
 * @returns the PEM blocks, canonical, one after the other
 */
export function normalizePem(text: string, field: string): string {
	const unescaped = text.replace(/\\r/g, '').replace(/\\n/g, '\n').replace(/\r/g, '');
	const blocks = [...unescaped.matchAll(BLOCK)].map((m) => normalizeBlock(m[1], m[2]));
	if (blocks.length === 0) {
		throw new CredentialSetupError(`${field}: no PEM block found. Paste the whole text, from -----BEGIN to -----END.`);
	}
	return blocks.join('');
}

import { INTEGER_TEXT } from '../catalog/numberPatterns';

/** What a PlaceOrder reply says, once read. */
export type SectigoReply =
	| { kind: 'order'; errorCode: number; orderNumber: string; fields: Record<string, string> }
	| { kind: 'sectigoError'; errorCode: number; errorMessage: string; errorItem?: string; fields: Record<string, string> }
	| { kind: 'notSectigo'; status: number; reason: string; excerpt: string };

const PAIR_NAME = /^[A-Za-z_][A-Za-z0-9_.-]*$/;
const EXCERPT_LENGTH = 200;

/** The reply's pairs, or undefined when the body is not `name=value&...` with an integer errorCode. */
export function parsePairs(body: string): Record<string, string> | undefined {
	const text = body.trim();
	if (text === '') return undefined;
	const pieces = text.split('&');
	if (!pieces.every((piece) => piece.includes('=') && PAIR_NAME.test(piece.slice(0, piece.indexOf('='))))) {
		return undefined;
	}
	const fields: Record<string, string> = {};
	for (const [name, value] of new URLSearchParams(text)) fields[name] = value;
	return fields.errorCode !== undefined && INTEGER_TEXT.test(fields.errorCode.trim()) ? fields : undefined;
}

function excerptOf(body: string): string {
	const flat = body.replace(/\s+/g, ' ').trim();
	return flat.length > EXCERPT_LENGTH ? `${flat.slice(0, EXCERPT_LENGTH)}…` : flat;
}

function whyNotSectigo(status: number, body: string, location: string | undefined): string {
	if (status >= 300 && status < 400) {
		return `HTTP ${status} redirect${location ? ` to ${location}` : ''}: Sectigo answers a browser flow this way. Use Payment Status 2 and no Error/Success URL`;
	}
	if (body.trim() === '') return `HTTP ${status} with an empty body`;
	if (/^\s*</.test(body)) return `HTTP ${status} with an HTML page, not Sectigo's url-encoded reply`;
	if (parsePairs(body)) return `HTTP ${status}`;
	return `HTTP ${status} with a body that is not Sectigo's url-encoded reply`;
}

/**
 * Reads a reply. Only a 2xx with url-encoded pairs and a non-negative errorCode is an order; a negative
 * errorCode is Sectigo's error whatever the status; anything else (an HTML page from a proxy, an empty body,
 * a 5xx, a redirect) is not a Sectigo answer and is never taken for an order.
 */
export function parseReply(status: number, body: string, location?: string, tooLarge = false): SectigoReply {
	if (tooLarge) {
		return { kind: 'notSectigo', status, reason: `HTTP ${status} with a reply larger than 1 MB`, excerpt: excerptOf(body.slice(0, EXCERPT_LENGTH * 2)) };
	}
	const fields = parsePairs(body);
	const ok = status >= 200 && status < 300;
	if (fields) {
		const errorCode = Number(fields.errorCode.trim());
		if (errorCode < 0) {
			return {
				kind: 'sectigoError',
				errorCode,
				errorMessage: fields.errorMessage ?? '',
				...(fields.errorItem ? { errorItem: fields.errorItem } : {}),
				fields,
			};
		}
		const orderNumber = fields.orderNumber?.trim() ?? '';
		if (ok && orderNumber !== '') return { kind: 'order', errorCode, orderNumber, fields };
		if (ok) {
			return {
				kind: 'notSectigo',
				status,
				reason: `HTTP ${status}: errorCode ${errorCode} says the order was placed, but the reply has no orderNumber`,
				excerpt: excerptOf(body),
			};
		}
	}
	return { kind: 'notSectigo', status, reason: whyNotSectigo(status, body, location), excerpt: excerptOf(body) };
}

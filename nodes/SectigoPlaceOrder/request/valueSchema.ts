import { z } from 'zod';

import { ISO_3166_ALPHA2, ISO_4217 } from '../catalog/isoCodes';
import { countryCode, currencyCodes } from '../catalog/isoNames';
import { DECIMAL_TEXT, INTEGER_TEXT } from '../catalog/numberPatterns';
import type { ParameterSpec, ValueFormat } from '../catalog';

const EMAIL =
	/^[^\s@"(),:;<>[\]\\]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$/;
const IPV4 = /^(?:(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)$/;

function isHttpUrl(text: string): boolean {
	try {
		const url = new URL(text);
		return url.protocol === 'https:' || url.protocol === 'http:';
	} catch {
		return false;
	}
}

/** Why a currency was not recognised: "dollar" names several. */
function currencyMessage(value: string): string {
	const codes = currencyCodes(value);
	return codes.length > 1
		? `names more than one currency (${codes.join(', ')}): give the ISO 4217 code`
		: 'must be a currency: an ISO 4217 code such as EUR, or its English name';
}

/** A format's check and the message when it fails. */
const FORMATS: Record<ValueFormat, { test: (v: string) => boolean; message: string | ((v: string) => string) }> = {
	email: { test: (v) => EMAIL.test(v), message: 'must be an email address such as name@example.com' },
	emailList: {
		test: (v) => v.split(/[\s,]+/).filter(Boolean).every((part) => EMAIL.test(part)),
		message: 'must be email addresses separated by commas',
	},
	url: { test: isHttpUrl, message: 'must be a full URL starting with https://' },
	country: { test: (v) => ISO_3166_ALPHA2.has(v), message: 'must be a country: an ISO 3166 code such as GB, or its English name' },
	currency: { test: (v) => ISO_4217.has(v), message: currencyMessage },
	ipv4: { test: (v) => IPV4.test(v), message: 'must be an IPv4 address such as 192.0.2.10' },
};

/** Why a value does not follow the format, or undefined. */
function formatProblem(value: string, format: ValueFormat | undefined): string | undefined {
	if (!format || FORMATS[format].test(value)) return undefined;
	const { message } = FORMATS[format];
	return typeof message === 'string' ? message : message(value);
}

/** Formats whose values are codes, given by code (any case) or by name. */
const CODE_FORMATS: ReadonlySet<ValueFormat> = new Set(['country', 'currency']);

/** A country or currency as its code: "United Kingdom", "gbr", "gb" are GB; "euro" is EUR. Unknown: left as it is. */
function toCode(text: string, format: ValueFormat): string {
	const codes = format === 'country' ? [countryCode(text)] : currencyCodes(text);
	return codes.length === 1 && codes[0] ? codes[0] : text;
}

/** Number to plain decimal text (never exponent notation); non-finite numbers are left for the type check. */
function numberToText(value: number): string | number {
	if (!Number.isFinite(value)) return value;
	const text = Number.isInteger(value) ? value.toFixed(0) : String(value);
	return /e/i.test(text) ? value : text;
}

/**
 * Turns what n8n hands over (text, a number from a number field or an expression, a boolean) into the text
 * that would be sent. Empty values become undefined: Sectigo rejects empty or unknown fields, so they are
 * never sent. Anything else is left as it is, for the schema to reject with a message.
 */
export function toWireText(value: unknown, spec?: ParameterSpec): unknown {
	if (value === undefined || value === null) return undefined;
	if (typeof value === 'number') return numberToText(value);
	if (typeof value === 'boolean' && spec?.values?.some((v) => v.value === 'Y')) return value ? 'Y' : 'N';
	if (typeof value !== 'string') return value;
	const text = spec?.secret ? value : value.trim();
	if (text === '') return undefined;
	return spec?.format && CODE_FORMATS.has(spec.format) ? toCode(text, spec.format) : text;
}

/** A short, safe rendering of a rejected value for an error message. */
export function quoteValue(value: string, spec?: ParameterSpec): string {
	if (spec?.secret) return '';
	const short = value.length > 40 ? `${value.slice(0, 40)}…` : value;
	return ` (got "${short}")`;
}

const NOT_TEXT = 'must be text or a number';

/** Control characters other than tab: a form value that carries one is almost always a mapping mistake. */
const CONTROL_CHARACTER = /[\u0000-\u0008\u000A-\u001F\u007F]/;

/** Why a text holds a character Sectigo's fields do not take, or undefined. */
export function controlCharacterProblem(value: string): string | undefined {
	const index = value.search(CONTROL_CHARACTER);
	if (index < 0) return undefined;
	const code = value.charCodeAt(index);
	const name = code === 10 ? 'a line break' : code === 13 ? 'a carriage return' : `control character U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
	return `contains ${name} at position ${index + 1}: remove it (only tab is allowed)`;
}

/** The zod schema of one catalog row: what n8n hands over in, the text to send (or undefined) out. */
export function valueSchema(spec: ParameterSpec): z.ZodType<string | undefined, z.ZodTypeDef, unknown> {
	const codeFormat = spec.format !== undefined && CODE_FORMATS.has(spec.format);
	const text = z
		.string({ invalid_type_error: NOT_TEXT, required_error: 'is required' })
		.superRefine((value, ctx) => {
			const fail = (message: string) =>
				ctx.addIssue({ code: z.ZodIssueCode.custom, message: `${message}${quoteValue(value, spec)}` });
			const formatMessage = formatProblem(value, spec.format);

			const control = controlCharacterProblem(value);
			if (control) return ctx.addIssue({ code: z.ZodIssueCode.custom, message: control });
			if (spec.type === 'integer' && !INTEGER_TEXT.test(value)) return fail('must be a whole number');
			if (spec.type === 'number' && !DECIMAL_TEXT.test(value)) return fail('must be a number such as 12.50');
			if (spec.values && !spec.open && !spec.values.some((v) => v.value === value)) {
				return fail(`must be one of ${spec.values.map((v) => v.value).join(', ')}`);
			}
			// An unknown country or currency name is longer than a code: say what is accepted, not how long it is.
			if (formatMessage && codeFormat) return fail(formatMessage);
			if (spec.maxLength !== undefined && value.length > spec.maxLength) {
				return fail(`is ${value.length} characters long; Sectigo allows at most ${spec.maxLength}`);
			}
			if (formatMessage) return fail(formatMessage);
			return undefined;
		});
	return z.preprocess(
		(value) => toWireText(value, spec),
		spec.requirement === 'required' ? text : text.optional(),
	);
}

import type { ParameterSpec } from '../../nodes/SectigoPlaceOrder/catalog';
import type { OrderInput } from '../../nodes/SectigoPlaceOrder/request/orderInput';

const FORMAT_SAMPLES = {
	email: 'someone@example.com',
	emailList: 'a@example.com, b@example.org',
	url: 'https://example.com/done',
	country: 'GB',
	currency: 'EUR',
	ipv4: '192.0.2.10',
} as const;

/** A value every catalog row accepts, derived from the row (so new rows are covered without a test edit). */
export function validSample(spec: ParameterSpec): string {
	if (spec.values) return spec.values[spec.values.length - 1].value;
	if (spec.format) return FORMAT_SAMPLES[spec.format];
	if (spec.type === 'integer') return '7';
	if (spec.type === 'number') return '12.5';
	if (spec.type === 'char') return 'B';
	return `x${spec.name}`.slice(0, spec.maxLength ?? 64);
}

/** A value the row must refuse. */
export function invalidSample(spec: ParameterSpec): string {
	if (spec.maxLength !== undefined) return '9'.repeat(spec.maxLength + 1);
	return 'not a number';
}

/** The smallest valid order, to which a test adds what it checks. */
export function baseInput(): OrderInput {
	return {
		fields: { emailAddress: 'buyer@example.com' },
		additional: [],
		items: [{ fields: { PPP: 400 }, additional: [] }],
		unknownKeys: [],
	};
}

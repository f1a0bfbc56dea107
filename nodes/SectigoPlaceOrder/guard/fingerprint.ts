import { createHash } from 'crypto';
import type { IDataObject } from 'n8n-workflow';

/** JSON with object keys sorted, so that the same data always gives the same text. */
function canonical(value: unknown): string {
	if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
	if (value !== null && typeof value === 'object') {
		const entries = Object.keys(value as IDataObject)
			.sort()
			.map((key) => `${JSON.stringify(key)}:${canonical((value as IDataObject)[key])}`);
		return `{${entries.join(',')}}`;
	}
	return JSON.stringify(value) ?? 'null';
}

/**
 * What makes one order "the same order": the input item as this node received it, its place in the input
 * (two equal items in one run are two orders) and the form it would send (without the password, which may
 * change without making it another order). Hashed: the value stored in n8n's database says nothing about the
 * customer.
 */
export function orderFingerprint(
	itemIndex: number,
	inputItem: IDataObject,
	form: URLSearchParams,
	secretNames: ReadonlySet<string>,
): string {
	const pairs = [...form].filter(([name]) => !secretNames.has(name));
	return createHash('sha256')
		.update(`${itemIndex}\n`)
		.update(canonical(inputItem))
		.update('\n')
		.update(canonical(pairs))
		.digest('base64url');
}

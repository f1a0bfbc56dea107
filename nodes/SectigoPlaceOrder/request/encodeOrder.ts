import type { ValidatedOrder } from './orderInput';

/**
 * The form body Sectigo receives: order fields by name, then each item's fields as `<n>_<name>` with items
 * numbered from 1. Credential fields (ap, loginName, loginPassword) are added later by the credential.
 */
export function encodeOrder(order: ValidatedOrder): URLSearchParams {
	const body = new URLSearchParams();
	for (const [name, value] of order.fields) body.append(name, value);
	order.items.forEach((item, index) => {
		for (const [name, value] of item) body.append(`${index + 1}_${name}`, value);
	});
	return body;
}

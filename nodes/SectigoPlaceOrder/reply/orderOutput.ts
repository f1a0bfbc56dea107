import type { IDataObject } from 'n8n-workflow';

import { DECIMAL_TEXT } from '../catalog/numberPatterns';

/**
 * The output item for a placed order: orderNumber (kept as text: it can be 128 characters), errorCode as a
 * number (0 placed; Sectigo may answer 1 for "placed, payment due"), totalCost as a number where Sectigo sent
 * it, then every other field of the reply as Sectigo sent it.
 */
export function orderOutput(reply: { errorCode: number; orderNumber: string; fields: Record<string, string> }): IDataObject {
	const output: IDataObject = { orderNumber: reply.orderNumber, errorCode: reply.errorCode };
	for (const [name, value] of Object.entries(reply.fields)) {
		if (name === 'orderNumber' || name === 'errorCode') continue;
		output[name] = name === 'totalCost' && DECIMAL_TEXT.test(value.trim()) ? Number(value) : value;
	}
	return output;
}

import { NodeOperationError, type IExecuteFunctions, type INodeExecutionData } from 'n8n-workflow';

import { FORGET_ALL, FORGET_WHAT, ORDER_REFERENCE } from '../catalog/nodeParameterNames';
import { OrderGuard } from '../guard/orderGuard';

/**
 * The Forget Sent Orders operation: lets this node order again what it already sent. One output item per input
 * item, saying what was forgotten. Nothing is sent to Sectigo.
 */
export async function forgetOrders(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	const guard = new OrderGuard(this);
	const output: INodeExecutionData[] = [];
	const items = this.getInputData();
	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		if (this.getNodeParameter(FORGET_WHAT, itemIndex) === FORGET_ALL) {
			await guard.forgetAll();
			output.push({ json: { forgotten: 'all', note: 'Every item and Order Reference this node sent may be ordered again.' }, pairedItem: { item: itemIndex } });
			continue;
		}
		const reference = String(this.getNodeParameter(ORDER_REFERENCE, itemIndex, '') ?? '').trim();
		if (reference === '') {
			throw new NodeOperationError(this.getNode(), 'Order Reference: give the reference to forget', { itemIndex });
		}
		const known = await guard.forgetReference(reference);
		output.push({
			json: { forgotten: 'reference', orderReference: reference, wasRecorded: known },
			pairedItem: { item: itemIndex },
		});
	}
	return output;
}

import {
	NodeOperationError,
	type ICredentialDataDecryptedObject,
	type IExecuteFunctions,
	type INodeExecutionData,
} from 'n8n-workflow';

import { SECRET_PARAMETER_NAMES } from '../catalog';
import { OPERATION, OPERATION_PLACE_ORDER, OPERATION_VALIDATE_ONLY } from '../description/names';
import { SectigoAnswerError } from '../errors/failures';
import { itemFailure } from '../errors/itemFailure';
import { orderOutput } from '../reply/orderOutput';
import { parseReply } from '../reply/parseReply';
import { encodeOrder } from '../request/encodeOrder';
import { maskedRequest } from '../request/maskedRequest';
import { readOrderInput } from '../request/readOrderInput';
import { validateOrder } from '../request/validateOrder';
import { CREDENTIAL_NAME, withCredentialFields } from '../transport/credentialFields';
import { sendOrder } from '../transport/sendOrder';
import { connectionOf, credentialSecrets, type Connection } from './connection';

const RETRY_REFUSED =
	'"Retry On Fail" is on in this node\'s settings: placing an order is not idempotent, and a retry could order twice. Turn it off; use the error output to handle failures.';

/**
 * One order per input item: read, validate, encode, send once, read the reply. Every input item yields exactly
 * one output item (the order, the validated request, or an error item when the node continues on fail).
 */
export async function runItems(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	const node = this.getNode();
	const items = this.getInputData();
	const output: INodeExecutionData[] = [];
	const placed: string[] = [];

	let credentials: ICredentialDataDecryptedObject = {};
	let connection: Connection | undefined;
	let setupError: unknown;
	try {
		credentials = await this.getCredentials(CREDENTIAL_NAME);
		connection = connectionOf(credentials);
	} catch (error) {
		setupError = error;
	}
	const secrets = credentialSecrets(credentials);

	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		let itemSecrets = secrets;
		try {
			if (!connection) throw setupError;
			const operation = this.getNodeParameter(OPERATION, itemIndex) as string;
			// Only the two operations this node has: n8n's editor also offers a "Custom API Call" entry, and an
			// unknown operation must never fall through to placing an order.
			if (operation !== OPERATION_PLACE_ORDER && operation !== OPERATION_VALIDATE_ONLY) {
				throw new NodeOperationError(node, `The operation "${operation}" is not supported: choose Place Order or Validate Only`, { itemIndex });
			}
			const input = readOrderInput((name, fallback) => this.getNodeParameter(name, itemIndex, fallback));
			itemSecrets = [
				...secrets,
				...[...SECRET_PARAMETER_NAMES].map((name) => input.fields[name]).filter((v): v is string => typeof v === 'string' && v !== ''),
			];
			const body = encodeOrder(validateOrder(input, connection.kind));

			if (operation === OPERATION_VALIDATE_ONLY) {
				const request = withCredentialFields(credentials, body);
				output.push({ json: maskedRequest(connection.url, request, connection.clientCertificate), pairedItem: { item: itemIndex } });
				continue;
			}
			if (node.retryOnFail) throw new NodeOperationError(node, RETRY_REFUSED, { itemIndex });

			const raw = await sendOrder.call(this, connection.url, body);
			const reply = parseReply(raw.status, raw.body, raw.location);
			if (reply.kind !== 'order') throw new SectigoAnswerError(reply);
			output.push({ json: orderOutput(reply), pairedItem: { item: itemIndex } });
			placed.push(`item ${itemIndex + 1} → order ${reply.orderNumber}`);
		} catch (caught) {
			const { error, details } = itemFailure(node, itemIndex, caught, itemSecrets);
			if (this.continueOnFail()) {
				// Only `error` and `details` keys: n8n then routes the item to the error output (with the input
				// item's fields merged in) when that output is on, and to the main output otherwise.
				output.push({
					json: { error: error.message, details: { ...(error.description ? { description: error.description } : {}), ...details } },
					pairedItem: { item: itemIndex },
				});
				continue;
			}
			if (placed.length > 0) {
				error.description = `${error.description ?? ''}\nAlready placed in this run (not sent again): ${placed.join(', ')}.`.trim();
			}
			throw error;
		}
	}
	return output;
}

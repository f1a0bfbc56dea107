import {
	NodeOperationError,
	type ICredentialDataDecryptedObject,
	type IDataObject,
	type IExecuteFunctions,
	type INodeExecutionData,
} from 'n8n-workflow';

import { SECRET_PARAMETER_NAMES } from '../catalog';
import { withIdentity } from '../credential/identityFields';
import { CREDENTIAL_NAME } from '../credential/names';
import { credentialSecrets, readCredential, type SectigoCredential } from '../credential/readCredential';
import { CONCURRENCY, MAX_ORDERS_IN_FLIGHT, OPERATION, OPERATION_FORGET, OPERATION_PLACE_ORDER, OPERATION_VALIDATE_ONLY, OPTIONS } from '../catalog/nodeParameterNames';
import { itemFailure, type ItemFailure } from './itemFailure';
import { encodeOrder } from '../request/encodeOrder';
import { maskedRequest, validationReport } from '../request/maskedRequest';
import { readOrderInput } from '../request/readOrderInput';
import { OrderValidationError, validateOrder } from '../request/validateOrder';
import { forgetOrders } from './forgetOrders';
import { OrderRun, type PreparedOrder } from './orderRun';

/** Reads and checks the credential once for the whole execution. */
async function loadCredential(context: IExecuteFunctions) {
	let data: ICredentialDataDecryptedObject = {};
	try {
		data = await context.getCredentials(CREDENTIAL_NAME);
		return { credential: readCredential(data), secrets: credentialSecrets(data) };
	} catch (error) {
		return { setupError: error, secrets: credentialSecrets(data) };
	}
}

function ordersInFlight(context: IExecuteFunctions): number {
	const options = context.getNodeParameter(OPTIONS, 0, {}) as IDataObject;
	const value = Math.floor(Number(options[CONCURRENCY] ?? 1));
	return Number.isFinite(value) ? Math.min(MAX_ORDERS_IN_FLIGHT, Math.max(1, value)) : 1;
}

/**
 * One order per input item: read, validate, encode, send once, read the reply. Every input item yields exactly
 * one output item (the order, the validated request, or an error item when the node continues on fail), in
 * input order. Up to Orders In Flight orders are sent at once; when the node stops on an error, no new order is
 * started after the first failure, those in flight finish, and the error lists every order placed.
 */
export async function runItems(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	const node = this.getNode();
	const items = this.getInputData();
	if (items.length > 0 && this.getNodeParameter(OPERATION, 0) === OPERATION_FORGET) return await forgetOrders.call(this);
	const output: INodeExecutionData[] = new Array(items.length);
	const loaded = await loadCredential(this);
	const credential: SectigoCredential | undefined = loaded.credential;
	const run = credential ? new OrderRun(this, credential) : undefined;
	const continueOnFail = this.continueOnFail();
	const failures = new Map<number, ItemFailure>();
	const secretsOf = new Map<number, readonly string[]>();

	const fail = (itemIndex: number, caught: unknown) => {
		const failure = itemFailure(node, itemIndex, caught, secretsOf.get(itemIndex) ?? loaded.secrets);
		if (!continueOnFail) {
			failures.set(itemIndex, failure);
			return;
		}
		const { error, details } = failure;
		// Only `error` and `details` keys: n8n then routes the item to the error output (with the input item's
		// fields merged in) when that output is on, and to the main output otherwise.
		output[itemIndex] = {
			json: { error: error.message, details: { ...(error.description ? { description: error.description } : {}), ...details } },
			pairedItem: { item: itemIndex },
		};
	};

	// Every item is read and checked first: bad input is refused before anything is sent.
	const toSend: PreparedOrder[] = [];
	for (let itemIndex = 0; itemIndex < items.length && failures.size === 0; itemIndex++) {
		let operation: string | undefined;
		try {
			if (!credential || !run) throw loaded.setupError;
			operation = this.getNodeParameter(OPERATION, itemIndex) as string;
			// Only the operations this node has: n8n's editor also offers a "Custom API Call" entry, and an
			// unknown operation must never fall through to placing an order.
			if (operation !== OPERATION_PLACE_ORDER && operation !== OPERATION_VALIDATE_ONLY) {
				throw new NodeOperationError(node, `The operation "${operation}" is not supported: choose Place Order or Validate Only`, { itemIndex });
			}
			const input = readOrderInput((name, fallback) => this.getNodeParameter(name, itemIndex, fallback));
			secretsOf.set(itemIndex, [
				...loaded.secrets,
				...[...SECRET_PARAMETER_NAMES].map((name) => input.fields[name]).filter((v): v is string => typeof v === 'string' && v !== ''),
			]);
			const body = encodeOrder(validateOrder(input, credential.kind));
			if (operation === OPERATION_VALIDATE_ONLY) {
				const request = withIdentity(credential.identity, body);
				output[itemIndex] = { json: maskedRequest(credential.url, request, credential.clientCertificate), pairedItem: { item: itemIndex } };
			} else {
				toSend.push(run.prepare(itemIndex, body, secretsOf.get(itemIndex)!));
			}
		} catch (caught) {
			// Validate Only reports bad input as its result (it is what the user asked for); it does not stop.
			if (operation === OPERATION_VALIDATE_ONLY && caught instanceof OrderValidationError) {
				output[itemIndex] = { json: validationReport(caught, secretsOf.get(itemIndex) ?? loaded.secrets), pairedItem: { item: itemIndex } };
			} else {
				fail(itemIndex, caught);
			}
		}
	}

	if (run && failures.size === 0 && toSend.length > 0) {
		await run.placeAll(
			toSend,
			ordersInFlight(this),
			(itemIndex, result) => ('item' in result ? (output[itemIndex] = result.item) : fail(itemIndex, result.failure)),
			() => failures.size > 0,
		);
	}

	if (failures.size > 0) {
		const { error } = failures.get(Math.min(...failures.keys()))!;
		const placed = run?.placedSummary();
		if (placed) error.description = `${error.description ?? ''}\nAlready placed in this run (not sent again): ${placed}.`.trim();
		throw error;
	}
	return output;
}

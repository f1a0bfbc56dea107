import { NodeApiError, NodeOperationError, type IDataObject, type INode, type JsonObject } from 'n8n-workflow';

import { ERROR_EXPLANATIONS } from '../catalog/errorCodes';
import { OrderValidationError, describeProblem } from '../request/validateOrder';
import { CREDENTIAL_DISPLAY_NAME } from '../credential/names';
import { CredentialSetupError } from '../errors/credentialSetupError';
import { AlreadyAttemptedError, NotSentError } from '../errors/failures';
import { SectigoAnswerError } from '../reply/sectigoAnswerError';
import { TransportError } from '../transport/transportError';
import { redact } from '../errors/redact';

/** One input item's failure: the error n8n shows or routes, and the details its error item carries. */
export interface ItemFailure {
	error: NodeApiError | NodeOperationError;
	details: IDataObject;
}

const NOT_SENT = 'Nothing was sent to Sectigo.';
const MAX_IN_A_ROW_TEXT = 'Several orders in a row got no answer, so the rest of this run was not sent.';
const MAY_EXIST =
	'The order may have been placed. Check the Sectigo account before sending it again: this node never retries an order by itself.';

function sectigoAnswerFailure(node: INode, itemIndex: number, answer: SectigoAnswerError, clean: (s: string) => string): ItemFailure {
	const { reply } = answer;
	if (reply.kind === 'sectigoError') {
		const explanation = ERROR_EXPLANATIONS[String(reply.errorCode)];
		const errorMessage = clean(reply.errorMessage);
		const errorItem = reply.errorItem ? clean(reply.errorItem) : undefined;
		const parts = [explanation, errorItem ? `Parameter Sectigo names: ${errorItem}.` : undefined];
		const response: JsonObject = { errorCode: reply.errorCode, errorMessage, ...(errorItem ? { errorItem } : {}) };
		const error = new NodeApiError(node, response, {
			message: `Sectigo error ${reply.errorCode}: ${errorMessage || 'no message'}`,
			description: parts.filter(Boolean).join(' ') || undefined,
			itemIndex,
		});
		return { error, details: { kind: 'sectigoError', ...response, ...(explanation ? { explanation } : {}) } };
	}
	const excerpt = clean(reply.excerpt);
	const error = new NodeApiError(
		node,
		{ httpCode: String(reply.status), excerpt },
		{
			message: `Sectigo's endpoint did not give a PlaceOrder answer (${clean(reply.reason)})`,
			description: `${excerpt ? `Reply begins: ${excerpt}\n` : ''}${MAY_EXIST}`,
			httpCode: String(reply.status),
			itemIndex,
		},
	);
	return { error, details: { kind: 'notSectigoReply', httpCode: reply.status, excerpt, orderMayExist: true } };
}

function transportFailure(node: INode, itemIndex: number, { failure }: TransportError, clean: (s: string) => string): ItemFailure {
	const cause = `${clean(failure.message)}${failure.code ? ` (${failure.code})` : ''}.`;
	const flags = { ...(failure.timedOut ? { timedOut: true } : {}), ...(failure.cancelled ? { cancelled: true } : {}) };
	const error = new NodeApiError(
		node,
		{ networkCode: failure.code ?? null },
		{
			message: failure.orderMayExist
				? 'The request to Sectigo failed after it may have been sent'
				: 'Could not reach Sectigo: the request was not sent',
			description: `${cause} ${failure.orderMayExist ? MAY_EXIST : 'No order was placed.'}`,
			itemIndex,
		},
	);
	return { error, details: { kind: 'transportFailure', networkCode: failure.code ?? null, orderMayExist: failure.orderMayExist, ...flags } };
}

/**
 * Turns whatever went wrong for one input item into an n8n error with Sectigo's code and message kept,
 * secrets removed, and a plain-words description of what happened to the order.
 */
export function itemFailure(node: INode, itemIndex: number, caught: unknown, secrets: readonly string[]): ItemFailure {
	const clean = (text: string) => redact(text, secrets);

	if (caught instanceof OrderValidationError) {
		const problems = caught.problems.map((p) => ({ ...p, message: clean(p.message) }));
		const error = new NodeOperationError(node, clean(caught.message), {
			itemIndex,
			description: `${problems.map((problem) => `• ${describeProblem(problem)}`).join('\n')}\n${NOT_SENT}`,
		});
		return { error, details: { kind: 'invalidInput', problems: problems as unknown as IDataObject[] } };
	}
	if (caught instanceof CredentialSetupError) {
		const error = new NodeOperationError(node, `Credential: ${clean(caught.message)}`, {
			itemIndex,
			description: `Fix the "${CREDENTIAL_DISPLAY_NAME}" credential. ${NOT_SENT}`,
		});
		return { error, details: { kind: 'credential' } };
	}
	if (caught instanceof NotSentError) {
		const error = new NodeOperationError(node, caught.message, {
			itemIndex,
			description:
				caught.reason === 'cancelled'
					? NOT_SENT
					: `${MAX_IN_A_ROW_TEXT} ${NOT_SENT} Check the endpoint, then run these items again.`,
		});
		return { error, details: { kind: 'notSent', reason: caught.reason, orderMayExist: false } };
	}
	if (caught instanceof AlreadyAttemptedError) {
		const error = new NodeOperationError(node, clean(caught.message), {
			itemIndex,
			description:
				'Check the Sectigo account for this order. If it is not there and you want to send it, use the Forget Sent Orders operation, then run it again.',
		});
		return {
			error,
			details: { kind: 'alreadyAttempted', by: caught.by, ...(caught.reference ? { orderReference: clean(caught.reference) } : {}), orderMayExist: true },
		};
	}
	if (caught instanceof SectigoAnswerError) return sectigoAnswerFailure(node, itemIndex, caught, clean);
	if (caught instanceof TransportError) return transportFailure(node, itemIndex, caught, clean);

	const message = caught instanceof Error ? caught.message : String(caught);
	const description = caught instanceof NodeOperationError ? caught.description : undefined;
	const error = new NodeOperationError(node, clean(message), {
		itemIndex,
		...(description ? { description: clean(description) } : {}),
	});
	return { error, details: { kind: 'nodeError' } };
}

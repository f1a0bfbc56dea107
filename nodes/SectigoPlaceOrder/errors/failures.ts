import type { SectigoReply } from '../reply/parseReply';
import type { NetworkFailure } from './networkFailure';

/** Sectigo answered, but not with an order: its own error, or a reply that is not a PlaceOrder answer at all. */
export class SectigoAnswerError extends Error {
	constructor(readonly reply: Exclude<SectigoReply, { kind: 'order' }>) {
		super(reply.kind === 'sectigoError' ? reply.errorMessage : reply.reason);
		this.name = 'SectigoAnswerError';
	}
}

/** The request failed on the way (no complete reply was read). */
export class TransportError extends Error {
	constructor(readonly failure: NetworkFailure) {
		super(failure.message);
		this.name = 'TransportError';
	}
}

/** Why an item was not sent although its input was fine. */
export type NotSentReason = 'cancelled' | 'endpointStoppedAnswering';

/** The item was never sent: the execution was cancelled, or the endpoint had stopped answering. */
export class NotSentError extends Error {
	constructor(readonly reason: NotSentReason) {
		super(
			reason === 'cancelled'
				? 'Not sent: the execution was cancelled before this order was sent'
				: 'Not sent: the endpoint stopped answering',
		);
		this.name = 'NotSentError';
	}
}

/** An earlier attempt for this item or Order Reference may have placed an order, so it is not sent again. */
export class AlreadyAttemptedError extends Error {
	constructor(readonly by: 'item' | 'reference', readonly reference?: string) {
		super(
			by === 'reference'
				? `Not sent again: Order Reference "${reference}" was sent before, and that attempt may have placed an order`
				: 'Not sent again: this item was sent before, and that attempt may have placed an order',
		);
		this.name = 'AlreadyAttemptedError';
	}
}

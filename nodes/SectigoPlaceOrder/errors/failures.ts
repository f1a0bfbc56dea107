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

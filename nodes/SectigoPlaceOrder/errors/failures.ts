import type { SectigoReply } from '../reply/parseReply';
import type { NetworkFailure } from './networkFailure';

/** Sectigo answered, but not with an order: its own error, or a reply that is not a PlaceOrder answer at all. */
export class SectigoAnswerError extends Error {
	constructor(readonly reply: Exclude<SectigoReply, { kind: 'order' }>) {
		super(reply.kind === 'sectigoError' ? reply.errorMessage : reply.reason);
		this.name = 'SectigoAnswerError';
	}
}

/** The request failed on the way (no reply was read). */
export class TransportError extends Error {
	constructor(readonly failure: NetworkFailure) {
		super(failure.message);
		this.name = 'TransportError';
	}
}

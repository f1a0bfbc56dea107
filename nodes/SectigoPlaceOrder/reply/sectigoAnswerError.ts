import type { SectigoReply } from './parseReply';

/** Sectigo answered, but not with an order: its own error, or a reply that is not a PlaceOrder answer at all. */
export class SectigoAnswerError extends Error {
	constructor(readonly reply: Exclude<SectigoReply, { kind: 'order' }>) {
		super(reply.kind === 'sectigoError' ? reply.errorMessage : reply.reason);
		this.name = 'SectigoAnswerError';
	}
}

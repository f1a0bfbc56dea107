import { redact, redactFields } from '../errors/redact';
import type { SectigoReply } from './parseReply';

/** A reply with every secret removed from every field Sectigo sent back (an echo must not leak a password). */
export function scrubReply(reply: SectigoReply, secrets: readonly string[]): SectigoReply {
	const clean = (text: string) => redact(text, secrets);
	switch (reply.kind) {
		case 'order':
			return { ...reply, orderNumber: clean(reply.orderNumber), fields: redactFields(reply.fields, secrets) };
		case 'sectigoError':
			return {
				...reply,
				errorMessage: clean(reply.errorMessage),
				...(reply.errorItem !== undefined ? { errorItem: clean(reply.errorItem) } : {}),
				fields: redactFields(reply.fields, secrets),
			};
		default:
			return { ...reply, reason: clean(reply.reason), excerpt: clean(reply.excerpt) };
	}
}

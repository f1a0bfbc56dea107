import { NodeOperationError, type IDataObject, type IExecuteFunctions, type INodeExecutionData } from 'n8n-workflow';

import { SECRET_PARAMETER_NAMES } from '../catalog';
import { withIdentity } from '../credential/identityFields';
import type { SectigoCredential } from '../credential/readCredential';
import { OPTIONS, ORDER_REFERENCE, TIMEOUT_SECONDS } from '../description/names';
import { AlreadyAttemptedError, NotSentError, SectigoAnswerError, TransportError } from '../errors/failures';
import { orderFingerprint } from '../guard/fingerprint';
import { OrderGuard, type GuardKeys } from '../guard/orderGuard';
import { orderOutput } from '../reply/orderOutput';
import { redact } from '../errors/redact';
import { parseReply } from '../reply/parseReply';
import { scrubReply } from '../reply/scrubReply';
import { DEFAULT_DEADLINE_SECONDS, sendOrder } from '../transport/sendOrder';

const RETRY_REFUSED =
	'"Retry On Fail" is on in this node\'s settings: placing an order is not idempotent, and a retry could order twice. Turn it off; use the error output to handle failures.';

/** After this many orders in a row get no answer, the rest of the run is not sent. */
export const MAX_UNANSWERED_IN_A_ROW = 3;

const SECRET_NAMES: ReadonlySet<string> = SECRET_PARAMETER_NAMES;

/** The state of one execution's Place Order run: the credential, the guard, and what happened so far. */
export class OrderRun {
	readonly guard: OrderGuard;
	/** Orders placed in this run, by item index, for the message of a run that stops. */
	private readonly placed = new Map<number, string>();
	private unansweredInARow = 0;
	/** Per Order Reference, the last item of this run that uses it: the next one waits for its outcome. */
	private readonly referenceQueue = new Map<string, Promise<unknown>>();

	constructor(
		private readonly context: IExecuteFunctions,
		private readonly credential: SectigoCredential,
	) {
		this.guard = new OrderGuard(context);
	}

	/** Refuses to start an item that must not be sent: a cancelled execution, an endpoint that stopped answering. */
	checkCanSend(itemIndex: number) {
		if (this.context.getNode().retryOnFail) throw new NodeOperationError(this.context.getNode(), RETRY_REFUSED, { itemIndex });
		if (this.context.getExecutionCancelSignal?.()?.aborted) throw new NotSentError('cancelled');
		if (this.unansweredInARow >= MAX_UNANSWERED_IN_A_ROW) throw new NotSentError('endpointStoppedAnswering');
	}

	private options(itemIndex: number) {
		const options = this.context.getNodeParameter(OPTIONS, itemIndex, {}) as IDataObject;
		const reference = typeof options[ORDER_REFERENCE] === 'string' ? options[ORDER_REFERENCE].trim() : String(options[ORDER_REFERENCE] ?? '');
		const seconds = Number(options[TIMEOUT_SECONDS] ?? DEFAULT_DEADLINE_SECONDS);
		return {
			reference: reference === '' ? undefined : reference,
			deadlineMs: Math.round((Number.isFinite(seconds) && seconds > 0 ? seconds : DEFAULT_DEADLINE_SECONDS) * 1000),
		};
	}

	/**
	 * Places one order: claim it, send it once, read the answer, and record what became of it. Items of this run
	 * that share an Order Reference go one after the other, so that the second sees the first one's order.
	 */
	async place(itemIndex: number, orderBody: URLSearchParams, secrets: readonly string[]): Promise<INodeExecutionData> {
		const { reference } = this.options(itemIndex);
		if (reference === undefined) return await this.placeOnce(itemIndex, orderBody, secrets);
		const previous = this.referenceQueue.get(reference) ?? Promise.resolve();
		const mine = previous.then(
			() => this.placeOnce(itemIndex, orderBody, secrets),
			() => this.placeOnce(itemIndex, orderBody, secrets),
		);
		this.referenceQueue.set(reference, mine.catch(() => undefined));
		return await mine;
	}

	private async placeOnce(itemIndex: number, orderBody: URLSearchParams, secrets: readonly string[]): Promise<INodeExecutionData> {
		this.checkCanSend(itemIndex);
		const { reference, deadlineMs } = this.options(itemIndex);
		const body = withIdentity(this.credential.identity, orderBody);
		const keys: GuardKeys = {
			item: orderFingerprint(itemIndex, this.context.getInputData()[itemIndex]?.json ?? {}, body, SECRET_NAMES),
			...(reference !== undefined ? { reference } : {}),
		};

		const claim = await this.guard.claim(keys);
		if (!claim.claimed) {
			if (!claim.placed) throw new AlreadyAttemptedError(claim.by, reference);
			return this.alreadyOrdered(itemIndex, claim.by, reference, claim.orderNumber);
		}

		const result = await sendOrder(this.context.helpers, {
			url: this.credential.url,
			body,
			tls: this.credential.tls,
			deadlineMs,
			cancelSignal: this.context.getExecutionCancelSignal?.(),
		});
		if (!result.sent) {
			this.unansweredInARow++;
			if (!result.failure.orderMayExist) await this.guard.release(keys);
			throw new TransportError(result.failure);
		}
		this.unansweredInARow = 0;

		// Secrets are removed from the raw text (where they may sit %-escaped or split across what an excerpt
		// would cut) and again from every decoded field.
		const clean = (text: string) => redact(text, secrets);
		const raw = result.reply;
		const reply = scrubReply(parseReply(raw.status, clean(raw.body), raw.location && clean(raw.location), raw.tooLarge), secrets);
		if (reply.kind === 'sectigoError') {
			await this.guard.release(keys);
			throw new SectigoAnswerError(reply);
		}
		if (reply.kind !== 'order') throw new SectigoAnswerError(reply);

		await this.guard.placed(keys, reply.orderNumber);
		this.placed.set(itemIndex, reply.orderNumber);
		return {
			json: { ...orderOutput(reply), ...(reference !== undefined ? { orderReference: reference } : {}) },
			pairedItem: { item: itemIndex },
		};
	}

	/** "item 1 → order 1000001, item 2 → order 1000002" in input order; undefined when none was placed. */
	placedSummary(): string | undefined {
		if (this.placed.size === 0) return undefined;
		return [...this.placed.entries()]
			.sort(([a], [b]) => a - b)
			.map(([index, orderNumber]) => `item ${index + 1} → order ${orderNumber}`)
			.join(', ');
	}

	/** An item this node already ordered: it comes out as that order, marked, and is not sent again. */
	private alreadyOrdered(itemIndex: number, by: 'item' | 'reference', reference: string | undefined, orderNumber?: string): INodeExecutionData {
		return {
			json: {
				orderNumber: orderNumber ?? null,
				alreadyOrdered: true,
				sentAgain: false,
				...(reference !== undefined ? { orderReference: reference } : {}),
				note:
					by === 'reference'
						? `Order Reference "${reference}" was ordered before${orderNumber ? ` (order ${orderNumber})` : ''}: not sent again.`
						: `This item was ordered before${orderNumber ? ` (order ${orderNumber})` : ''}, for example by a Retry of this execution: not sent again.`,
			},
			pairedItem: { item: itemIndex },
		};
	}
}

import { NodeOperationError, type IDataObject, type IExecuteFunctions, type INodeExecutionData } from 'n8n-workflow';

import { SECRET_PARAMETER_NAMES } from '../catalog';
import { withIdentity } from '../credential/identityFields';
import type { SectigoCredential } from '../credential/readCredential';
import { OPTIONS, ORDER_REFERENCE, TIMEOUT_SECONDS } from '../catalog/nodeParameterNames';
import { AlreadyAttemptedError, NotSentError } from '../errors/failures';
import { SectigoAnswerError } from '../reply/sectigoAnswerError';
import { TransportError } from '../transport/transportError';
import { redact } from '../errors/redact';
import { orderFingerprint } from '../guard/fingerprint';
import { OrderGuard, type Claim, type GuardKeys } from '../guard/orderGuard';
import { orderOutput } from '../reply/orderOutput';
import { parseReply } from '../reply/parseReply';
import { scrubReply } from '../reply/scrubReply';
import { DEFAULT_DEADLINE_SECONDS, sendOrder } from '../transport/sendOrder';
import { inOrderPool } from './inOrderPool';

const RETRY_REFUSED =
	'"Retry On Fail" is on in this node\'s settings: placing an order is not idempotent, and a retry could order twice. Turn it off; use the error output to handle failures.';

/** After this many orders in a row get no answer, the rest of the run is not sent. */
export const MAX_UNANSWERED_IN_A_ROW = 3;

const SECRET_NAMES: ReadonlySet<string> = SECRET_PARAMETER_NAMES;

/** One input item's order, validated and ready to send. */
export interface PreparedOrder {
	itemIndex: number;
	/** The whole form, identity fields included. */
	body: URLSearchParams;
	secrets: readonly string[];
	keys: GuardKeys;
	deadlineMs: number;
}

/** What became of an order that was sent: the guard is told at the end of the run, in one call. */
type Settled = { placed: true; orderNumber: string } | { placed: false; mayExist: boolean };

/** Reports each item's result as soon as it is known: an output item, or what went wrong. */
export type ResultSink = (itemIndex: number, result: { item: INodeExecutionData } | { failure: unknown }) => void;

/**
 * One execution's Place Order run. Every order is claimed in n8n's deduplication store before any is sent (one
 * call for the whole run), sent once, and what became of it is written back at the end (one call): a crash
 * in between leaves an item "may have been placed", never free to be sent twice.
 */
export class OrderRun {
	private readonly guard: OrderGuard;
	/** Orders placed in this run, by item index, for the message of a run that stops. */
	private readonly placedOrders = new Map<number, string>();
	private readonly toMarkPlaced: Array<{ keys: GuardKeys; orderNumber: string }> = [];
	private readonly toRelease: GuardKeys[] = [];
	private unansweredInARow = 0;

	constructor(
		private readonly context: IExecuteFunctions,
		private readonly credential: SectigoCredential,
	) {
		this.guard = new OrderGuard(context);
	}

	/** Builds what is sent for one item, and the keys it is remembered by. */
	prepare(itemIndex: number, orderBody: URLSearchParams, secrets: readonly string[]): PreparedOrder {
		const options = this.context.getNodeParameter(OPTIONS, itemIndex, {}) as IDataObject;
		const rawReference = options[ORDER_REFERENCE];
		const reference = (typeof rawReference === 'string' ? rawReference : String(rawReference ?? '')).trim();
		const seconds = Number(options[TIMEOUT_SECONDS] ?? DEFAULT_DEADLINE_SECONDS);
		const body = withIdentity(this.credential.identity, orderBody);
		return {
			itemIndex,
			body,
			secrets,
			keys: {
				item: orderFingerprint(itemIndex, this.context.getInputData()[itemIndex]?.json ?? {}, body, SECRET_NAMES),
				...(reference !== '' ? { reference } : {}),
			},
			deadlineMs: Math.round((Number.isFinite(seconds) && seconds > 0 ? seconds : DEFAULT_DEADLINE_SECONDS) * 1000),
		};
	}

	/**
	 * Sends the orders, at most `concurrency` at once, taking them in input order, until `stopped()`. Items that
	 * share an Order Reference go one after the other, so that the later ones see the first one's order.
	 */
	async placeAll(orders: readonly PreparedOrder[], concurrency: number, report: ResultSink, stopped: () => boolean): Promise<void> {
		const node = this.context.getNode();
		if (node.retryOnFail) {
			for (const order of orders) report(order.itemIndex, { failure: new NodeOperationError(node, RETRY_REFUSED, { itemIndex: order.itemIndex }) });
			return;
		}
		// The first item with a reference leads; each later one with the same reference waits for the one before it.
		const previousOf = new Map<PreparedOrder, PreparedOrder>();
		const lastWith = new Map<string, PreparedOrder>();
		for (const order of orders) {
			const reference = order.keys.reference;
			if (reference === undefined) continue;
			const previous = lastWith.get(reference);
			if (previous) previousOf.set(order, previous);
			lastWith.set(reference, order);
		}
		const leaders = orders.filter((order) => !previousOf.has(order));
		const claims = new Map<PreparedOrder, Claim>();
		(await this.guard.claimAll(leaders.map((order) => order.keys))).forEach((claim, i) => claims.set(leaders[i], claim));
		const outcomes = new Map<PreparedOrder, Promise<Settled | undefined>>();
		const started = new Set<PreparedOrder>();

		const work = async (position: number) => {
			const order = orders[position];
			started.add(order);
			const previous = previousOf.get(order);
			let settle: (outcome: Settled | undefined) => void = () => {};
			outcomes.set(order, new Promise((resolve) => (settle = resolve)));
			try {
				const claim = previous ? await this.followerClaim(order, outcomes.get(previous)) : claims.get(order)!;
				const item = await this.placeClaimed(order, claim, settle);
				report(order.itemIndex, { item });
			} catch (failure) {
				report(order.itemIndex, { failure });
			} finally {
				settle(undefined);
			}
		};

		try {
			await inOrderPool(orders.length, concurrency, work, stopped);
		} finally {
			// Claimed and never started (the run stopped): not sent, so forgotten.
			for (const order of leaders) if (!started.has(order) && claims.get(order)?.claimed) this.toRelease.push(order.keys);
			await this.guard.settle(this.toMarkPlaced, this.toRelease);
		}
	}

	/** A later item with the same Order Reference as an earlier one of this run: the earlier one's outcome decides. */
	private async followerClaim(order: PreparedOrder, previousOutcome: Promise<Settled | undefined> | undefined): Promise<Claim> {
		const outcome = await previousOutcome;
		if (outcome?.placed) return { claimed: false, by: 'reference', placed: true, orderNumber: outcome.orderNumber };
		if (outcome?.mayExist) return { claimed: false, by: 'reference', placed: false };
		// The earlier one did not happen: write that first, then claim the reference for this one.
		await this.guard.settle([], this.toRelease.splice(0));
		const [claim] = await this.guard.claimAll([order.keys]);
		return claim;
	}

	private async placeClaimed(order: PreparedOrder, claim: Claim, settle: (outcome: Settled) => void): Promise<INodeExecutionData> {
		const { itemIndex, keys } = order;
		const reference = keys.reference;
		if (!claim.claimed) {
			if (!claim.placed) {
				settle({ placed: false, mayExist: true });
				throw new AlreadyAttemptedError(claim.by, reference);
			}
			settle({ placed: true, orderNumber: claim.orderNumber ?? '' });
			return this.alreadyOrdered(itemIndex, claim.by, reference, claim.orderNumber);
		}
		const notSent = this.whyNotSend();
		if (notSent) {
			this.toRelease.push(keys);
			settle({ placed: false, mayExist: false });
			throw notSent;
		}

		const result = await sendOrder(this.context.helpers, {
			url: this.credential.url,
			body: order.body,
			tls: this.credential.tls,
			deadlineMs: order.deadlineMs,
			cancelSignal: this.context.getExecutionCancelSignal?.(),
		});
		if (!result.sent) {
			this.unansweredInARow++;
			if (!result.failure.orderMayExist) this.toRelease.push(keys);
			settle({ placed: false, mayExist: result.failure.orderMayExist });
			throw new TransportError(result.failure);
		}
		this.unansweredInARow = 0;

		// Secrets are removed from the raw text (where they may sit %-escaped or split across what an excerpt
		// would cut) and again from every decoded field.
		const raw = result.reply;
		const clean = (text: string) => redact(text, order.secrets);
		const reply = scrubReply(parseReply(raw.status, clean(raw.body), raw.location && clean(raw.location), raw.tooLarge), order.secrets);
		if (reply.kind !== 'order') {
			// Sectigo's own error means nothing was ordered; anything else may have placed it.
			const mayExist = reply.kind !== 'sectigoError';
			if (!mayExist) this.toRelease.push(keys);
			settle({ placed: false, mayExist });
			throw new SectigoAnswerError(reply);
		}
		this.toMarkPlaced.push({ keys, orderNumber: reply.orderNumber });
		this.placedOrders.set(itemIndex, reply.orderNumber);
		settle({ placed: true, orderNumber: reply.orderNumber });
		return {
			json: { ...orderOutput(reply), ...(reference !== undefined ? { orderReference: reference } : {}) },
			pairedItem: { item: itemIndex },
		};
	}

	/** Why an item must not be sent now: the execution was cancelled, or the endpoint stopped answering. */
	private whyNotSend(): NotSentError | undefined {
		if (this.context.getExecutionCancelSignal?.()?.aborted) return new NotSentError('cancelled');
		if (this.unansweredInARow >= MAX_UNANSWERED_IN_A_ROW) return new NotSentError('endpointStoppedAnswering');
		return undefined;
	}

	/** "item 1 → order 1000001, item 2 → order 1000002" in input order; undefined when none was placed. */
	placedSummary(): string | undefined {
		if (this.placedOrders.size === 0) return undefined;
		return [...this.placedOrders.entries()]
			.sort(([a], [b]) => a - b)
			.map(([index, orderNumber]) => `item ${index + 1} → order ${orderNumber}`)
			.join(', ');
	}

	/** An item this node already ordered: it comes out as that order, marked, and is not sent again. */
	private alreadyOrdered(itemIndex: number, by: 'item' | 'reference', reference: string | undefined, orderNumber?: string): INodeExecutionData {
		return {
			json: {
				orderNumber: orderNumber || null,
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

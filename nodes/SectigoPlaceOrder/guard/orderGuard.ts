import type { ICheckProcessedOptions, IDataObject, IExecuteFunctions } from 'n8n-workflow';

/**
 * The node's memory of the orders it sent, kept in n8n's database through its deduplication helpers (the store
 * behind the "Remove Duplicates" node): shared by every execution and, in queue mode, every worker.
 *
 * - `item:<fingerprint>`: this exact input item was sent as this exact order (by Retry, a re-run, a replayed
 *   webhook or the same data run again, it is never sent twice);
 * - `ref:<reference>`: the Order Reference (a business key such as a CRM deal ID) was sent;
 * - `placed:<key>`: Sectigo answered with an order for it (without it, the earlier attempt may or may not have
 *   placed one).
 *
 * A key is claimed before sending and released only when the order provably did not happen. Order numbers are
 * kept beside it in the node's static data where n8n saves that (executions that are not manual).
 */

const STORE: ICheckProcessedOptions = { mode: 'entries', maxEntries: 100_000 };
const MAX_KEPT_ORDER_NUMBERS = 2000;

export interface GuardKeys {
	item: string;
	reference?: string;
}

export type Claim =
	| { claimed: true }
	| { claimed: false; by: 'item' | 'reference'; placed: boolean; orderNumber?: string };

/** Calls to the store from one n8n process, one at a time per node (the store reads and rewrites its list). */
const queues = new Map<string, Promise<unknown>>();

function serialised<T>(key: string, work: () => Promise<T>): Promise<T> {
	const previous = queues.get(key) ?? Promise.resolve();
	const next = previous.then(work, work);
	const settled = next.then(
		() => undefined,
		() => undefined,
	);
	queues.set(key, settled);
	void settled.then(() => {
		if (queues.get(key) === settled) queues.delete(key);
	});
	return next;
}

const valuesOf = (keys: GuardKeys) => [`item:${keys.item}`, ...(keys.reference !== undefined ? [`ref:${keys.reference}`] : [])];

export class OrderGuard {
	private readonly queueKey: string;

	constructor(private readonly context: IExecuteFunctions) {
		this.queueKey = `${context.getWorkflow().id ?? ''}/${context.getNode().id}`;
	}

	private run<T>(work: () => Promise<T>): Promise<T> {
		return serialised(this.queueKey, work);
	}

	/** The order numbers kept in static data, read without touching it (a change would make n8n save it). */
	private keptOrderNumber(value: string): string | undefined {
		const orders = this.context.getWorkflowStaticData('node').orders as IDataObject | undefined;
		const orderNumber = orders && typeof orders === 'object' ? orders[value] : undefined;
		return typeof orderNumber === 'string' ? orderNumber : undefined;
	}

	/** The order numbers kept in static data, for a change. */
	private keptOrders(): IDataObject {
		const data = this.context.getWorkflowStaticData('node');
		if (data.orders === null || typeof data.orders !== 'object') data.orders = {};
		return data.orders as IDataObject;
	}

	/** Whether a value is in the store, without leaving it there. */
	private async has(value: string): Promise<boolean> {
		const helpers = this.context.helpers;
		const { processed } = await helpers.checkProcessedAndRecord([value], 'node', STORE);
		if (processed.length === 0) await helpers.removeProcessed([value], 'node', STORE);
		return processed.length > 0;
	}

	/** Records the keys before the order is sent; refuses when any of them was sent before. */
	claim(keys: GuardKeys): Promise<Claim> {
		return this.run(async () => {
			const helpers = this.context.helpers;
			const values = valuesOf(keys);
			const result = await helpers.checkProcessedAndRecord(values, 'node', STORE);
			if (result.processed.length === 0) return { claimed: true };
			if (result.new.length > 0) await helpers.removeProcessed(result.new as string[], 'node', STORE);
			const first = String(result.processed.find((v) => String(v).startsWith('ref:')) ?? result.processed[0]);
			const placed = await this.has(`placed:${first}`);
			const orderNumber = this.keptOrderNumber(first);
			return {
				claimed: false,
				by: first.startsWith('ref:') ? 'reference' : 'item',
				placed,
				...(orderNumber !== undefined ? { orderNumber } : {}),
			};
		});
	}

	/** Sectigo answered with an order: the keys stay recorded, with the order number where n8n keeps it. */
	placed(keys: GuardKeys, orderNumber: string): Promise<void> {
		return this.run(async () => {
			const values = valuesOf(keys);
			await this.context.helpers.checkProcessedAndRecord(values.map((v) => `placed:${v}`), 'node', STORE);
			const kept = this.keptOrders();
			for (const value of values) {
				delete kept[value];
				kept[value] = orderNumber;
			}
			const names = Object.keys(kept);
			for (const name of names.slice(0, Math.max(0, names.length - MAX_KEPT_ORDER_NUMBERS))) delete kept[name];
		});
	}

	/** The order provably did not happen (refused before sending, or Sectigo's error reply): forget the keys. */
	release(keys: GuardKeys): Promise<void> {
		return this.run(() => this.context.helpers.removeProcessed(valuesOf(keys), 'node', STORE));
	}

	/** Forgets everything this node recorded (the "Forget Sent Orders" operation, everything). */
	forgetAll(): Promise<void> {
		return this.run(async () => {
			await this.context.helpers.clearAllProcessedItems('node', STORE);
			this.context.getWorkflowStaticData('node').orders = {};
		});
	}

	/** Forgets an Order Reference, so that it can be ordered again (the "Forget Order Reference" operation). */
	forgetReference(reference: string): Promise<boolean> {
		return this.run(async () => {
			const value = `ref:${reference}`;
			const known = await this.has(value);
			await this.context.helpers.removeProcessed([value, `placed:${value}`], 'node', STORE);
			if (this.keptOrderNumber(value) !== undefined) delete this.keptOrders()[value];
			return known;
		});
	}
}

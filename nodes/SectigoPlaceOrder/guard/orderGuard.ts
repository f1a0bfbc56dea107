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

	/**
	 * Records the keys of many orders in one call before any of them is sent. Each gets `claimed: true`, or, when
	 * one of its keys was sent before, what is known of that earlier order. The same key twice in one call: only
	 * the first is claimed (the caller keeps such items apart).
	 */
	claimAll(list: readonly GuardKeys[]): Promise<Claim[]> {
		return this.run(async () => {
			if (list.length === 0) return [];
			const helpers = this.context.helpers;
			const values = [...new Set(list.flatMap(valuesOf))];
			const result = await helpers.checkProcessedAndRecord(values, 'node', STORE);
			const before = new Set(result.processed.map(String));
			const refused = list.filter((keys) => valuesOf(keys).some((value) => before.has(value)));
			// A refused item's other keys (recorded just now) are taken back: it is not being sent.
			const takeBack = refused.flatMap(valuesOf).filter((value) => !before.has(value));
			if (takeBack.length > 0) await helpers.removeProcessed(takeBack, 'node', STORE);
			const placed = await this.present(refused.map((keys) => `placed:${this.earlier(keys, before)}`));
			return list.map((keys): Claim => {
				if (!valuesOf(keys).some((value) => before.has(value))) return { claimed: true };
				const first = this.earlier(keys, before);
				const orderNumber = this.keptOrderNumber(first);
				return {
					claimed: false,
					by: first.startsWith('ref:') ? 'reference' : 'item',
					placed: placed.has(`placed:${first}`),
					...(orderNumber !== undefined ? { orderNumber } : {}),
				};
			});
		});
	}

	/** The key by which an item was sent before: its Order Reference where that was, else the item itself. */
	private earlier(keys: GuardKeys, before: ReadonlySet<string>): string {
		return valuesOf(keys)
			.filter((value) => before.has(value))
			.sort((a, b) => Number(b.startsWith('ref:')) - Number(a.startsWith('ref:')))[0];
	}

	/** Which of these values are in the store, without leaving the others there. */
	private async present(values: string[]): Promise<Set<string>> {
		if (values.length === 0) return new Set();
		const helpers = this.context.helpers;
		const unique = [...new Set(values)];
		const { processed, new: absent } = await helpers.checkProcessedAndRecord(unique, 'node', STORE);
		if (absent.length > 0) await helpers.removeProcessed(absent as string[], 'node', STORE);
		return new Set(processed.map(String));
	}

	/**
	 * Writes what became of the claimed orders, in one call each: Sectigo answered with an order (its keys stay,
	 * marked placed, with the order number where n8n keeps it), or the order provably did not happen (its keys
	 * are forgotten).
	 */
	settle(placed: ReadonlyArray<{ keys: GuardKeys; orderNumber: string }>, released: readonly GuardKeys[]): Promise<void> {
		return this.run(async () => {
			const helpers = this.context.helpers;
			if (placed.length > 0) {
				await helpers.checkProcessedAndRecord(placed.flatMap(({ keys }) => valuesOf(keys).map((v) => `placed:${v}`)), 'node', STORE);
				const kept = this.keptOrders();
				for (const { keys, orderNumber } of placed) {
					for (const value of valuesOf(keys)) {
						delete kept[value];
						kept[value] = orderNumber;
					}
				}
				const names = Object.keys(kept);
				for (const name of names.slice(0, Math.max(0, names.length - MAX_KEPT_ORDER_NUMBERS))) delete kept[name];
			}
			if (released.length > 0) await helpers.removeProcessed(released.flatMap(valuesOf), 'node', STORE);
		});
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
			const known = (await this.present([value])).has(value);
			await this.context.helpers.removeProcessed([value, `placed:${value}`], 'node', STORE);
			if (this.keptOrderNumber(value) !== undefined) delete this.keptOrders()[value];
			return known;
		});
	}
}

import { DataDeduplicationService } from 'n8n-core';
import type {
	DeduplicationItemTypes,
	DeduplicationScope,
	ICheckProcessedContextData,
	IDataDeduplicator,
	IDeduplicationOutput,
} from 'n8n-workflow';

/**
 * n8n's deduplication store (what `checkProcessedAndRecord` and friends use), kept in memory for n8n-core
 * tests: the same semantics as n8n's database-backed one in "entries" mode, one list per workflow and node.
 */
export class MemoryDeduplicator implements IDataDeduplicator {
	readonly lists = new Map<string, string[]>();
	/** Every call, for tests that count them. */
	calls = 0;

	private listOf(scope: DeduplicationScope, context: ICheckProcessedContextData): string[] {
		const key = `${context.workflow.id}|${scope === 'node' ? `n:${context.node?.id}` : ''}`;
		let list = this.lists.get(key);
		if (!list) this.lists.set(key, (list = []));
		return list;
	}

	async checkProcessedAndRecord(
		items: DeduplicationItemTypes[],
		scope: DeduplicationScope,
		context: ICheckProcessedContextData,
	): Promise<IDeduplicationOutput> {
		this.calls++;
		const list = this.listOf(scope, context);
		const output: IDeduplicationOutput = { new: [], processed: [] };
		for (const item of items) {
			if (list.includes(String(item))) output.processed.push(item);
			else {
				output.new.push(item);
				list.push(String(item));
			}
		}
		return output;
	}

	async removeProcessed(items: DeduplicationItemTypes[], scope: DeduplicationScope, context: ICheckProcessedContextData): Promise<void> {
		this.calls++;
		const list = this.listOf(scope, context);
		for (const item of items) {
			const index = list.indexOf(String(item));
			if (index >= 0) list.splice(index, 1);
		}
	}

	async clearAllProcessedItems(scope: DeduplicationScope, context: ICheckProcessedContextData): Promise<void> {
		this.calls++;
		this.listOf(scope, context).length = 0;
	}

	async getProcessedDataCount(scope: DeduplicationScope, context: ICheckProcessedContextData): Promise<number> {
		return this.listOf(scope, context).length;
	}

	/** Every recorded value, for tests. */
	values(): string[] {
		return [...this.lists.values()].flat();
	}
}

let installed: { store?: MemoryDeduplicator } | undefined;

/**
 * The deduplication service n8n-core's helpers call, installed once per test process; each run can point it at
 * its own store (a fresh one by default), so that runs share a memory only when a test says so.
 */
export async function useDeduplicator(store: MemoryDeduplicator): Promise<void> {
	if (!installed) {
		const holder: { store?: MemoryDeduplicator } = {};
		const delegate: IDataDeduplicator = {
			checkProcessedAndRecord: (items, scope, context) => holder.store!.checkProcessedAndRecord(items, scope, context),
			removeProcessed: (items, scope, context) => holder.store!.removeProcessed(items, scope, context),
			clearAllProcessedItems: (scope, context) => holder.store!.clearAllProcessedItems(scope, context),
			getProcessedDataCount: (scope, context) => holder.store!.getProcessedDataCount(scope, context),
		};
		await DataDeduplicationService.init(delegate);
		installed = holder;
	}
	installed.store = store;
}

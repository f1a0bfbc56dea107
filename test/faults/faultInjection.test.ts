/**
 * Failure injection: every way the network and the far end can misbehave, driven through the node in n8n-core's
 * engine, each followed by n8n's Retry of the same execution data. For every fault it prints: items in, items out,
 * requests that reached the server, orders created, duplicates (must be 0) and the flags the items carried.
 */
import type { INodeExecutionData } from 'n8n-workflow';

import { makeTestPki } from '../../sandbox/pki';
import { startSandbox, type Fault } from '../../sandbox/server';
import { startFaultServer, type FaultKind } from '../harness/faultServers';
import { MemoryDeduplicator } from '../harness/memoryDeduplicator';
import { runInN8n } from '../harness/runInN8n';

const pki = makeTestPki();
const ACCOUNT = { loginName: 'acme', loginPassword: 'pw-s3cret-99' };
const ITEMS = 3;
const inputs = Array.from({ length: ITEMS }, (_, i) => ({ email: `buyer${i + 1}@example.com` }));
const parameters = { emailAddress: '={{ $json.email }}', items: { item: [{ PPP: 400 }] }, options: { timeout: 1 } };

interface Target {
	url: string;
	/** The email of every request that reached the server, in order. */
	received(): string[];
	/** Orders the server created (a server that is not the sandbox counts every request it read as one). */
	orders(): number;
	close(): Promise<void>;
}

async function sandboxTarget(fault: Fault): Promise<Target> {
	const sandbox = await startSandbox({ pki, fault, rules: { accounts: [ACCOUNT] } });
	return {
		url: sandbox.url,
		received: () => sandbox.requests.map((r) => Object.fromEntries(r.form).emailAddress),
		orders: () => sandbox.orders.length,
		close: () => sandbox.close(),
	};
}

async function faultTarget(kind: FaultKind): Promise<Target> {
	const server = await startFaultServer(kind, { pki, trickleMs: 200 });
	const received = () => server.requests.map((r) => new URLSearchParams(r.body).get('emailAddress') ?? '');
	return { url: server.url, received, orders: () => received().length, close: () => server.close() };
}

/** One short word per item: what its output says about the order. */
function flagOf(item: INodeExecutionData): string {
	const json = item.json as { orderNumber?: string; alreadyOrdered?: boolean; details?: Record<string, unknown> };
	if (json.alreadyOrdered) return 'alreadyOrdered';
	if (json.orderNumber) return 'order';
	const details = json.details ?? {};
	const parts = [String(details.kind)];
	if (details.orderMayExist === true) parts.push('mayExist');
	if (details.orderMayExist === false) parts.push('notSent');
	if (details.timedOut) parts.push('timedOut');
	return parts.join('+');
}

const tally = (flags: string[]) =>
	Object.entries(flags.reduce<Record<string, number>>((counts, flag) => ({ ...counts, [flag]: (counts[flag] ?? 0) + 1 }), {}))
		.map(([flag, count]) => `${count}×${flag}`)
		.join(', ');

const rows: string[] = [];

afterAll(() => {
	const header = 'fault                    in  out  requests  orders  dups  first run / retry';
	console.log(`failure injection (${ITEMS} items, then n8n's Retry of the same data)\n${header}\n${rows.join('\n')}`);
});

const SCENARIOS: Array<[string, () => Promise<Target>]> = [
	...(['resetBeforeBody', 'resetAfterBody', 'noReply', 'html502', 'empty', 'truncated'] as const).map(
		(fault): [string, () => Promise<Target>] => [`sandbox ${fault}`, () => sandboxTarget(fault)],
	),
	...(
		['unauthorizedTruncated', 'unauthorizedBadGzip', 'corruptTlsRecord', 'trickle', 'deadTcp', 'silentAfterRequest', 'handshakeThenReset', 'rejectHandshake'] as const
	).map((kind): [string, () => Promise<Target>] => [kind, () => faultTarget(kind)]),
];

test.each(SCENARIOS)('%s: one output item per input item, never a duplicate order, also after a Retry', async (name, start) => {
	const target = await start();
	try {
		const store = new MemoryDeduplicator();
		const credentials = { endpoint: 'custom', customUrl: target.url, caCertificate: pki.caCert, ...ACCOUNT };
		const run = (mode: 'webhook' | 'retry') =>
			runInN8n({ parameters, credentials, inputs, store, mode, onError: 'continueErrorOutput' });

		const first = await run('webhook');
		const afterFirst = target.received().length;
		const retry = await run('retry');
		const received = target.received();
		const duplicates = received.length - new Set(received).size;
		const firstOut = [...first.success, ...first.errors];
		const retryOut = [...retry.success, ...retry.errors];
		rows.push(
			`${name.padEnd(24)} ${String(ITEMS).padStart(2)} ${String(firstOut.length).padStart(4)} ${String(received.length).padStart(9)} ${String(target.orders()).padStart(7)} ${String(duplicates).padStart(5)}  ${tally(firstOut.map(flagOf))} / ${tally(retryOut.map(flagOf))}`,
		);

		expect(firstOut).toHaveLength(ITEMS);
		expect(retryOut).toHaveLength(ITEMS);
		expect(new Set(firstOut.map((item) => (item.pairedItem as { item: number }).item))).toEqual(new Set([0, 1, 2]));
		expect(duplicates).toBe(0);
		expect(afterFirst).toBeLessThanOrEqual(ITEMS);
		// Whatever may have reached the server is never sent again by the Retry.
		const mayHaveReached = firstOut.filter((item) => flagOf(item) !== 'order' && !flagOf(item).includes('notSent')).length;
		expect(retryOut.filter((item) => flagOf(item).startsWith('alreadyAttempted'))).toHaveLength(mayHaveReached);
	} finally {
		await target.close();
	}
});

/**
 * Every path by which one input item could become two orders, closed and proved in n8n-core's engine: n8n's
 * Retry (the same execution data run again), the authenticated helper's re-send after a 401, TLS failures on
 * either side of the handshake, slow and dead endpoints, cancellation, and the Order Reference.
 */
import type { IDataObject } from 'n8n-workflow';

import { startSandbox, type Sandbox } from '../../sandbox/server';
import { makeTestPki } from '../../sandbox/pki';
import { startFaultServer, type FaultKind, type FaultServer } from '../harness/faultServers';
import { MemoryDeduplicator } from '../harness/memoryDeduplicator';
import { runInN8n, type RunOptions } from '../harness/runInN8n';

const pki = makeTestPki();
const ACCOUNT = { loginName: 'acme', loginPassword: 'pw-s3cret-99' };
let sandbox: Sandbox | undefined;
let fault: FaultServer | undefined;

afterEach(async () => {
	await sandbox?.close();
	await fault?.close();
	sandbox = undefined;
	fault = undefined;
});

const credentialFor = (url: string) => ({ endpoint: 'custom', customUrl: url, caCertificate: pki.caCert, ...ACCOUNT });
const deals = (count: number) => Array.from({ length: count }, (_, i) => ({ dealId: `D-${i + 1}`, email: `d${i + 1}@example.com` }));
const orderParameters = (extra: RunOptions["parameters"] = {}): RunOptions["parameters"] => ({
	emailAddress: '={{ $json.email }}',
	items: { item: [{ PPP: 400 }] },
	...extra,
});

async function faultRun(kind: FaultKind, options: Partial<RunOptions> = {}, trickleMs?: number) {
	fault = await startFaultServer(kind, { pki, ...(trickleMs ? { trickleMs } : {}) });
	return runInN8n({ parameters: orderParameters(), credentials: credentialFor(fault.url), inputs: deals(1), onError: 'continueErrorOutput', ...options });
}

describe("n8n's Retry of a failed execution", () => {
	test('re-sends nothing that reached Sectigo: placed items come out as their orders, the doubtful one stops the run', async () => {
		sandbox = await startSandbox({
			pki,
			rules: { accounts: [ACCOUNT] },
			respond: (_request, index) => (index === 3 ? { status: 502, body: '<html>502</html>', contentType: 'text/html' } : undefined),
		});
		const store = new MemoryDeduplicator();
		const staticData = {};
		const common = { parameters: orderParameters(), credentials: credentialFor(sandbox.url), inputs: deals(5), store, staticData };

		const first = await runInN8n({ ...common, mode: 'webhook' });
		expect(first.error?.message).toContain('did not give a PlaceOrder answer');
		expect(sandbox.requests).toHaveLength(4);
		expect(sandbox.orders.map((o) => o.orderNumber)).toEqual(['1000001', '1000002', '1000003']);

		const retry = await runInN8n({ ...common, mode: 'retry' });
		expect(sandbox.requests).toHaveLength(4);
		expect(retry.error?.message).toBe('Not sent again: this item was sent before, and that attempt may have placed an order');
		expect(retry.error?.description).toContain('Forget Sent Orders');

		// With "continue" the same retry shows every item: three known orders, the doubtful one, and item 5 sent.
		const continued = await runInN8n({ ...common, mode: 'retry', onError: 'continueErrorOutput' });
		expect(continued.success.map((i) => [i.json.orderNumber, i.json.alreadyOrdered ?? false, i.pairedItem])).toEqual([
			['1000001', true, { item: 0 }],
			['1000002', true, { item: 1 }],
			['1000003', true, { item: 2 }],
			['1000004', false, { item: 4 }],
		]);
		expect(continued.success[0].json).toMatchObject({ sentAgain: false });
		expect(continued.errors.map((i) => [(i.json.details as { kind: string }).kind, i.pairedItem])).toEqual([['alreadyAttempted', { item: 3 }]]);
		expect(sandbox.requests).toHaveLength(5);
		expect(new Set(sandbox.orders.map((o) => o.emailAddress)).size).toBe(sandbox.orders.length);
	});

	test('an item refused before sending (bad input) is sent by the Retry once the input is fixed', async () => {
		sandbox = await startSandbox({ pki, rules: { accounts: [ACCOUNT] } });
		const store = new MemoryDeduplicator();
		const inputs = [{ email: 'ok@example.com' }, { email: 'not an email' }];
		const run = (email: string) =>
			runInN8n({ parameters: orderParameters({ emailAddress: email }), credentials: credentialFor(sandbox!.url), inputs, store, onError: 'continueErrorOutput' });
		const first = await run('={{ $json.email }}');
		expect(first.errors).toHaveLength(1);
		const second = await run('={{ $json.email.includes("@") ? $json.email : "fixed@example.com" }}');
		expect(second.success.map((i) => [i.json.orderNumber, i.json.alreadyOrdered ?? false])).toEqual([
			[null, true],
			['1000002', false],
		]);
		expect(sandbox.requests).toHaveLength(2);
	});
});

describe('one request per order, whatever comes back', () => {
	test.each(['unauthorizedTruncated', 'unauthorizedBadGzip'] as const)('a 401 with a broken body (%s) is sent once', async (kind) => {
		const result = await faultRun(kind);
		expect(fault?.requests).toHaveLength(1);
		expect(result.errors[0].json.details).toMatchObject({ kind: 'transportFailure', orderMayExist: true });
	});

	test('a corrupted TLS record after the request: the order may exist', async () => {
		const result = await faultRun('corruptTlsRecord');
		expect(fault?.requests).toHaveLength(1);
		expect(result.errors[0].json.details).toMatchObject({ kind: 'transportFailure', orderMayExist: true });
	});

	test('a handshake the server aborts: nothing was sent, and the item can be sent again later', async () => {
		const store = new MemoryDeduplicator();
		const result = await faultRun('rejectHandshake', { store });
		expect(fault?.requests).toHaveLength(0);
		expect(result.errors[0].json.details).toMatchObject({ kind: 'transportFailure', orderMayExist: false });
		expect(store.values()).toEqual([]);
	});

	test('a reply bigger than 1 MB is not read further and is not an order', async () => {
		sandbox = await startSandbox({ pki, rules: { accounts: [ACCOUNT] }, respond: () => ({ body: `errorCode=0&orderNumber=1&x=${'a'.repeat(1_100_000)}` }) });
		const result = await runInN8n({ parameters: orderParameters(), credentials: credentialFor(sandbox.url), inputs: deals(1), onError: 'continueErrorOutput' });
		expect(result.success).toEqual([]);
		expect(result.errors[0].json.error).toContain('a reply larger than 1 MB');
		expect(result.errors[0].json.details).toMatchObject({ kind: 'notSectigoReply', orderMayExist: true });
	});
});

describe('slow and dead endpoints', () => {
	test('a body that trickles in past the deadline fails at the deadline, as "may exist"', async () => {
		const started = Date.now();
		const result = await faultRun('trickle', { parameters: orderParameters({ options: { timeout: 1 } }) }, 200);
		expect(Date.now() - started).toBeLessThan(5000);
		expect(result.errors[0].json.details).toMatchObject({ kind: 'transportFailure', orderMayExist: true, timedOut: true });
		expect(fault?.requests).toHaveLength(1);
	});

	test('after 3 orders in a row without an answer the rest are not sent, one item each', async () => {
		fault = await startFaultServer('deadTcp', { pki });
		const result = await runInN8n({
			parameters: orderParameters({ options: { timeout: 1 } }),
			credentials: credentialFor(fault.url),
			inputs: deals(6),
			onError: 'continueErrorOutput',
		});
		expect(fault.connections).toBe(3);
		expect(result.errors.map((i) => [(i.json.details as { kind: string }).kind, i.pairedItem])).toEqual([
			['transportFailure', { item: 0 }],
			['transportFailure', { item: 1 }],
			['transportFailure', { item: 2 }],
			['notSent', { item: 3 }],
			['notSent', { item: 4 }],
			['notSent', { item: 5 }],
		]);
		// The TLS handshake never completed: provably not sent.
		expect(result.errors[0].json.details).toMatchObject({ orderMayExist: false, timedOut: true });
		expect(result.errors[3].json.error).toBe('Not sent: the endpoint stopped answering');
	});

	test('a cancelled execution sends nothing more', async () => {
		fault = await startFaultServer('silentAfterRequest', { pki });
		let cancel: () => void = () => {};
		const running = runInN8n({
			parameters: orderParameters(),
			credentials: credentialFor(fault.url),
			inputs: deals(3),
			onError: 'continueErrorOutput',
			onStart: (c) => (cancel = c),
		});
		while (fault.requests.length === 0) await new Promise((resolve) => setTimeout(resolve, 20));
		cancel();
		await running;
		expect(fault.requests).toHaveLength(1);
	});
});

describe('Options → Order Reference', () => {
	const byReference = (extra: RunOptions["parameters"] = {}) =>
		orderParameters({ options: { orderReference: '={{ $json.dealId }}' }, ...extra });

	test('a reference that has an order is never ordered again by a later execution, until it is forgotten', async () => {
		sandbox = await startSandbox({ pki, rules: { accounts: [ACCOUNT] } });
		const store = new MemoryDeduplicator();
		const staticData = {};
		const run = (inputs: IDataObject[], parameters: RunOptions["parameters"] = byReference()) =>
			runInN8n({ parameters, credentials: credentialFor(sandbox!.url), inputs, store, staticData, mode: 'trigger' });

		const first = await run([{ dealId: 'D-9', email: 'first@example.com' }]);
		expect(first.success[0].json).toMatchObject({ orderNumber: '1000001', orderReference: 'D-9' });
		// Another execution, other data (a new email), the same deal: not sent.
		const again = await run([{ dealId: 'D-9', email: 'changed@example.com' }]);
		expect(again.success[0].json).toMatchObject({ orderNumber: '1000001', alreadyOrdered: true, sentAgain: false, orderReference: 'D-9' });
		expect(sandbox.requests).toHaveLength(1);

		const forget = await run([{}], { operation: 'forgetOrders', forgetWhat: 'reference', orderReference: 'D-9' });
		expect(forget.success[0].json).toEqual({ forgotten: 'reference', orderReference: 'D-9', wasRecorded: true });
		const third = await run([{ dealId: 'D-9', email: 'changed@example.com' }]);
		expect(third.success[0].json).toMatchObject({ orderNumber: '1000002' });
		expect(sandbox.requests).toHaveLength(2);
	});

	test("Sectigo's error reply releases the reference (nothing was ordered); a doubtful failure keeps it", async () => {
		let answer = 'errorCode=-4&errorMessage=bad&errorItem=country';
		sandbox = await startSandbox({ pki, rules: { accounts: [ACCOUNT] }, respond: () => ({ body: answer }) });
		const store = new MemoryDeduplicator();
		const run = () =>
			runInN8n({ parameters: byReference(), credentials: credentialFor(sandbox!.url), inputs: [{ dealId: 'D-1', email: 'a@example.com' }], store, onError: 'continueErrorOutput' });
		expect((await run()).errors[0].json.details).toMatchObject({ kind: 'sectigoError', errorCode: -4 });
		expect(store.values()).toEqual([]);

		sandbox.fault = 'resetAfterBody';
		answer = 'errorCode=0&orderNumber=77';
		expect((await run()).errors[0].json.details).toMatchObject({ kind: 'transportFailure', orderMayExist: true });
		sandbox.fault = 'none';
		const third = await run();
		expect(third.errors[0].json.details).toMatchObject({ kind: 'alreadyAttempted', by: 'reference', orderReference: 'D-1' });
		expect(sandbox.requests).toHaveLength(2);
	});

	test('two items of one run with the same reference: the second is not sent', async () => {
		sandbox = await startSandbox({ pki, rules: { accounts: [ACCOUNT] } });
		const result = await runInN8n({
			parameters: byReference(),
			credentials: credentialFor(sandbox.url),
			inputs: [
				{ dealId: 'D-1', email: 'a@example.com' },
				{ dealId: 'D-1', email: 'b@example.com' },
			],
		});
		expect(result.success.map((i) => [i.json.orderNumber, i.json.alreadyOrdered ?? false])).toEqual([
			['1000001', false],
			['1000001', true],
		]);
		expect(sandbox.requests).toHaveLength(1);
	});
});

/** Options → Orders In Flight: a bounded number of orders at once, output in input order, never an order twice. */
import { makeTestPki } from '../../sandbox/pki';
import { startSandbox, type Sandbox } from '../../sandbox/server';
import { MemoryDeduplicator } from '../harness/memoryDeduplicator';
import { runInN8n, type RunOptions } from '../harness/runInN8n';

const pki = makeTestPki();
const ACCOUNT = { loginName: 'acme', loginPassword: 'pw-s3cret-99' };
let sandbox: Sandbox;
afterEach(() => sandbox.close());

const buyers = (count: number) => Array.from({ length: count }, (_, i) => ({ email: `buyer${i + 1}@example.com`, deal: `D-${i + 1}` }));
const parameters = (concurrency: number, extra: RunOptions['parameters'] = {}): RunOptions['parameters'] => ({
	emailAddress: '={{ $json.email }}',
	items: { item: [{ PPP: 400 }] },
	options: { concurrency, ...((extra.options as object) ?? {}) },
});
const credentials = () => ({ endpoint: 'custom', customUrl: sandbox.url, caCertificate: pki.caCert, ...ACCOUNT });
const emailOf = (index: number) => Object.fromEntries(sandbox.requests[index].form).emailAddress;

test.each([1, 5, 20])('with %i in flight: never more at the server, every order once, output in input order', async (concurrency) => {
	sandbox = await startSandbox({ pki, rules: { accounts: [ACCOUNT] }, latencyMs: 400 });
	const inputs = buyers(Math.max(10, 2 * concurrency));
	const result = await runInN8n({ parameters: parameters(concurrency), credentials: credentials(), inputs });
	expect(result.error).toBeUndefined();
	expect(sandbox.maxInFlight).toBe(concurrency);
	expect(result.success.map((item) => item.pairedItem)).toEqual(inputs.map((_, item) => ({ item })));
	// Each output item is the order placed for its own input item.
	const orderOf = new Map(sandbox.orders.map((order) => [order.emailAddress, order.orderNumber]));
	expect(result.success.map((item) => item.json.orderNumber)).toEqual(inputs.map((input) => orderOf.get(input.email)));
	expect(new Set(sandbox.requests.map((_, index) => emailOf(index))).size).toBe(inputs.length);
	expect(sandbox.requests).toHaveLength(inputs.length);
});

test('when the node stops on an error, no new order starts; those in flight finish and are listed', async () => {
	sandbox = await startSandbox({
		pki,
		rules: { accounts: [ACCOUNT] },
		latencyMs: 30,
		respond: (request) =>
			Object.fromEntries(request.form).emailAddress === 'buyer3@example.com' ? { body: 'errorCode=-4&errorMessage=bad&errorItem=country' } : undefined,
	});
	const result = await runInN8n({ parameters: parameters(4), credentials: credentials(), inputs: buyers(20) });
	expect(result.error?.message).toBe('Sectigo error -4: bad');
	// Items 1-4 start at once; after item 3's error at most the other three in flight finish, and nothing new starts.
	expect(sandbox.requests.length).toBeLessThanOrEqual(4 + 3);
	const placed = sandbox.orders.map((order) => order.emailAddress);
	for (const email of placed) expect(result.error?.description).toContain(`item ${email.match(/\d+/)?.[0]} → order`);
	expect(result.error?.description).toMatch(/Already placed in this run \(not sent again\): item 1 → order \d+, item 2 → order \d+/);
});

test('with the error output, every item comes out once, in input order, and the bound holds', async () => {
	sandbox = await startSandbox({
		pki,
		rules: { accounts: [ACCOUNT] },
		latencyMs: 20,
		respond: (request) => (/buyer[13579]@/.test(Object.fromEntries(request.form).emailAddress) ? { status: 502, body: '<html>502</html>', contentType: 'text/html' } : undefined),
	});
	const result = await runInN8n({ parameters: parameters(6), credentials: credentials(), inputs: buyers(10), onError: 'continueErrorOutput' });
	expect(sandbox.maxInFlight).toBeLessThanOrEqual(6);
	expect(result.success.map((item) => (item.pairedItem as { item: number }).item)).toEqual([1, 3, 5, 7, 9]);
	expect(result.errors.map((item) => (item.pairedItem as { item: number }).item)).toEqual([0, 2, 4, 6, 8]);
});

test('the same Order Reference twice in one run at 10 in flight: one order', async () => {
	sandbox = await startSandbox({ pki, rules: { accounts: [ACCOUNT] }, latencyMs: 30 });
	const inputs = buyers(10).map((buyer, index) => ({ ...buyer, deal: index % 2 === 0 ? 'D-even' : `D-${index}` }));
	const store = new MemoryDeduplicator();
	const result = await runInN8n({
		parameters: parameters(10, { options: { orderReference: '={{ $json.deal }}' } }),
		credentials: credentials(),
		inputs,
		store,
	});
	expect(sandbox.requests).toHaveLength(6);
	expect(result.success.filter((item) => item.json.alreadyOrdered)).toHaveLength(4);
	expect(result.success.map((item) => item.pairedItem)).toEqual(inputs.map((_, item) => ({ item })));
});

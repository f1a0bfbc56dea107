/**
 * End to end in a real n8n 2.41.1: nothing that may have reached Sectigo is sent a second time, neither by n8n's
 * Retry of a failed production execution (with the saved workflow or with the current one) nor by the request
 * helper after a 401 whose body cannot be read.
 */
import { rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

import { sandboxCredentials, SANDBOX_CREDENTIAL_ID } from '../../sandbox/credentialFile';
import { DEFAULT_RULES } from '../../sandbox/placeOrder';
import { startSandbox, type Sandbox } from '../../sandbox/server';
import { DEV_LOGIN, setupOwner } from '../../devkit/n8nRest';
import { executeWorkflow, freePort, importCredentials, importWorkflow, nodeOutput } from '../../devkit/n8nCli';
import { ensureN8n, packPackage, prepareHome, type N8nHome } from '../../devkit/n8nHome';
import { restCall, restLogin, waitForExecution } from '../../devkit/n8nRest';
import { startN8n, waitForPostWebhook, type RunningN8n } from '../../devkit/n8nServer';
import { startFaultServer, type FaultKind } from '../harness/faultServers';

jest.setTimeout(20 * 60_000);

const PLACE_ORDER = 'Sectigo PlaceOrder';
const STATIC_DATA_KEY = `node:${PLACE_ORDER}`;
const MAY_HAVE_BEEN_SENT = 'The request to Sectigo failed after it may have been sent';
const NOT_SENT_AGAIN = 'Not sent again: this item was sent before, and that attempt may have placed an order';
const DEALS = [1, 2, 3, 4, 5].map((n) => ({ dealId: `D-${n}`, email: `d${n}@example.com` }));

const timings: Record<string, number> = {};
const observed: Record<string, unknown> = {};

let n8nDir: string;
let sandbox: Sandbox;
let home: N8nHome;
/** n8n's `flatted`, which stores execution data. */
let parseFlatted: (text: string) => unknown;

const placeOrderNode = (credential: { id: string; name: string }, extra: Record<string, unknown> = {}) => ({
	id: 'a1c3e5f7-0003-4b6d-8f10-000000000003',
	name: PLACE_ORDER,
	type: 'n8n-nodes-sectigo.sectigoPlaceOrder',
	typeVersion: 1,
	position: [440, 0],
	credentials: { sectigoPlaceOrderApi: credential },
	parameters: { emailAddress: '={{ $json.email }}', items: { item: [{ PPP: 400 }] } },
	...extra,
});

const timed = async <T>(label: string, work: () => Promise<T>): Promise<T> => {
	const started = Date.now();
	try {
		return await work();
	} finally {
		timings[label] = (Date.now() - started) / 1000;
	}
};

beforeAll(async () => {
	n8nDir = await timed('n8n install (0 when cached)', async () => ensureN8n());
	parseFlatted = (createRequire(join(n8nDir, 'package.json'))('flatted') as { parse: (text: string) => unknown }).parse;
	// The 4th request that reaches the sandbox is answered by a proxy's HTML 502, the others by the PlaceOrder rules.
	sandbox = await startSandbox({
		respond: (_request, index) => (index === 3 ? { status: 502, body: '<html>502</html>', contentType: 'text/html' } : undefined),
	});
	home = prepareHome(n8nDir, packPackage());
	await importCredentials(home, sandboxCredentials(sandbox).slice(0, 1));
});

afterAll(async () => {
	await sandbox?.close();
	if (home) rmSync(home.folder, { recursive: true, force: true });
	console.log(`neverTwice e2e timings (s): ${JSON.stringify(timings, null, 1)}\nobserved: ${JSON.stringify(observed, null, 1)}`);
});

interface RunError {
	message: string;
	description?: string;
	context?: { itemIndex?: number };
}
interface NodeRun {
	data?: { main: Array<Array<{ json: Record<string, unknown> }> | null> };
	error?: RunError;
}
interface FullExecution {
	id: string;
	status: string;
	mode: string;
	retryOf?: string | null;
	data: string;
}
interface ExecutionRunData {
	resultData: { runData: Record<string, NodeRun[]>; error?: RunError };
}

describe('with n8n running as a server', () => {
	let n8n: RunningN8n;
	let cookie = '';
	const rest = <T = unknown>(method: string, path: string, body?: unknown) => restCall<T>(n8n.url, cookie, method, path, body);

	beforeAll(async () => {
		n8n = await timed('n8n start', async () => startN8n(home, await freePort()));
		await setupOwner(n8n.url);
		cookie = await restLogin(n8n.url, DEV_LOGIN.email, DEV_LOGIN.password);
	});
	afterAll(() => n8n?.stop());

	/** An execution with its run data unflattened, and the PlaceOrder node's last run. */
	const readExecution = async (id: string) => {
		const execution = await rest<FullExecution>('GET', `/executions/${id}`);
		const data = parseFlatted(execution.data) as ExecutionRunData;
		const runs = data.resultData.runData[PLACE_ORDER] ?? [];
		return { execution, data, placeOrder: runs[runs.length - 1] };
	};
	const keptOrderNumbers = (staticData: Record<string, unknown> | null | undefined) =>
		Object.values(((staticData?.[STATIC_DATA_KEY] as { orders?: Record<string, string> } | undefined)?.orders ?? {}) as Record<string, string>);
	const storedStaticData = async (workflowId: string) => (await rest<{ staticData?: Record<string, unknown> | null }>('GET', `/workflows/${workflowId}`)).staticData;
	const placeOrderRequests = () => sandbox.requests.filter((request) => request.path === '/products/!PlaceOrder');

	test("n8n's Retry re-sends nothing that may have reached Sectigo", async () => {
		const workflow = await rest<{ id: string; versionId: string; nodes: Array<Record<string, unknown>>; connections: unknown }>('POST', '/workflows', {
			name: 'Sectigo: never twice (Retry)',
			active: false,
			settings: { executionOrder: 'v1' },
			nodes: [
				{
					id: 'a1c3e5f7-0001-4b6d-8f10-000000000001',
					name: 'Deals Webhook',
					type: 'n8n-nodes-base.webhook',
					typeVersion: 2,
					position: [0, 0],
					webhookId: 'a1c3e5f7-00ff-4b6d-8f10-0000000000ff',
					parameters: { httpMethod: 'POST', path: 'sectigo-never-twice', responseMode: 'onReceived', options: {} },
				},
				{
					id: 'a1c3e5f7-0002-4b6d-8f10-000000000002',
					name: 'Five Deals',
					type: 'n8n-nodes-base.code',
					typeVersion: 2,
					position: [220, 0],
					parameters: { jsCode: `return ${JSON.stringify(DEALS)}.map((json) => ({ json }));` },
				},
				placeOrderNode({ id: SANDBOX_CREDENTIAL_ID, name: 'Sectigo Sandbox' }),
			],
			connections: {
				'Deals Webhook': { main: [[{ node: 'Five Deals', type: 'main', index: 0 }]] },
				'Five Deals': { main: [[{ node: PLACE_ORDER, type: 'main', index: 0 }]] },
			},
		});
		// n8n 2.x "publishes" a version of the workflow: POST /rest/workflows/:id/activate with its versionId.
		await rest('POST', `/workflows/${workflow.id}/activate`, { versionId: workflow.versionId });
		await waitForPostWebhook(`${n8n.url}/webhook/sectigo-never-twice`);

		// The production run: items 1-3 are ordered, item 4 gets the HTML 502 and stops the node.
		const original = await timed('production webhook run', async () => {
			const started = await fetch(`${n8n.url}/webhook/sectigo-never-twice`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
			expect(started.status).toBe(200);
			return waitForExecution(n8n.url, cookie, workflow.id, (e) => e.mode === 'webhook');
		});
		expect(original.status).toBe('error');
		expect(sandbox.requests).toHaveLength(4);
		expect(placeOrderRequests().map((request) => Object.fromEntries(request.form).emailAddress)).toEqual(DEALS.slice(0, 4).map((deal) => deal.email));
		expect(sandbox.orders.map((order) => order.orderNumber)).toEqual(['1000001', '1000002', '1000003']);
		const first = await readExecution(original.id);
		expect(first.placeOrder.error).toMatchObject({
			message: expect.stringContaining("Sectigo's endpoint did not give a PlaceOrder answer"),
			description: expect.stringContaining('Already placed in this run (not sent again): item 1 → order 1000001, item 2 → order 1000002, item 3 → order 1000003.'),
		});
		observed['static data saved after the production run (order numbers)'] = keptOrderNumbers(await storedStaticData(workflow.id));

		const requestsBefore = sandbox.requests.length;
		const retry = async (of: string, loadWorkflow: boolean) => {
			const label = `Retry (loadWorkflow ${loadWorkflow})`;
			const answer = await timed(label, () => rest<{ id: string; status: string }>('POST', `/executions/${of}/retry`, { loadWorkflow }));
			const done = await waitForExecution(n8n.url, cookie, workflow.id, (e) => e.id === answer.id);
			const read = await readExecution(done.id);
			observed[`${label}: status`] = done.status;
			observed[`${label}: order numbers in the workflow's static data after it`] = keptOrderNumbers(await storedStaticData(workflow.id));
			observed[`${label}: PlaceOrder error`] = read.placeOrder.error && { message: read.placeOrder.error.message, itemIndex: read.placeOrder.error.context?.itemIndex };
			return { done, read };
		};
		const expectNothingSentAgain = ({ done, read }: Awaited<ReturnType<typeof retry>>) => {
			expect(done.status).toBe('error');
			expect(done.retryOf).toBeTruthy();
			// Items 1-3 come out as alreadyOrdered (the node's main output is dropped by n8n because the node stops),
			// item 4 is refused without a request, so the node stops there and item 5 is never reached.
			expect(read.placeOrder.error).toMatchObject({ message: NOT_SENT_AGAIN, context: { itemIndex: 3 } });
			expect(read.placeOrder.error?.description ?? '').not.toContain('Already placed in this run');
			expect(sandbox.requests).toHaveLength(requestsBefore);
			expect(sandbox.orders).toHaveLength(3);
		};

		// Retry with the workflow as it was saved in the execution.
		const withSaved = await retry(original.id, false);
		expect(withSaved.done.retryOf).toBe(original.id);
		expectNothingSentAgain(withSaved);

		// Retry the newest failed execution (the first retry) with the current workflow.
		const failed = await waitForExecution(n8n.url, cookie, workflow.id, (e) => e.status === 'error');
		expect(failed.id).toBe(withSaved.done.id);
		const withCurrent = await retry(failed.id, true);
		expect(withCurrent.done.retryOf).toBe(failed.id);
		expectNothingSentAgain(withCurrent);

		// To see the items themselves: the node's error output on, then Retry with the current workflow once more.
		// Items 1-3 are alreadyOrdered, item 4 is the alreadyAttempted error item, and item 5, never sent, is sent now.
		// Their order numbers come from the workflow's static data: a Retry that only reads it leaves it as it was
		// (a Retry with loadWorkflow false runs with the execution's older copy, which n8n saves only if it changed).
		const current = await rest<{ versionId: string; nodes: Array<{ name: string }> }>('GET', `/workflows/${workflow.id}`);
		await rest('PATCH', `/workflows/${workflow.id}`, {
			versionId: current.versionId,
			nodes: current.nodes.map((node) => (node.name === PLACE_ORDER ? { ...node, onError: 'continueErrorOutput' } : node)),
		});
		const lastFailed = await waitForExecution(n8n.url, cookie, workflow.id, (e) => e.status === 'error');
		expect(lastFailed.id).toBe(withCurrent.done.id);
		const shown = await timed('Retry with the error output on', () => rest<{ id: string }>('POST', `/executions/${lastFailed.id}/retry`, { loadWorkflow: true }));
		const shownDone = await waitForExecution(n8n.url, cookie, workflow.id, (e) => e.id === shown.id);
		expect(shownDone.status).toBe('success');
		const { placeOrder } = await readExecution(shownDone.id);
		const [main, errors] = placeOrder.data?.main ?? [];
		const mainJson = (main ?? []).map((item) => item.json);
		observed['Retry with the error output on: main output'] = mainJson.map(({ orderNumber, alreadyOrdered, sentAgain }) => ({ orderNumber, alreadyOrdered, sentAgain }));
		expect(mainJson).toHaveLength(4);
		mainJson.slice(0, 3).forEach((json, index) => {
			expect(json).toMatchObject({ alreadyOrdered: true, sentAgain: false, note: expect.stringContaining('This item was ordered before') });
			expect(json.orderNumber).toBe(`100000${index + 1}`);
		});
		expect(mainJson[3]).toMatchObject({ orderNumber: '1000004' });
		expect(mainJson[3].alreadyOrdered).toBeUndefined();
		expect((errors ?? []).map((item) => item.json)).toEqual([
			expect.objectContaining({ dealId: 'D-4', error: NOT_SENT_AGAIN, details: expect.objectContaining({ kind: 'alreadyAttempted', by: 'item', orderMayExist: true }) }),
		]);
		expect(sandbox.requests.slice(requestsBefore).map((request) => Object.fromEntries(request.form).emailAddress)).toEqual(['d5@example.com']);
		expect(sandbox.orders.map((order) => order.orderNumber)).toEqual(['1000001', '1000002', '1000003', '1000004']);
	});
});

test('a 401 with a cut-off body, and a 401 with a corrupt gzip body, are sent once', async () => {
	const kinds: FaultKind[] = ['unauthorizedTruncated', 'unauthorizedBadGzip'];
	for (const kind of kinds) {
		const fault = await startFaultServer(kind, { pki: sandbox.pki });
		try {
			const short = kind === 'unauthorizedTruncated' ? 'Cut' : 'Gzip';
			const credential = { id: `sectigoFault${short}`, name: `Sectigo fault server (${kind})` };
			const { loginName, loginPassword } = DEFAULT_RULES.accounts[0];
			await importCredentials(home, [
				{
					...credential,
					type: 'sectigoPlaceOrderApi',
					data: { endpoint: 'custom', customUrl: fault.url, ap: 'SandboxBrand', loginName, loginPassword, caCertificate: sandbox.pki.caCert },
				},
			]);
			// One workflow per fault server: the item claimed by one run is not the other's.
			const workflowId = `sectigoNeverTwice${short}`;
			await importWorkflow(home, {
				id: workflowId,
				name: `Sectigo: 401 sent once (${kind})`,
				active: false,
				settings: { executionOrder: 'v1' },
				nodes: [
					{ id: 'a1c3e5f7-0011-4b6d-8f10-000000000011', name: 'Run', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
					{ ...placeOrderNode(credential), parameters: { emailAddress: 'buyer@example.com', items: { item: [{ PPP: 400 }] } } },
				],
				connections: { Run: { main: [[{ node: PLACE_ORDER, type: 'main', index: 0 }]] } },
				pinData: {},
			});
			const { report, cli } = await executeWorkflow(home, workflowId);
			timings[`${kind} (CLI execute)`] = cli.seconds;
			observed[`${kind}: requests, connections`] = [fault.requests.length, fault.connections];
			expect(report.status).toBe('error');
			expect(report.data.resultData.error?.message).toBe(MAY_HAVE_BEEN_SENT);
			expect(report.data.resultData.runData[PLACE_ORDER]?.[0]?.error?.message).toBe(MAY_HAVE_BEEN_SENT);
			expect(nodeOutput(report, PLACE_ORDER)).toEqual([]);
			expect(fault.requests).toHaveLength(1);
			expect(fault.requests[0].body).toContain('emailAddress=buyer%40example.com');
		} finally {
			await fault.close();
		}
	}
});

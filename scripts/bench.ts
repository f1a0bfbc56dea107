/**
 * `npm run bench` ("Bulk orders at speed"): in one real n8n (the package installed as users get it), against one
 * loopback sandbox, n8n's own HTTP Request node sending the same form as this node, then this node, interleaved,
 * 3 times each, per case. Prints ms per item (the node's own runData executionTime / items), the ratio, the most
 * orders in flight at the sandbox and TLS handshakes per order; then a 5000-item run, the size of the shipped
 * JavaScript and the time to load the node. A baseline for speed work; it asserts nothing and exits 0.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, rmSync, statSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

import { parseReply } from '../nodes/SectigoPlaceOrder/reply/parseReply';
import { encodeOrder } from '../nodes/SectigoPlaceOrder/request/encodeOrder';
import { readOrderInput } from '../nodes/SectigoPlaceOrder/request/readOrderInput';
import { validateOrder } from '../nodes/SectigoPlaceOrder/request/validateOrder';
import { sandboxCredentials, SANDBOX_CREDENTIAL_ID } from '../sandbox/credentialFile';
import { DEFAULT_RULES } from '../sandbox/placeOrder';
import { startSandbox, type Sandbox } from '../sandbox/server';
import { executeWorkflowMeasured, nodeExecutionTime, type MeasuredExecution } from '../devkit/measure';
import { importCredentials, importWorkflow, nodeOutput } from '../devkit/n8nCli';
import { ensureN8n, packPackage, prepareHome, type N8nHome } from '../devkit/n8nHome';
import { N8N_VERSION, ROOT } from '../devkit/project';

const ORDER: Record<string, unknown> = {
	emailAddress: 'buyer@example.com',
	paymentStatus: '2',
	items: {
		item: [
			{ PPP: 400, itemFields: { days: 365, dcvMethod: 'CNAME_CSR_HASH' } },
			{ PPP: 512, itemFields: { days: 365 } },
			{ PPP: 401, itemFields: { days: 730, webserverSoftwareID: -1 } },
		],
	},
	orderOptions: { currency: 'EUR', isReturningCustomer: 'Y' },
	companyAddress: { organizationName: 'Example Ltd', streetAddress1: '1 Main Street', localityName: 'London', postalCode: 'EC1A 1AA', country: 'GB' },
	customer: { forename: 'Ada', surname: 'Lovelace', telephoneNumber: '+44 20 7946 0000' },
};

const REPETITIONS = 3;
const NODE_UNDER_TEST = 'Under Test';
const SSL_CREDENTIAL = { id: 'benchSandboxCa01', name: 'Sandbox CA (SSL Certificates)' };
const HTTP_REQUEST_VERSION = 4.5; // what the editor puts in a new workflow (defaultVersion)
const SECTIGO_CREDENTIAL = { id: SANDBOX_CREDENTIAL_ID, name: 'Sectigo Sandbox' };

interface Case {
	label: string;
	items: number;
	latencyMs: number;
	concurrency: number;
}

const CASES: Case[] = [
	{ label: '1000 items, mock answers at once, Orders In Flight 1', items: 1000, latencyMs: 0, concurrency: 1 },
	{ label: '1000 items, mock answers at once, Orders In Flight 10', items: 1000, latencyMs: 0, concurrency: 10 },
	{ label: '200 items, mock latency 50 ms, Orders In Flight 1', items: 200, latencyMs: 50, concurrency: 1 },
	{ label: '200 items, mock latency 50 ms, Orders In Flight 10', items: 200, latencyMs: 50, concurrency: 10 },
];
const BIG: Case = { label: '5000 items, mock answers at once, Orders In Flight 10', items: 5000, latencyMs: 0, concurrency: 10 };

function perCall(label: string, runs: number, work: () => unknown) {
	for (let i = 0; i < Math.min(1000, runs); i++) work();
	const started = performance.now();
	for (let i = 0; i < runs; i++) work();
	const micros = ((performance.now() - started) * 1000) / runs;
	console.log(`${label.padEnd(58)} ${micros.toFixed(1).padStart(8)} µs each (${runs} runs)`);
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const mb = (bytes: number | undefined) => (bytes === undefined ? 'n/a' : `${Math.round(bytes / 2 ** 20)} MB`);

/** Manual Trigger → Code (N items, emails with a per-run nonce: the Sectigo node never sends the same item twice) → the node. */
function workflow(id: string, items: number, node: Record<string, unknown>) {
	const jsCode = `const run = Date.now().toString(36);\nreturn Array.from({ length: ${items} }, (_, i) => ({ json: { email: 'buyer' + i + '.' + run + '@example.com' } }));`;
	return {
		id,
		name: `bench ${id}`,
		active: false,
		settings: { executionOrder: 'v1' },
		pinData: {},
		nodes: [
			{ id: `${id}-trigger`, name: 'Run', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
			{ id: `${id}-code`, name: 'Make Items', type: 'n8n-nodes-base.code', typeVersion: 2, position: [220, 0], parameters: { jsCode } },
			{ id: `${id}-node`, name: NODE_UNDER_TEST, position: [440, 0], ...node },
		],
		connections: {
			Run: { main: [[{ node: 'Make Items', type: 'main', index: 0 }]] },
			'Make Items': { main: [[{ node: NODE_UNDER_TEST, type: 'main', index: 0 }]] },
		},
	};
}

/** n8n's HTTP Request node as a user builds it for PlaceOrder: POST, form-urlencoded fields, the CA through an SSL Certificates credential; options left at their defaults. */
const httpRequestNode = (sandbox: Sandbox) => {
	const { loginName, loginPassword } = DEFAULT_RULES.accounts[0];
	const fields: Array<[string, string]> = [
		['loginName', loginName],
		['loginPassword', loginPassword],
		['ap', String(sandboxCredentials(sandbox)[0].data.ap)],
		['paymentStatus', '2'],
		['emailAddress', '={{ $json.email }}'],
		['1_PPP', '400'],
	];
	return {
		type: 'n8n-nodes-base.httpRequest',
		typeVersion: HTTP_REQUEST_VERSION,
		credentials: { httpSslAuth: SSL_CREDENTIAL },
		parameters: {
			method: 'POST',
			url: `${sandbox.url}/products/!PlaceOrder`,
			provideSslCertificates: true,
			sendBody: true,
			contentType: 'form-urlencoded',
			bodyParameters: { parameters: fields.map(([name, value]) => ({ name, value })) },
			options: {},
		},
	};
};

const sectigoNode = (concurrency: number) => ({
	type: 'n8n-nodes-sectigo.sectigoPlaceOrder',
	typeVersion: 1,
	credentials: { sectigoPlaceOrderApi: SECTIGO_CREDENTIAL },
	parameters: { emailAddress: '={{ $json.email }}', items: { item: [{ PPP: 400 }] }, options: { concurrency } },
});

interface Measurement {
	msPerItem: number;
	maxInFlight: number;
	handshakesPerOrder: number;
	peakRssBytes?: number;
	execution: MeasuredExecution;
	warnings: string[];
	fieldNames: string;
}

const orderedEmails = new Set<string>();

async function measure(home: N8nHome, sandbox: Sandbox, workflowId: string, run: Case, isSectigo: boolean): Promise<Measurement> {
	sandbox.reset();
	sandbox.latencyMs = run.latencyMs;
	const execution = await executeWorkflowMeasured(home, workflowId);
	const { report } = execution;
	const warnings: string[] = [];
	const requests = sandbox.requests.length;
	const orders = sandbox.orders.length;
	if (report.status !== 'success') warnings.push(`execution ${report.status}: ${report.data.resultData.error?.message ?? ''}`);
	const output = nodeOutput(report, NODE_UNDER_TEST);
	if (output.length !== run.items) warnings.push(`${output.length} output items, expected ${run.items}`);
	if (requests !== run.items || orders !== run.items) warnings.push(`sandbox received ${requests} requests and created ${orders} orders, expected ${run.items} each`);
	if (isSectigo) {
		const already = output.filter(({ json }) => json.alreadyOrdered === true).length;
		if (already > 0) warnings.push(`${already} items came out as alreadyOrdered`);
		let twice = 0;
		for (const order of sandbox.orders) {
			if (orderedEmails.has(order.emailAddress)) twice++;
			orderedEmails.add(order.emailAddress);
		}
		if (twice > 0) warnings.push(`${twice} emails were ordered twice`);
	}
	return {
		msPerItem: nodeExecutionTime(report, NODE_UNDER_TEST) / run.items,
		maxInFlight: sandbox.maxInFlight,
		handshakesPerOrder: requests > 0 ? sandbox.handshakes / requests : Number.NaN,
		...(execution.peakRssBytes !== undefined ? { peakRssBytes: execution.peakRssBytes } : {}),
		execution,
		warnings,
		fieldNames: (sandbox.requests[0]?.form ?? []).map(([name]) => name).join(','),
	};
}

const COLUMNS = ['case', 'node', 'ms/item (median)', 'the 3 runs', 'Sectigo/HTTP', 'max in flight', 'handshakes/order', 'peak RSS'];
const WIDTHS = [54, 8, 17, 22, 13, 14, 17, 9];
const row = (cells: string[]) => cells.map((cell, i) => (i < 2 || i === 3 ? cell.padEnd(WIDTHS[i]) : cell.padStart(WIDTHS[i]))).join(' ');

function printRow(label: string, node: string, runs: Measurement[], ratio = '') {
	const ms = runs.map((r) => r.msPerItem);
	const inFlight = runs.map((r) => r.maxInFlight).join(' ');
	const handshakes = [...new Set(runs.map((r) => r.handshakesPerOrder.toFixed(2)))].join(' ');
	const rss = runs.some((r) => r.peakRssBytes !== undefined) ? mb(Math.max(...runs.map((r) => r.peakRssBytes ?? 0))) : 'n/a';
	console.log(row([label, node, median(ms).toFixed(3), ms.map((v) => v.toFixed(3)).join(' '), ratio, inFlight, handshakes, rss]));
	for (const [i, r] of runs.entries()) for (const warning of r.warnings) console.log(`  WARNING ${node} run ${i + 1}: ${warning}`);
}

function shippedJavaScriptBytes(): { files: number; bytes: number } {
	const dist = join(ROOT, 'dist');
	const files = readdirSync(dist, { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.js'));
	return { files: files.length, bytes: files.reduce((sum, file) => sum + statSync(join(dist, file)).size, 0) };
}

/** ms to require the node in a fresh process, after n8n-workflow and zod are loaded (n8n has them loaded already). */
function requireMs(): number {
	const script = `require('n8n-workflow'); require('zod'); const t = process.hrtime.bigint(); require('./dist/nodes/SectigoPlaceOrder/SectigoPlaceOrder.node.js'); console.log(Number(process.hrtime.bigint() - t) / 1e6);`;
	return Number(execFileSync(process.execPath, ['-e', script], { cwd: ROOT, encoding: 'utf8' }).trim());
}

async function main() {
	const cpu = cpus();
	console.log(
		`n8n-nodes-sectigo benchmark: ${cpu.length} × ${cpu[0]?.model ?? 'unknown CPU'}, ${(totalmem() / 2 ** 30).toFixed(1)} GiB, Node ${process.version}, n8n ${N8N_VERSION}, load average ${loadavg()[0].toFixed(2)} at the start`,
	);
	perCall('read + validate + encode one order (3 items, 14 fields)', 20_000, () =>
		encodeOrder(validateOrder(readOrderInput((name, fallback) => ORDER[name] ?? fallback), 'public')).toString(),
	);
	perCall('read one reply (order with total cost)', 100_000, () => parseReply(200, 'errorCode=0&orderNumber=1234567&totalCost=123.45&currency=EUR'));
	const shipped = shippedJavaScriptBytes();
	console.log(`${'shipped JavaScript (dist/**/*.js)'.padEnd(58)} ${(shipped.bytes / 1024).toFixed(1).padStart(8)} KiB (${shipped.bytes} bytes, ${shipped.files} files)`);
	const loads = Array.from({ length: 5 }, requireMs);
	console.log(
		`${'require the node (fresh node, n8n-workflow + zod loaded)'.padEnd(58)} ${median(loads).toFixed(1).padStart(8)} ms median (${loads.map((v) => v.toFixed(1)).join(' ')})`,
	);

	const sandbox = await startSandbox();
	let home: N8nHome | undefined;
	try {
		const n8nDir = ensureN8n();
		home = prepareHome(n8nDir, packPackage());
		await importCredentials(home, [
			...sandboxCredentials(sandbox).slice(0, 1),
			{ ...SSL_CREDENTIAL, type: 'httpSslAuth', data: { ca: sandbox.pki.caCert } },
		]);
		// HTTP Request: one workflow per case. Sectigo: a fresh copy (new workflow id) per repetition, so that each
		// starts with an empty deduplication store, as the first run of a new workflow does.
		const httpId = (c: number) => `benchHttp${c}`;
		const sectigoId = (c: number, r: number) => `benchSectigo${c}r${r}`;
		const workflows: unknown[] = [];
		for (const [c, run] of CASES.entries()) {
			workflows.push(workflow(httpId(c), run.items, httpRequestNode(sandbox)));
			for (let r = 0; r < REPETITIONS; r++) workflows.push(workflow(sectigoId(c, r), run.items, sectigoNode(run.concurrency)));
		}
		workflows.push(workflow('benchSectigoBig', BIG.items, sectigoNode(BIG.concurrency)));
		await importWorkflow(home, workflows);

		console.log(`\nOne n8n ${N8N_VERSION} (n8n execute --id per run), one loopback sandbox; HTTP Request ${HTTP_REQUEST_VERSION} with its default options, interleaved with Sectigo PlaceOrder, ${REPETITIONS} runs each.`);
		console.log("ms/item = the node's runData executionTime / items. Max in flight = sandbox.maxInFlight per run. Peak RSS = VmHWM of the n8n execute process (its heap is not measurable from outside).");
		console.log('HTTP Request with no Batching option starts each request as soon as it has prepared the item (no cap, no interval) and awaits them all at the end.');
		console.log('Sectigo runs: a fresh copy of the workflow per run (empty deduplication store); every run checked for N requests, N orders, no alreadyOrdered, no email ordered twice.\n');
		console.log(row(COLUMNS));
		let first: Measurement | undefined;
		const fields = new Map<string, string>();
		for (const [c, run] of CASES.entries()) {
			const http: Measurement[] = [];
			const sectigo: Measurement[] = [];
			for (let r = 0; r < REPETITIONS; r++) {
				http.push(await measure(home, sandbox, httpId(c), run, false));
				sectigo.push(await measure(home, sandbox, sectigoId(c, r), run, true));
			}
			first ??= http[0];
			fields.set('HTTP Request', http[0].fieldNames);
			fields.set('Sectigo', sectigo[0].fieldNames);
			printRow(run.label, 'HTTP', http);
			printRow('', 'Sectigo', sectigo, (median(sectigo.map((m) => m.msPerItem)) / median(http.map((m) => m.msPerItem))).toFixed(2));
		}
		const big = await measure(home, sandbox, 'benchSectigoBig', BIG, true);
		printRow(BIG.label, 'Sectigo', [big]);
		for (const [node, names] of fields) console.log(`form fields sent by ${node.padEnd(12)}: ${names}`);
		if (first) {
			const nodeSeconds = nodeExecutionTime(first.execution.report, NODE_UNDER_TEST) / 1000;
			console.log(`n8n execute wall time, first HTTP run of case 1: ${first.execution.cli.seconds.toFixed(1)} s (the node itself ${nodeSeconds.toFixed(2)} s; the rest is n8n starting and stopping)`);
		}
	} finally {
		await sandbox.close();
		if (home) rmSync(home.folder, { recursive: true, force: true });
	}
}

main().catch((error: unknown) => {
	console.error(error instanceof Error ? error.message : error);
	process.exit(1);
});

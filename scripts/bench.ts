/**
 * `npm run bench`: prints how long the node's own work takes (reading, validating and encoding an order;
 * reading a reply) and a whole run through n8n-core's engine against the sandbox, with and without latency.
 * A baseline for speed work; it asserts nothing.
 */
import { performance } from 'node:perf_hooks';

import { parseReply } from '../nodes/SectigoPlaceOrder/reply/parseReply';
import { encodeOrder } from '../nodes/SectigoPlaceOrder/request/encodeOrder';
import { readOrderInput } from '../nodes/SectigoPlaceOrder/request/readOrderInput';
import { validateOrder } from '../nodes/SectigoPlaceOrder/request/validateOrder';
import { startSandbox } from '../sandbox/server';
import { runInN8n } from '../test/harness/runInN8n';

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

function perCall(label: string, runs: number, work: () => unknown) {
	for (let i = 0; i < Math.min(1000, runs); i++) work();
	const started = performance.now();
	for (let i = 0; i < runs; i++) work();
	const micros = ((performance.now() - started) * 1000) / runs;
	console.log(`${label.padEnd(58)} ${micros.toFixed(1).padStart(8)} µs each (${runs} runs)`);
}

async function throughNode(label: string, items: number, latencyMs: number) {
	const sandbox = await startSandbox({ latencyMs });
	try {
		const credentials = { endpoint: 'custom', customUrl: sandbox.url, caCertificate: sandbox.pki.caCert, loginName: 'sandbox-user', loginPassword: 'sandbox-password' };
		const inputs = Array.from({ length: items }, (_, i) => ({ email: `buyer${i}@example.com` }));
		const started = performance.now();
		const result = await runInN8n({ parameters: { ...ORDER, emailAddress: '={{ $json.email }}' }, credentials, inputs });
		const seconds = (performance.now() - started) / 1000;
		if (result.success.length !== items) throw new Error(`expected ${items} orders, got ${result.success.length}: ${result.error?.message}`);
		console.log(`${label.padEnd(58)} ${seconds.toFixed(2).padStart(8)} s (${(items / seconds).toFixed(1)} orders/s, ${((seconds * 1000) / items).toFixed(1)} ms each)`);
	} finally {
		await sandbox.close();
	}
}

async function main() {
	console.log(`n8n-nodes-sectigo benchmark, Node ${process.version}`);
	perCall('read + validate + encode one order (3 items, 14 fields)', 20_000, () =>
		encodeOrder(validateOrder(readOrderInput((name, fallback) => ORDER[name] ?? fallback), 'public')).toString(),
	);
	perCall('read one reply (order with total cost)', 100_000, () => parseReply(200, 'errorCode=0&orderNumber=1234567&totalCost=123.45&currency=EUR'));
	await throughNode('n8n-core run, 200 input items, sandbox answering at once', 200, 0);
	await throughNode('n8n-core run, 40 input items, sandbox answering after 50 ms', 40, 50);
}

main().catch((error: unknown) => {
	console.error(error instanceof Error ? error.message : error);
	process.exit(1);
});

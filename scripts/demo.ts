/**
 * `npm run demo`: the main job, end to end. Starts the sandbox, installs a real n8n once (cached in .cache),
 * installs this package the way n8n's Community Nodes installer does, imports a sandbox credential and the CRM
 * batch example, executes it, prints the orders and the failed deals, and stops everything it started.
 */
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

import { sandboxCredentials } from '../sandbox/credentialFile';
import { startSandbox } from '../sandbox/server';
import { executeWorkflow, importCredentials, importWorkflow, nodeOutput } from '../devkit/n8nCli';
import { ensureN8n, packPackage, prepareHome } from '../devkit/n8nHome';
import { N8N_VERSION, ROOT } from '../devkit/project';

const EXAMPLE = '2-crm-batch-orders.json';

async function main() {
	const started = Date.now();
	const step = (text: string) => console.log(`[${((Date.now() - started) / 1000).toFixed(1).padStart(5)} s] ${text}`);

	step('starting the Sectigo sandbox');
	const sandbox = await startSandbox();
	let folder: string | undefined;
	try {
		step(`making sure n8n ${N8N_VERSION} is installed (the first time takes a few minutes)`);
		const n8nDir = ensureN8n();
		step('installing n8n-nodes-sectigo into a fresh n8n user folder, as the Community Nodes installer does');
		const home = prepareHome(n8nDir, packPackage());
		folder = home.folder;
		step(`importing the sandbox credential and examples/${EXAMPLE}`);
		await importCredentials(home, sandboxCredentials(sandbox));
		const workflow = JSON.parse(readFileSync(join(ROOT, 'examples', EXAMPLE), 'utf8'));
		await importWorkflow(home, workflow);
		step(`executing "${workflow.name}"`);
		const { report } = await executeWorkflow(home, workflow.id);

		console.log(`\nExecution: ${report.status}`);
		console.log('\nOrders placed (Sectigo PlaceOrder, main output):');
		for (const { json } of nodeOutput(report, 'Sectigo PlaceOrder', 0)) {
			console.log(`  ${JSON.stringify(json)}`);
		}
		console.log('\nDeals that failed (error output):');
		for (const { json } of nodeOutput(report, 'Sectigo PlaceOrder', 1)) {
			console.log(`  ${String(json.dealId)}: ${String(json.error)}`);
		}
		console.log('\nSummary node:');
		for (const { json } of nodeOutput(report, 'Summary')) console.log(`  ${JSON.stringify(json)}`);
		console.log(`\nThe sandbox received ${sandbox.requests.length} requests and created ${sandbox.orders.length} orders. First request body:`);
		console.log(`  ${sandbox.requests[0]?.body.replace(/loginPassword=[^&]*/, 'loginPassword=********') ?? '(none)'}`);
		step('done; stopping the sandbox and removing the n8n user folder');
		if (report.status !== 'success') process.exitCode = 1;
	} finally {
		await sandbox.close();
		if (folder) rmSync(folder, { recursive: true, force: true });
	}
}

main().catch((error: unknown) => {
	console.error(error instanceof Error ? error.message : error);
	process.exit(1);
});

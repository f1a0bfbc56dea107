/** n8n's command line on a prepared user folder: import credentials and workflows, execute a workflow. */
import { spawn } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';

import type { N8nHome } from './n8nHome';

/** A TCP port on 127.0.0.1 that nothing listens on right now. */
export const freePort = () =>
	new Promise<number>((resolve) => {
		const server = createServer().listen(0, '127.0.0.1', () => {
			const { port } = server.address() as { port: number };
			server.close(() => resolve(port));
		});
	});

/** Every n8n process gets its own task-runner broker port (n8n's default, 5679, would clash between two). */
export const withBrokerPort = async (env: NodeJS.ProcessEnv): Promise<NodeJS.ProcessEnv> => ({ ...env, N8N_RUNNERS_BROKER_PORT: String(await freePort()) });

export interface CliResult {
	code: number;
	stdout: string;
	stderr: string;
	seconds: number;
}

/** Runs one n8n CLI command to completion. */
export async function n8nCli(home: N8nHome, args: string[]): Promise<CliResult> {
	const started = Date.now();
	const env = await withBrokerPort(home.env);
	return new Promise((resolve, reject) => {
		const child = spawn(home.binary, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
		let stdout = '';
		let stderr = '';
		child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
		child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
		child.on('error', reject);
		child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr, seconds: (Date.now() - started) / 1000 }));
	});
}

async function importJson(home: N8nHome, command: 'import:credentials' | 'import:workflow', data: unknown) {
	const file = join(home.folder, `${command.replace(':', '-')}-${Date.now()}.json`);
	writeFileSync(file, JSON.stringify(data));
	const result = await n8nCli(home, [command, `--input=${file}`]);
	rmSync(file, { force: true });
	if (result.code !== 0) throw new Error(`n8n ${command} failed:\n${result.stdout}\n${result.stderr}`);
}

export const importCredentials = (home: N8nHome, credentials: unknown[]) => importJson(home, 'import:credentials', credentials);
export const importWorkflow = (home: N8nHome, workflow: unknown) => importJson(home, 'import:workflow', workflow);

/** What `n8n execute --rawOutput` reports, once parsed. */
export interface ExecutionReport {
	status: string;
	data: {
		resultData: {
			runData: Record<string, Array<{ data?: { main: Array<Array<{ json: Record<string, unknown>; pairedItem?: unknown }> | null> }; error?: { message: string } }>>;
			error?: { message: string; description?: string };
		};
	};
}

/** The report in what `n8n execute --rawOutput` printed: stdout mixes log lines with it, from a line "{" to the next "}". */
export function parseReport(cli: CliResult): ExecutionReport {
	const start = cli.stdout.search(/^\{$/m);
	const end = start < 0 ? -1 : cli.stdout.slice(start).search(/^\}$/m);
	if (end < 0) throw new Error(`n8n execute printed no result (exit ${cli.code}):\n${cli.stdout}\n${cli.stderr}`);
	return JSON.parse(cli.stdout.slice(start, start + end + 1)) as ExecutionReport;
}

/** Executes an imported workflow (it needs a Manual Trigger) and returns n8n's report, or throws with its output. */
export async function executeWorkflow(home: N8nHome, id: string): Promise<{ report: ExecutionReport; cli: CliResult }> {
	const cli = await n8nCli(home, ['execute', `--id=${id}`, '--rawOutput']);
	return { report: parseReport(cli), cli };
}

/** The items a node put on one of its outputs in the first run. */
export function nodeOutput(report: ExecutionReport, nodeName: string, output = 0) {
	return report.data.resultData.runData[nodeName]?.[0]?.data?.main[output] ?? [];
}

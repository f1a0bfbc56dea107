/**
 * Drives a real n8n (installed by scripts/install-n8n.sh) the way a user runs it: the package packed and
 * installed as n8n's Community Nodes installer does, credentials and workflows imported with n8n's CLI, workflows
 * executed by the CLI, and the editor started as a server. Used by `npm run demo`, `npm run dev` and the
 * end-to-end tests. Development tooling only.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/** The project's folder, whether this runs from source (tests) or compiled into .cache/tools. */
function projectRoot(from: string): string {
	for (let dir = from; dir !== dirname(dir); dir = dirname(dir)) {
		const file = join(dir, 'package.json');
		if (existsSync(file) && JSON.parse(readFileSync(file, 'utf8')).name === 'n8n-nodes-sectigo') return dir;
	}
	throw new Error(`no n8n-nodes-sectigo package.json above ${from}`);
}

export const ROOT = projectRoot(__dirname);
export const N8N_VERSION = '2.41.1';
export const PACKAGE_NAME = 'n8n-nodes-sectigo';

export interface N8nHome {
	/** N8N_USER_FOLDER */
	folder: string;
	env: NodeJS.ProcessEnv;
	binary: string;
}

/** Installs n8n once (its progress goes to stderr) and returns its folder. */
export function ensureN8n(): string {
	const output = execFileSync('bash', [join(ROOT, 'scripts', 'install-n8n.sh')], {
		env: { ...process.env, N8N_VERSION },
		stdio: ['ignore', 'pipe', 'inherit'],
		encoding: 'utf8',
	});
	return output.trim().split('\n').pop() ?? '';
}

/** `npm pack` of the built package into a temporary folder; returns the tarball's path. */
export function packPackage(): string {
	const into = mkdtempSync(join(tmpdir(), 'sectigo-pack-'));
	const name = execFileSync('npm', ['pack', '--quiet', '--ignore-scripts', '--pack-destination', into], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] })
		.trim()
		.split('\n')
		.pop();
	return join(into, name ?? '');
}

/** Puts the packed package where n8n's Community Nodes installer puts it, the way it does; the tarball's
 * temporary folder (from packPackage) is removed afterwards. */
function installPackage(folder: string, tarball: string) {
	const nodesDir = join(folder, '.n8n', 'nodes');
	const packageDir = join(nodesDir, 'node_modules', PACKAGE_NAME);
	mkdirSync(packageDir, { recursive: true });
	execFileSync('tar', ['-xzf', tarball, '-C', packageDir, '--strip-components=1']);
	const packageJsonPath = join(packageDir, 'package.json');
	const packageJson = JSON.parse(readFileSync(packageJsonPath, 'utf8'));
	for (const field of ['devDependencies', 'peerDependencies', 'optionalDependencies']) delete packageJson[field];
	writeFileSync(packageJsonPath, JSON.stringify(packageJson, null, 2));
	execFileSync('npm', ['install', '--audit=false', '--fund=false', '--bin-links=false', '--install-strategy=shallow', '--ignore-scripts=true', '--package-lock=false'], {
		cwd: packageDir,
		stdio: 'ignore',
	});
	writeFileSync(join(nodesDir, 'package.json'), JSON.stringify({ name: 'installed-nodes', private: true, dependencies: { [PACKAGE_NAME]: packageJson.version } }, null, 2));
	rmSync(dirname(tarball), { recursive: true, force: true });
}

/** A throw-away n8n user folder with the package installed, and the environment to run n8n in it. */
export function prepareHome(n8nDir: string, tarball: string, folder = mkdtempSync(join(tmpdir(), 'sectigo-n8n-'))): N8nHome {
	rmSync(folder, { recursive: true, force: true });
	mkdirSync(folder, { recursive: true });
	installPackage(folder, tarball);
	// Not the caller's test settings: jest sets NODE_ENV=test, under which n8n prints nothing.
	const inherited = Object.fromEntries(Object.entries(process.env).filter(([name]) => !/^(JEST_|N8N_|NODE_ENV$)/.test(name)));
	const env: NodeJS.ProcessEnv = {
		...inherited,
		NODE_ENV: 'production',
		N8N_USER_FOLDER: folder,
		N8N_ENCRYPTION_KEY: 'sectigo-sandbox-only-key-0001',
		N8N_DIAGNOSTICS_ENABLED: 'false',
		N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
		N8N_TEMPLATES_ENABLED: 'false',
		N8N_PERSONALIZATION_ENABLED: 'false',
		N8N_LOG_LEVEL: 'info',
		N8N_LISTEN_ADDRESS: '127.0.0.1',
		N8N_HOST: '127.0.0.1',
		N8N_SECURE_COOKIE: 'false',
		NODE_OPTIONS: '',
	};
	return { folder, env, binary: join(n8nDir, 'node_modules', '.bin', 'n8n') };
}

/** A TCP port on 127.0.0.1 that nothing listens on right now. */
export const freePort = () =>
	new Promise<number>((resolve) => {
		const server = createServer().listen(0, '127.0.0.1', () => {
			const { port } = server.address() as { port: number };
			server.close(() => resolve(port));
		});
	});

/** Every n8n process gets its own task-runner broker port (n8n's default, 5679, would clash between two). */
const withBrokerPort = async (env: NodeJS.ProcessEnv): Promise<NodeJS.ProcessEnv> => ({ ...env, N8N_RUNNERS_BROKER_PORT: String(await freePort()) });

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

/** Executes an imported workflow (it needs a Manual Trigger) and returns n8n's report, or throws with its output. */
export async function executeWorkflow(home: N8nHome, id: string): Promise<{ report: ExecutionReport; cli: CliResult }> {
	const cli = await n8nCli(home, ['execute', `--id=${id}`, '--rawOutput']);
	// stdout mixes log lines with the report: it is the block from a line "{" to the next line "}".
	const start = cli.stdout.search(/^\{$/m);
	const end = start < 0 ? -1 : cli.stdout.slice(start).search(/^\}$/m);
	if (end < 0) throw new Error(`n8n execute printed no result (exit ${cli.code}):\n${cli.stdout}\n${cli.stderr}`);
	return { report: JSON.parse(cli.stdout.slice(start, start + end + 1)) as ExecutionReport, cli };
}

/** The items a node put on one of its outputs in the first run. */
export function nodeOutput(report: ExecutionReport, nodeName: string, output = 0) {
	return report.data.resultData.runData[nodeName]?.[0]?.data?.main[output] ?? [];
}

export interface RunningN8n {
	url: string;
	process: ChildProcess;
	log: () => string;
	stop(): Promise<void>;
}

/** Starts `n8n start` on 127.0.0.1 and waits until it serves its REST API. */
export async function startN8n(home: N8nHome, port: number, timeoutMs = 120_000): Promise<RunningN8n> {
	const child = spawn(home.binary, ['start'], { env: { ...(await withBrokerPort(home.env)), N8N_PORT: String(port) }, stdio: ['ignore', 'pipe', 'pipe'] });
	let output = '';
	child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
	child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
	const url = `http://127.0.0.1:${port}`;
	const running: RunningN8n = {
		url,
		process: child,
		log: () => output,
		stop: () =>
			new Promise<void>((resolve) => {
				if (child.exitCode !== null) return resolve();
				child.once('exit', () => resolve());
				child.kill('SIGTERM');
				setTimeout(() => child.kill('SIGKILL'), 10_000).unref();
			}),
	};
	const deadline = Date.now() + timeoutMs;
	while (Date.now() < deadline) {
		if (child.exitCode !== null) throw new Error(`n8n start exited with ${child.exitCode}:\n${output}`);
		const ready = await fetch(`${url}/rest/settings`)
			.then(async (response) => response.ok && (response.headers.get('content-type') ?? '').includes('json'))
			.catch(() => false);
		if (ready) return running;
		await new Promise((resolve) => setTimeout(resolve, 500));
	}
	await running.stop();
	throw new Error(`n8n did not start within ${timeoutMs / 1000} s:\n${output}`);
}

/**
 * Waits until a production webhook is registered: n8n registers published workflows only after its REST API is
 * up. A GET to a POST webhook answers "did you mean to make a POST request" once it is there (and runs nothing).
 */
export async function waitForPostWebhook(url: string, timeoutMs = 60_000): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	let last = '';
	while (Date.now() < deadline) {
		last = await fetch(url).then((response) => response.text(), (error: Error) => error.message);
		if (/POST request/i.test(last)) return;
		await new Promise((resolve) => setTimeout(resolve, 300));
	}
	throw new Error(`webhook ${url} not registered within ${timeoutMs / 1000} s: ${last}`);
}

/** Logs in to n8n's REST API; returns the auth cookie ("n8n-auth=…") for restCall. */
export async function restLogin(url: string, email: string, password: string): Promise<string> {
	const response = await fetch(`${url}/rest/login`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify({ emailOrLdapLoginId: email, password }),
	});
	if (!response.ok) throw new Error(`login failed: HTTP ${response.status} ${await response.text()}`);
	return (response.headers.get('set-cookie') ?? '').split(';')[0];
}

/** One REST call with the login cookie; returns the reply's `data`, or throws with the status and the body. */
export async function restCall<T = unknown>(url: string, cookie: string, method: string, path: string, body?: unknown): Promise<T> {
	const response = await fetch(`${url}/rest${path}`, {
		method,
		headers: { cookie, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
		...(body === undefined ? {} : { body: JSON.stringify(body) }),
	});
	const text = await response.text();
	if (!response.ok) throw new Error(`${method} /rest${path}: HTTP ${response.status} ${text}`);
	return (JSON.parse(text) as { data: T }).data;
}

/** An execution as GET /rest/executions lists it. */
export interface ExecutionSummary {
	id: string;
	status: string;
	mode: string;
	retryOf?: string | null;
	retrySuccessId?: string | null;
}

/** Polls a workflow's executions (newest first) until `done` picks one that has finished; returns it. */
export async function waitForExecution(
	url: string,
	cookie: string,
	workflowId: string,
	done: (execution: ExecutionSummary) => boolean,
	timeoutMs = 60_000,
): Promise<ExecutionSummary> {
	const deadline = Date.now() + timeoutMs;
	const query = `/executions?limit=100&filter=${encodeURIComponent(JSON.stringify({ workflowId }))}`;
	let seen: ExecutionSummary[] = [];
	while (Date.now() < deadline) {
		seen = (await restCall<{ results: ExecutionSummary[] }>(url, cookie, 'GET', query)).results;
		const found = seen.find((execution) => !['new', 'running', 'waiting'].includes(execution.status) && done(execution));
		if (found) return found;
		await new Promise((resolve) => setTimeout(resolve, 300));
	}
	throw new Error(`no matching execution of workflow ${workflowId} within ${timeoutMs / 1000} s: ${JSON.stringify(seen)}`);
}

/** An `n8n execute` run as executeWorkflow's, with the n8n process's peak resident memory where Linux tells it. */
export interface MeasuredExecution {
	report: ExecutionReport;
	cli: CliResult;
	/** VmHWM of the n8n process (its own, not its task runner's), read from /proc while it runs; undefined off Linux. */
	peakRssBytes?: number;
}

/** Peak resident memory of a running process, in bytes, or undefined where /proc does not tell it. */
function peakRss(pid: number | undefined): number | undefined {
	if (pid === undefined) return undefined;
	try {
		const kilobytes = /^VmHWM:\s+(\d+) kB$/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
		return kilobytes === undefined ? undefined : Number(kilobytes) * 1024;
	} catch {
		return undefined;
	}
}

/** Like executeWorkflow, sampling the n8n process's peak memory every 50 ms (for benchmarks). */
export async function executeWorkflowMeasured(home: N8nHome, id: string): Promise<MeasuredExecution> {
	const started = Date.now();
	const env = await withBrokerPort(home.env);
	let peakRssBytes: number | undefined;
	const cli = await new Promise<CliResult>((resolve, reject) => {
		const child = spawn(home.binary, ['execute', `--id=${id}`, '--rawOutput'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
		let stdout = '';
		let stderr = '';
		const sample = () => {
			const rss = peakRss(child.pid);
			if (rss !== undefined) peakRssBytes = Math.max(peakRssBytes ?? 0, rss);
		};
		const sampler = setInterval(sample, 50);
		child.stdout.on('data', (chunk: Buffer) => ((stdout += chunk.toString()), sample()));
		child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
		child.on('error', (error) => (clearInterval(sampler), reject(error)));
		child.on('close', (code) => (clearInterval(sampler), resolve({ code: code ?? -1, stdout, stderr, seconds: (Date.now() - started) / 1000 })));
	});
	const start = cli.stdout.search(/^\{$/m);
	const end = start < 0 ? -1 : cli.stdout.slice(start).search(/^\}$/m);
	if (end < 0) throw new Error(`n8n execute printed no result (exit ${cli.code}):\n${cli.stdout}\n${cli.stderr}`);
	return { report: JSON.parse(cli.stdout.slice(start, start + end + 1)) as ExecutionReport, cli, ...(peakRssBytes !== undefined ? { peakRssBytes } : {}) };
}

/** The executionTime (ms) n8n recorded for a node's first run, or NaN when it did not run. */
export function nodeExecutionTime(report: ExecutionReport, nodeName: string): number {
	const run = report.data.resultData.runData[nodeName]?.[0] as { executionTime?: number } | undefined;
	return typeof run?.executionTime === 'number' ? run.executionTime : Number.NaN;
}

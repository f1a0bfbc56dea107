/** Measuring an `n8n execute` run, for the benchmark. */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';

import { parseReport, withBrokerPort, type CliResult, type ExecutionReport } from './n8nCli';
import type { N8nHome } from './n8nHome';

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
	return { report: parseReport(cli), cli, ...(peakRssBytes !== undefined ? { peakRssBytes } : {}) };
}

/** The executionTime (ms) n8n recorded for a node's first run, or NaN when it did not run. */
export function nodeExecutionTime(report: ExecutionReport, nodeName: string): number {
	const run = report.data.resultData.runData[nodeName]?.[0] as { executionTime?: number } | undefined;
	return typeof run?.executionTime === 'number' ? run.executionTime : Number.NaN;
}

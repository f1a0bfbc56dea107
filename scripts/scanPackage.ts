/**
 * `npm run scan`: n8n's community-package scanner (@n8n/scan-community-package) on this package as it would be
 * published. Its CLI only takes a name on the registry (it downloads the tarball, checks provenance and fetches the
 * attested source from GitHub), so this runs its exported analysis, with its own ESLint config, on both of the
 * legs it lints: the packed tarball (compiled .js and package.json) and the source (package.json, nodes/ and
 * credentials/). Offline; the provenance check only exists for a published version. Run after `npm run build`.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { ROOT } from '../devkit/project';

interface ScanResult {
	passed: boolean;
	message?: string;
	details?: string;
}

interface Scanner {
	analyzePackage(packageDir: string, filePatterns?: string[]): Promise<ScanResult>;
	SOURCE_FILE_PATTERNS: string[];
}

/** The tarball leg's files, as analyzePackageByName lints the downloaded package. */
const TARBALL_FILE_PATTERNS = ['**/*.js', 'package.json'];

async function main() {
	if (!existsSync(join(ROOT, 'dist', 'index.js'))) throw new Error('no dist/: run npm run build first');
	const started = Date.now();
	const work = mkdtempSync(join(tmpdir(), 'sectigo-scan-'));
	try {
		const tarball = execFileSync('npm', ['pack', '--quiet', '--ignore-scripts', '--pack-destination', work], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] })
			.trim()
			.split('\n')
			.pop();
		const packageDir = join(work, 'package');
		mkdirSync(packageDir);
		execFileSync('tar', ['-xzf', join(work, tarball ?? ''), '-C', packageDir, '--strip-components=1']);

		// The scanner makes a temporary folder when it loads and leaves it behind: make it inside ours.
		process.env.TMPDIR = work;
		// The scanner is an ES module without types; Node loads it with require().
		// eslint-disable-next-line @typescript-eslint/no-require-imports
		const scanner: Scanner = require('@n8n/scan-community-package/scanner/scanner.mjs');

		let passed = true;
		for (const [leg, dir, patterns] of [
			[`tarball ${tarball}`, packageDir, TARBALL_FILE_PATTERNS],
			['source', ROOT, scanner.SOURCE_FILE_PATTERNS],
		] as const) {
			const result = await scanner.analyzePackage(dir, [...patterns]);
			console.log(`${result.passed ? 'passed' : 'FAILED'}: ${leg}${result.message ? ` (${result.message})` : ''}`);
			if (result.details) console.log(result.details);
			passed &&= result.passed;
		}
		console.log(`scan ${passed ? 'passed' : 'failed'} in ${((Date.now() - started) / 1000).toFixed(1)} s (provenance is checked by n8n on the published version only)`);
		if (!passed) process.exitCode = 1;
	} finally {
		rmSync(work, { recursive: true, force: true });
	}
}

main().catch((error: unknown) => {
	console.error(error);
	process.exitCode = 1;
});

/**
 * A real n8n (installed by scripts/install-n8n.sh) with this package installed the way n8n's Community Nodes
 * installer does it, in a throw-away user folder. Development tooling only.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

import { N8N_VERSION, PACKAGE_NAME, ROOT } from './project';

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

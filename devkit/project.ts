/**
 * This project's facts for development tooling, read once from its package.json: its folder, its package name
 * and the n8n version the end-to-end tests, the demo and the benchmark use.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** The nearest folder above `from` whose package.json describes an n8n package (from source or from .cache/tools). */
function projectRoot(from: string): string {
	for (let dir = from; dir !== dirname(dir); dir = dirname(dir)) {
		const file = join(dir, 'package.json');
		if (existsSync(file) && JSON.parse(readFileSync(file, 'utf8')).n8n) return dir;
	}
	throw new Error(`no n8n package's package.json above ${from}`);
}

export const ROOT = projectRoot(__dirname);
const packageJson = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { name: string; version: string; config: { n8nVersion: string } };
export const PACKAGE_NAME = packageJson.name;
export const PACKAGE_VERSION = packageJson.version;
/** The real n8n the end-to-end tests run (package.json config.n8nVersion; scripts/install-n8n.sh reads it too). */
export const N8N_VERSION = packageJson.config.n8nVersion;

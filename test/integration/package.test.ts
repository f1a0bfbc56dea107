import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

const root = join(__dirname, '..', '..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));

describe('the package as n8n installs it', () => {
	test('is a community node package with no runtime dependencies', () => {
		expect(pkg.name).toBe('n8n-nodes-sectigo');
		expect(pkg.keywords).toContain('n8n-community-node-package');
		expect(pkg.license).toBe('MIT');
		expect(pkg.dependencies ?? {}).toEqual({});
		expect(pkg.peerDependencies).toEqual({ 'n8n-workflow': '*' });
		expect(pkg.engines.node).toBe('>=22');
		expect(pkg.devDependencies.zod).toMatch(/^\d+\.\d+\.\d+$/);
	});

	test.each([...pkg.n8n.nodes, ...pkg.n8n.credentials])('%s is built and exports the class its file is named for', (file: string) => {
		const path = join(root, file);
		expect(existsSync(path)).toBe(true);
		const className = basename(file).split('.')[0];
		// eslint-disable-next-line @typescript-eslint/no-require-imports
		const Exported = require(path)[className];
		expect(typeof Exported).toBe('function');
		const instance = new Exported();
		const description = instance.description ?? instance;
		const icons = typeof description.icon === 'string' ? [description.icon] : Object.values(description.icon);
		expect(icons).toHaveLength(2);
		for (const icon of icons as string[]) expect(existsSync(join(dirname(path), icon.replace('file:', '')))).toBe(true);
	});

	test("the codex file is built next to the node and names the node's full type", () => {
		const codex = JSON.parse(readFileSync(join(root, 'dist/nodes/SectigoPlaceOrder/SectigoPlaceOrder.node.json'), 'utf8'));
		expect(codex.node).toBe('n8n-nodes-sectigo.sectigoPlaceOrder');
		expect(codex.categories.length).toBeGreaterThan(0);
	});

	test('npm pack ships dist/ only (with README, LICENSE and package.json)', () => {
		const [packed] = JSON.parse(execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }));
		const files: string[] = packed.files.map((f: { path: string }) => f.path);
		expect(files).toEqual(expect.arrayContaining(['dist/nodes/SectigoPlaceOrder/sectigo.svg', 'dist/nodes/SectigoPlaceOrder/sectigo.dark.svg', 'README.md', 'LICENSE', 'package.json']));
		expect(files.filter((f) => !f.startsWith('dist/') && !['README.md', 'LICENSE', 'package.json'].includes(f))).toEqual([]);
		expect(files.some((f) => f.includes('test'))).toBe(false);
	});
});

/**
 * The node in the n8n editor, in a real browser: Debian's Chromium driven by playwright-core, against the
 * `npm run dev` set-up (real n8n 2.41.1, the packed package, the sandbox). Screenshots go to test-output/.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { chromium, type Browser, type Page } from 'playwright-core';

import { startDevEnvironment, type DevEnvironment } from '../../devkit/devEnvironment';
import { DEV_LOGIN } from '../../devkit/n8nRest';
import { freePort } from '../../devkit/n8nCli';
import { ROOT } from '../../devkit/project';

jest.setTimeout(20 * 60_000);

const SHOTS = join(ROOT, 'test-output', 'screenshots');
const CHROMIUM_FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const GROUPS = ['Items', 'Order Options', 'Company Address', 'Company Details', 'Customer', 'Customer Account', 'Shipping (Token-Based Certificates)', 'Email Templates', 'Additional Parameters'];

let dev: DevEnvironment;
let browser: Browser;
let page: Page;
let folder: string;
const consoleErrors: string[] = [];

const shot = (name: string) => page.screenshot({ path: join(SHOTS, `${name}.png`) });
const tid = (id: string) => `[data-test-id="${id}"]`;

beforeAll(async () => {
	mkdirSync(SHOTS, { recursive: true });
	// The test command installs Chromium before jest starts (npm run setup); a test only looks for it.
	const executablePath = execFileSync('bash', ['-c', 'command -v chromium || true'], { encoding: 'utf8' }).trim();
	if (!executablePath) throw new Error('Chromium is not installed: run `bash scripts/install-chromium.sh` (npm test does it)');
	folder = mkdtempSync(join(tmpdir(), 'sectigo-editor-'));
	dev = await startDevEnvironment(await freePort(), { folder });
	browser = await chromium.launch({ executablePath, args: CHROMIUM_FLAGS });
	page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
	page.on('console', (message) => {
		if (message.type() === 'error') consoleErrors.push(`${message.text()} ${message.location().url}`);
	});
	page.on('pageerror', (error) => consoleErrors.push(`page error: ${error.message}`));

	await page.goto(`${dev.n8n.url}/signin`);
	await page.fill('input[name=emailOrLdapLoginId]', DEV_LOGIN.email);
	await page.fill('input[name=password]', DEV_LOGIN.password);
	await page.click(tid('form-submit-button'));
	await page.waitForURL((url) => !url.pathname.startsWith('/signin'));
});

afterAll(async () => {
	await browser?.close();
	await dev?.stop();
	if (folder) rmSync(folder, { recursive: true, force: true });
});

describe('the Sectigo PlaceOrder node in the n8n editor', () => {
	test('found in the nodes panel with its own icon, added, filled in and executed: the output shows the order number', async () => {
		await page.goto(`${dev.n8n.url}/workflow/new`);
		await page.click(tid('canvas-plus-button'));
		await page.keyboard.type('Sectigo');
		const entry = page.locator(tid('item-iterator-item'), { hasText: 'Sectigo PlaceOrder' });
		await entry.waitFor();
		await shot('1-node-search');
		expect(await entry.locator('img').first().getAttribute('src')).toMatch(/\/icons\/n8n-nodes-sectigo\/dist\/nodes\/SectigoPlaceOrder\/sectigo(\.dark)?\.svg$/);

		await entry.click();
		await page.click(`${tid('item-iterator-item')}:has-text("Place an order")`);
		const ndv = page.locator(tid('ndv'));
		await ndv.waitFor();
		for (const group of GROUPS) await expect(ndv.getByText(group, { exact: true }).first().isVisible()).resolves.toBe(true);

		await page.click(tid('node-credentials-select'));
		await page.click(tid('node-credentials-select-item-sectigoSandbox01'));
		await page.fill(`${tid('parameter-input-emailAddress')} input`, 'browser@example.com');
		await page.click(`${tid('fixed-collection-items')} ${tid('fixed-collection-add')}`);
		await page.fill(`${tid('parameter-input-PPP')} input`, '400');
		await shot('2-node-panel');

		await page.click(tid('node-execute-button'));
		const output = page.locator(tid('output-panel'));
		await output.getByText('1000001').waitFor();
		await shot('3-order-output');
		expect(await output.innerText()).toMatch(/orderNumber[\s\S]*1000001[\s\S]*USD/);
		expect(dev.sandbox.requests.map((r) => Object.fromEntries(r.form))).toEqual([
			{ loginName: 'sandbox-user', loginPassword: 'sandbox-password', ap: 'SandboxBrand', paymentStatus: '2', emailAddress: 'browser@example.com', '1_PPP': '400' },
		]);
	});

	test("the credential dialog's test succeeds against the sandbox", async () => {
		await page.click(tid('credential-edit-button'));
		const dialog = page.locator(tid('editCredential-modal'));
		await dialog.getByText('Connection tested successfully').waitFor();
		expect(await dialog.locator('img').first().getAttribute('src')).toContain('/icons/n8n-nodes-sectigo/');
		await shot('4-credential-dialog');
		await page.keyboard.press('Escape');
		await dialog.waitFor({ state: 'hidden' });
	});

	test('a Sectigo error arrives on the error output', async () => {
		// Closing the credential dialog may close the node panel too: open it again from the canvas.
		if (!(await page.locator(tid('ndv')).isVisible())) {
			await page.locator(tid('canvas-node'), { hasText: 'Sectigo PlaceOrder' }).dblclick();
			await page.locator(tid('ndv')).waitFor();
		}
		await page.click(`${tid('fixed-collection-additionalParameters')} ${tid('fixed-collection-add')}`);
		const pair = page.locator(`${tid('fixed-collection-additionalParameters')} ${tid('parameter-input-field')}`);
		await pair.nth(0).fill('bogusName');
		await pair.nth(1).fill('x');
		await page.click(tid('tab-settings'));
		await page.click(tid('parameter-input-onError'));
		await page.click('[role=option]:has-text("Continue (using error output)"), .el-select-dropdown__item:has-text("Continue (using error output)")');
		await page.click(tid('tab-params'));
		await page.click(tid('node-execute-button'));

		const output = page.locator(tid('output-panel'));
		await output.getByText('Error Branch (1 item)').click();
		await output.getByText("Sectigo error -2: The 'bogusName' argument is not recognised!").first().waitFor();
		await shot('5-error-output');
		expect(dev.sandbox.requests.at(-1)?.outcome).toContain('errorCode=-2');
	});

	test('on the canvas the node shows its own icon', async () => {
		await page.click(tid('ndv-close-button'));
		const node = page.locator(tid('canvas-node'), { hasText: 'Sectigo PlaceOrder' });
		await node.waitFor();
		expect(await node.locator('img').first().getAttribute('src')).toContain('/icons/n8n-nodes-sectigo/dist/nodes/SectigoPlaceOrder/sectigo');
		await shot('6-canvas');
	});

	test('the browser console shows no errors from the node', () => {
		// n8n's editor looks the package up on the public npm registry, which this machine cannot reach; that is n8n's
		// own update check, not the node.
		const fromNode = consoleErrors.filter((e) => /sectigo/i.test(e) && !e.includes('registry.npmjs.org'));
		expect(fromNode).toEqual([]);
	});
});

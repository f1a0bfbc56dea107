import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { COUNTRY_TABLE, CURRENCY_TABLE, ISO_3166_ALPHA2, ISO_4217 } from '../../nodes/SectigoPlaceOrder/catalog/isoCodes';
import { countryCode, currencyCodes, nameKey } from '../../nodes/SectigoPlaceOrder/catalog/isoNames';

const CATALOG = join(__dirname, '..', '..', 'nodes', 'SectigoPlaceOrder', 'catalog');

/** An alias table of isoNames.ts, as [code, name] pairs. */
function aliases(table: 'COUNTRY_ALIASES' | 'CURRENCY_ALIASES'): Array<[string, string]> {
	const source = readFileSync(join(CATALOG, 'isoNames.ts'), 'utf8');
	const text = new RegExp(`const ${table} = \`([^\`]*)\``).exec(source)?.[1] ?? '';
	return text
		.split('\n')
		.filter(Boolean)
		.flatMap((line) => {
			const [code, names] = [line.slice(0, line.indexOf(' ')), line.slice(line.indexOf(' ') + 1)];
			return names.split('|').map((name): [string, string] => [code, name]);
		});
}

describe('the country table', () => {
	test('every ISO 3166-1 alpha-2 code has an English name and an alpha-3 code', () => {
		expect(ISO_3166_ALPHA2.size).toBe(249);
		expect(COUNTRY_TABLE).toHaveLength(249);
		for (const { code, alpha3, name } of COUNTRY_TABLE) {
			expect(code).toMatch(/^[A-Z]{2}$/);
			expect(alpha3).toMatch(/^[A-Z]{3}$/);
			expect(name).toMatch(/^\S.*\S$/);
		}
	});

	test('alpha-3 codes and names are unique', () => {
		expect(new Set(COUNTRY_TABLE.map((c) => c.alpha3)).size).toBe(249);
		expect(new Set(COUNTRY_TABLE.map((c) => nameKey(c.name))).size).toBe(249);
	});

	test.each([
		['GB', 'GBR', 'United Kingdom'],
		['US', 'USA', 'United States'],
		['DE', 'DEU', 'Germany'],
		['NL', 'NLD', 'Netherlands'],
		['CI', 'CIV', 'Côte d’Ivoire'],
		['KM', 'COM', 'Comoros'],
	])('%s is %s, %s', (code, alpha3, name) => {
		expect(COUNTRY_TABLE.find((c) => c.code === code)).toEqual({ code, alpha3, name });
	});

	test('every code, alpha-3 code and name finds its own country', () => {
		for (const { code, alpha3, name } of COUNTRY_TABLE) {
			expect([countryCode(code.toLowerCase()), countryCode(String(alpha3)), countryCode(name), countryCode(name.toUpperCase())]).toEqual([
				code,
				code,
				code,
				code,
			]);
		}
	});

	test.each(aliases('COUNTRY_ALIASES'))('the alias of %s, %j, finds it (no other country claims it)', (code, name) => {
		expect(ISO_3166_ALPHA2.has(code)).toBe(true);
		expect(countryCode(name)).toBe(code);
	});

	test('names that are no country, or several, find none', () => {
		for (const text of ['Atlantis', 'Korea', 'Deutschland', 'the', '', '...']) expect(countryCode(text)).toBeUndefined();
	});
});

describe('the currency table', () => {
	test('every ISO 4217 code has an English name', () => {
		expect(ISO_4217.size).toBe(162);
		expect(CURRENCY_TABLE).toHaveLength(162);
		for (const { code, name } of CURRENCY_TABLE) {
			expect(code).toMatch(/^[A-Z]{3}$/);
			expect(name).toMatch(/^\S.*\S$/);
		}
		expect(new Set(CURRENCY_TABLE.map((c) => c.code)).size).toBe(162);
	});

	test('every code and name finds its own currency', () => {
		for (const { code, name } of CURRENCY_TABLE) {
			// SLL ("Sierra Leonean Leone (1964—2022)") is found by its full name; SLE keeps the name without the years.
			expect([currencyCodes(code.toLowerCase()), currencyCodes(name)]).toEqual([[code], [code]]);
		}
	});

	test.each(aliases('CURRENCY_ALIASES'))('the alias of %s, %j, finds it', (code, name) => {
		expect(currencyCodes(name)).toEqual([code]);
	});

	test.each([
		['euro', ['EUR']],
		['Euros', ['EUR']],
		['pound sterling', ['GBP']],
		['US dollar', ['USD']],
		['yen', ['JPY']],
		['CFA franc', ['XAF', 'XOF']],
		['leone', ['SLE', 'SLL']],
		['Galleon', []],
	])('%j is %j', (text, codes) => {
		expect(currencyCodes(text)).toEqual(codes);
	});

	test('a unit many currencies share gives all of them', () => {
		expect(currencyCodes('dollar')).toEqual(expect.arrayContaining(['AUD', 'CAD', 'NZD', 'USD']));
		expect(currencyCodes('dollars')).toEqual(currencyCodes('dollar'));
		expect(currencyCodes('pound')).toEqual(['EGP', 'FKP', 'GBP', 'GIP', 'LBP', 'SDG', 'SHP', 'SSP', 'SYP']);
	});
});

// The names depend on the ICU data of the Node that prints them: compare only on the one that printed the tables.
const onGeneratingIcu = process.versions.icu === '78.3' ? test : test.skip;

onGeneratingIcu('the tables are what scripts/generateIsoTables.js prints', () => {
	// eslint-disable-next-line @typescript-eslint/no-require-imports
	const { tables } = require('../../scripts/generateIsoTables.js');
	const source = readFileSync(join(CATALOG, 'isoCodes.ts'), 'utf8');
	expect(source).toContain(tables());
});

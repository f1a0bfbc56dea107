import { COUNTRY_TABLE, CURRENCY_TABLE, type IsoEntry } from './isoCodes';

/**
 * Names people store instead of the code, beyond the English names of isoCodes: ISO's own short names where
 * CLDR's differ, and common alternatives. A code, then its names separated by "|", compared as nameKey does.
 */
const COUNTRY_ALIASES = `
AE UAE
BN Brunei Darussalam
BO Bolivia, Plurinational State of
BQ Bonaire, Sint Eustatius and Saba|Bonaire
CD Congo, Democratic Republic of the|Democratic Republic of the Congo|DR Congo|DRC
CG Congo|Republic of the Congo
CI Ivory Coast
CV Cabo Verde
CZ Czech Republic
FK Falkland Islands (Malvinas)
FM Micronesia, Federated States of
GB UK|Great Britain|Britain|England|Scotland|Wales|Northern Ireland|United Kingdom of Great Britain and Northern Ireland
HK Hong Kong
HM Heard Island and McDonald Islands
IE Republic of Ireland
IR Iran, Islamic Republic of
KP Korea, Democratic People's Republic of
KR Korea, Republic of|Republic of Korea
LA Lao People's Democratic Republic|Lao PDR
MD Moldova, Republic of
MK Macedonia
MM Burma
MO Macao|Macau
NL Holland
PS Palestine|State of Palestine|Palestine, State of
RU Russian Federation
SH Saint Helena, Ascension and Tristan da Cunha
SY Syrian Arab Republic
SZ Swaziland
TL East Timor
TR Turkey
TW Taiwan, Province of China
TZ Tanzania, United Republic of
UM United States Minor Outlying Islands
US United States of America|America
VA Holy See|Vatican
VE Venezuela, Bolivarian Republic of
VG Virgin Islands, British
VI Virgin Islands, U.S.
VN Viet Nam
`;

const CURRENCY_ALIASES = `
CNY Renminbi|Yuan Renminbi|RMB
EUR €
GBP Pound Sterling|Pounds Sterling|Sterling|Great British Pound|£
USD United States Dollar|American Dollar|US$
`;

/**
 * How names are compared: letter case, accents, dots and apostrophes, "&"/"and", "the", "Saint"/"St." and
 * other punctuation do not count. "Côte d’Ivoire" and "cote d'ivoire", "U.S.A." and "usa" are the same key.
 */
export function nameKey(text: string): string {
	const words = text
		.normalize('NFD')
		.replace(/\p{M}/gu, '')
		.toLowerCase()
		.replace(/['’.]/g, '')
		.replace(/&/g, ' and ')
		.split(/[^\p{L}\p{N}\p{Sc}]+/u)
		.filter(Boolean)
		.map((word) => (word === 'saint' ? 'st' : word));
	return (words.length > 1 ? words.filter((word) => word !== 'the' && word !== 'and') : words).join(' ');
}

/** A name without its parenthesised part: "Myanmar (Burma)" is also "Myanmar". */
const withoutParentheses = (name: string) => name.replace(/\s*\(.*?\)/g, '');

/** Key to code: the codes, then the English names, then the aliases; the first to claim a key keeps it. */
function nameIndex(table: readonly IsoEntry[], aliases: string): ReadonlyMap<string, string> {
	const index = new Map<string, string>();
	const add = (name: string, code: string) => {
		const key = nameKey(name);
		if (key && !index.has(key)) index.set(key, code);
	};
	for (const { code } of table) add(code, code);
	for (const { code, alpha3 } of table) if (alpha3) add(alpha3, code);
	for (const { code, name } of table) add(name, code);
	for (const { code, name } of table) add(withoutParentheses(name), code);
	for (const line of aliases.split('\n').filter(Boolean)) {
		const space = line.indexOf(' ');
		for (const name of line.slice(space + 1).split('|')) add(name, line.slice(0, space));
	}
	return index;
}

const COUNTRY_INDEX = nameIndex(COUNTRY_TABLE, COUNTRY_ALIASES);
const CURRENCY_INDEX = nameIndex(CURRENCY_TABLE, CURRENCY_ALIASES);

/** The currencies' name keys, to find "dollar" at the end of "US dollar". */
const CURRENCY_KEYS = CURRENCY_TABLE.map(({ code, name }): [string, string] => [code, nameKey(withoutParentheses(name))]);

/** The ISO 3166 alpha-2 code for a code (any case), an alpha-3 code or an English name; undefined if unknown. */
export function countryCode(text: string): string | undefined {
	return COUNTRY_INDEX.get(nameKey(text));
}

/**
 * The ISO 4217 codes a currency code (any case) or English name ("Euro", "US dollars") may mean: one code,
 * several when only the unit is given ("dollar": AUD, BBD...), none when it is unknown.
 */
export function currencyCodes(text: string): string[] {
	const key = nameKey(text);
	const keys = key.endsWith('s') ? [key, key.slice(0, -1)] : [key];
	for (const k of keys) {
		const code = CURRENCY_INDEX.get(k);
		if (code) return [code];
	}
	for (const k of keys) {
		const codes = CURRENCY_KEYS.filter(([, name]) => name.endsWith(` ${k}`)).map(([code]) => code);
		if (codes.length > 0) return [...new Set(codes)];
	}
	return [];
}

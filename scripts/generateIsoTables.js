#!/usr/bin/env node
// Prints the two tables of nodes/SectigoPlaceOrder/catalog/isoCodes.ts (paste them over the old ones):
//   COUNTRIES   "GB GBR United Kingdom": ISO 3166-1 alpha-2, alpha-3, English name
//   CURRENCIES  "EUR Euro": ISO 4217 code, English name
// The codes are written below; the names come from Intl.DisplayNames(['en']), i.e. from the ICU/CLDR data of
// the Node that runs this script. The committed tables were printed on Node 24.21.0 (ICU 78.3, CLDR 48).
// Development tooling only: the node reads the committed tables, never Intl, so its messages and options
// are the same on every n8n host. Run: node scripts/generateIsoTables.js
'use strict';

/** ISO 3166-1: each officially assigned alpha-2 code followed by its alpha-3 code (249 pairs). */
const COUNTRY_CODES = `
	AD AND AE ARE AF AFG AG ATG AI AIA AL ALB AM ARM AO AGO AQ ATA AR ARG AS ASM AT AUT AU AUS AW ABW AX ALA
	AZ AZE BA BIH BB BRB BD BGD BE BEL BF BFA BG BGR BH BHR BI BDI BJ BEN BL BLM BM BMU BN BRN BO BOL BQ BES
	BR BRA BS BHS BT BTN BV BVT BW BWA BY BLR BZ BLZ CA CAN CC CCK CD COD CF CAF CG COG CH CHE CI CIV CK COK
	CL CHL CM CMR CN CHN CO COL CR CRI CU CUB CV CPV CW CUW CX CXR CY CYP CZ CZE DE DEU DJ DJI DK DNK DM DMA
	DO DOM DZ DZA EC ECU EE EST EG EGY EH ESH ER ERI ES ESP ET ETH FI FIN FJ FJI FK FLK FM FSM FO FRO FR FRA
	GA GAB GB GBR GD GRD GE GEO GF GUF GG GGY GH GHA GI GIB GL GRL GM GMB GN GIN GP GLP GQ GNQ GR GRC GS SGS
	GT GTM GU GUM GW GNB GY GUY HK HKG HM HMD HN HND HR HRV HT HTI HU HUN ID IDN IE IRL IL ISR IM IMN IN IND
	IO IOT IQ IRQ IR IRN IS ISL IT ITA JE JEY JM JAM JO JOR JP JPN KE KEN KG KGZ KH KHM KI KIR KM COM KN KNA
	KP PRK KR KOR KW KWT KY CYM KZ KAZ LA LAO LB LBN LC LCA LI LIE LK LKA LR LBR LS LSO LT LTU LU LUX LV LVA
	LY LBY MA MAR MC MCO MD MDA ME MNE MF MAF MG MDG MH MHL MK MKD ML MLI MM MMR MN MNG MO MAC MP MNP MQ MTQ
	MR MRT MS MSR MT MLT MU MUS MV MDV MW MWI MX MEX MY MYS MZ MOZ NA NAM NC NCL NE NER NF NFK NG NGA NI NIC
	NL NLD NO NOR NP NPL NR NRU NU NIU NZ NZL OM OMN PA PAN PE PER PF PYF PG PNG PH PHL PK PAK PL POL PM SPM
	PN PCN PR PRI PS PSE PT PRT PW PLW PY PRY QA QAT RE REU RO ROU RS SRB RU RUS RW RWA SA SAU SB SLB SC SYC
	SD SDN SE SWE SG SGP SH SHN SI SVN SJ SJM SK SVK SL SLE SM SMR SN SEN SO SOM SR SUR SS SSD ST STP SV SLV
	SX SXM SY SYR SZ SWZ TC TCA TD TCD TF ATF TG TGO TH THA TJ TJK TK TKL TL TLS TM TKM TN TUN TO TON TR TUR
	TT TTO TV TUV TW TWN TZ TZA UA UKR UG UGA UM UMI US USA UY URY UZ UZB VA VAT VC VCT VE VEN VG VGB VI VIR
	VN VNM VU VUT WF WLF WS WSM YE YEM YT MYT ZA ZAF ZM ZMB ZW ZWE
`;

/** ISO 4217 codes in use (162). */
const CURRENCY_CODES = `
	AED AFN ALL AMD ANG AOA ARS AUD AWG AZN BAM BBD BDT BGN BHD BIF BMD BND BOB BRL
	BSD BTN BWP BYN BZD CAD CDF CHF CLP CNY COP CRC CUC CUP CVE CZK DJF DKK DOP DZD
	EGP ERN ETB EUR FJD FKP GBP GEL GHS GIP GMD GNF GTQ GYD HKD HNL HRK HTG HUF IDR
	ILS INR IQD IRR ISK JMD JOD JPY KES KGS KHR KMF KPW KRW KWD KYD KZT LAK LBP LKR
	LRD LSL LYD MAD MDL MGA MKD MMK MNT MOP MRU MUR MVR MWK MXN MYR MZN NAD NGN NIO
	NOK NPR NZD OMR PAB PEN PGK PHP PKR PLN PYG QAR RON RSD RUB RWF SAR SBD SCR SDG
	SEK SGD SHP SLE SLL SOS SRD SSP STN SVC SYP SZL THB TJS TMT TND TOP TRY TTD TWD
	TZS UAH UGX USD UYU UZS VES VND VUV WST XAF XCD XCG XDR XOF XPF XSU YER ZAR ZMW
	ZWG ZWL
`;

const words = (list) => list.split(/\s+/).filter(Boolean);

function englishName(names, code) {
	const name = names.of(code);
	if (!name || name === code) throw new Error(`no English name for ${code} in this Node's ICU data`);
	if (/[`$\\\n]/.test(name)) throw new Error(`the name of ${code} cannot go in a template string: ${name}`);
	return name;
}

function countryLines() {
	const regions = new Intl.DisplayNames(['en'], { type: 'region' });
	const codes = words(COUNTRY_CODES);
	const lines = [];
	for (let i = 0; i < codes.length; i += 2) {
		const [alpha2, alpha3] = [codes[i], codes[i + 1]];
		if (!/^[A-Z]{2}$/.test(alpha2) || !/^[A-Z]{3}$/.test(alpha3)) throw new Error(`bad pair ${alpha2} ${alpha3}`);
		lines.push(`${alpha2} ${alpha3} ${englishName(regions, alpha2)}`);
	}
	return lines;
}

function currencyLines() {
	const currencies = new Intl.DisplayNames(['en'], { type: 'currency' });
	return words(CURRENCY_CODES).map((code) => `${code} ${englishName(currencies, code)}`);
}

const block = (name, lines) => `const ${name} = \`\n${lines.join('\n')}\n\`;`;

function tables() {
	return `${block('COUNTRIES', countryLines())}\n\n${block('CURRENCIES', currencyLines())}\n`;
}

if (require.main === module) {
	process.stderr.write(`Node ${process.version}, ICU ${process.versions.icu}, CLDR ${process.versions.cldr}\n`);
	process.stdout.write(tables());
}

module.exports = { tables };

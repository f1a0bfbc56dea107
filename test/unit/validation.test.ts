import { encodeOrder } from '../../nodes/SectigoPlaceOrder/request/encodeOrder';
import { maskedRequest } from '../../nodes/SectigoPlaceOrder/request/maskedRequest';
import { OrderValidationError, validateOrder } from '../../nodes/SectigoPlaceOrder/request/validateOrder';
import type { OrderInput } from '../../nodes/SectigoPlaceOrder/request/orderInput';
import { baseInput } from '../harness/catalogSamples';

function problems(input: OrderInput, endpoint: 'public' | 'clientCertificate' | 'custom' = 'public') {
	try {
		validateOrder(input, endpoint);
	} catch (error) {
		if (error instanceof OrderValidationError) return error.problems.map((p) => ({ ...p }));
		throw error;
	}
	return [];
}

const withFields = (fields: Record<string, unknown>, change: (input: OrderInput) => void = () => {}) => {
	const input = baseInput();
	Object.assign(input.fields, fields);
	change(input);
	return input;
};

describe('validation names the field, the Sectigo parameter and the item', () => {
	test('a valid order has no problems', () => {
		expect(problems(baseInput())).toEqual([]);
	});

	test('the customer email is required', () => {
		expect(problems(withFields({ emailAddress: '  ' }))).toEqual([
			{ field: 'Customer Email', parameter: 'emailAddress', message: 'is required' },
		]);
	});

	test('email syntax', () => {
		expect(problems(withFields({ emailAddress: 'not-an-email' }))[0].message).toBe(
			'must be an email address such as name@example.com (got "not-an-email")',
		);
	});

	test('maximum length, counted in characters', () => {
		expect(problems(withFields({ region: 'é'.repeat(65) }))[0]).toEqual({
			field: 'Order Options › Region',
			parameter: 'region',
			message: `is 65 characters long; Sectigo allows at most 64 (got "${'é'.repeat(40)}…")`,
		});
		expect(problems(withFields({ region: 'é'.repeat(64) }))).toEqual([]);
	});

	test('whole numbers and numbers', () => {
		const input = baseInput();
		input.items[0].fields.days = '365.5';
		expect(problems(input)[0]).toEqual({ field: 'Item 1 › Days', parameter: '1_days', item: 1, message: 'must be a whole number (got "365.5")' });
		input.items[0].fields.days = 365;
		expect(problems(input)).toEqual([]);
	});

	test('known values, and a closed list refuses others', () => {
		expect(problems(withFields({ isReturningCustomer: 'yes' }))[0].message).toBe('must be one of Y, N (got "yes")');
		expect(problems(withFields({ isReturningCustomer: true }))).toEqual([]);
	});

	test('an open list (DCV method) takes values beyond the known ones', () => {
		const input = baseInput();
		input.items[0].fields.dcvMethod = 'TXT_CSR_HASH';
		expect(problems(input)).toEqual([]);
	});

	test('ISO 3166 country codes, case-insensitive', () => {
		expect(problems(withFields({ country: 'gb' }))).toEqual([]);
		expect(problems(withFields({ country: 'ZZ' }))[0]).toMatchObject({
			field: 'Company Address › Country',
			message: 'must be a country: an ISO 3166 code such as GB, or its English name (got "ZZ")',
		});
	});

	test('ISO 4217 currency codes', () => {
		expect(problems(withFields({ currency: 'chf' }))).toEqual([]);
		expect(problems(withFields({ currency: 'XYZ' }))[0].message).toContain('ISO 4217');
	});

	describe('countries and currencies as a CRM stores them are sent as codes', () => {
		const sent = (fields: Record<string, unknown>) => encodeOrder(validateOrder(withFields(fields), 'public'));

		test.each([
			['United Kingdom', 'GB'],
			['united kingdom', 'GB'],
			['UK', 'GB'],
			['U.K.', 'GB'],
			['Great Britain', 'GB'],
			['United States', 'US'],
			['United States of America', 'US'],
			['USA', 'US'],
			['U.S.A.', 'US'],
			['usa', 'US'],
			['GBR', 'GB'],
			['deu', 'DE'],
			['Germany', 'DE'],
			['the Netherlands', 'NL'],
			['gb', 'GB'],
			[' nl ', 'NL'],
			["Cote d'Ivoire", 'CI'],
			['Saint Kitts and Nevis', 'KN'],
			['Korea, Republic of', 'KR'],
		])('country %j is %s', (given, code) => {
			const body = sent({ country: given, joiCountryName: given, shippingCountry: given });
			expect([body.get('country'), body.get('joiCountryName'), body.get('shippingCountry')]).toEqual([code, code, code]);
		});

		test.each([
			['euro', 'EUR'],
			['Euro', 'EUR'],
			['euros', 'EUR'],
			['eur', 'EUR'],
			['US dollar', 'USD'],
			['U.S. Dollars', 'USD'],
			['pound sterling', 'GBP'],
			['British Pound', 'GBP'],
			['Swiss franc', 'CHF'],
			['yen', 'JPY'],
		])('currency %j is %s', (given, code) => {
			expect(sent({ currency: given }).get('currency')).toBe(code);
		});

		test('Validate Only shows the code that would be sent', () => {
			const request = maskedRequest('https://example.test/', sent({ country: 'United Kingdom', currency: 'euro' }), false);
			expect(request.fields).toMatchObject({ country: 'GB', currency: 'EUR' });
		});

		test('an unknown name is refused naming the field, not for its length', () => {
			expect(problems(withFields({ country: 'Atlantis' }))).toEqual([
				{
					field: 'Company Address › Country',
					parameter: 'country',
					message: 'must be a country: an ISO 3166 code such as GB, or its English name (got "Atlantis")',
				},
			]);
			expect(problems(withFields({ shippingCountry: 'Deutschland' }))[0].message).toContain('must be a country');
			expect(problems(withFields({ currency: 'Galleon' }))[0]).toEqual({
				field: 'Order Options › Currency',
				parameter: 'currency',
				message: 'must be a currency: an ISO 4217 code such as EUR, or its English name (got "Galleon")',
			});
		});

		test('a unit that several currencies share is refused with the candidates', () => {
			const [dollar] = problems(withFields({ currency: 'dollar' }));
			expect(dollar.message).toMatch(/^names more than one currency \(AUD, .*\bCAD\b.*\bUSD\b.*\): give the ISO 4217 code \(got "dollar"\)$/);
			expect(problems(withFields({ currency: 'pounds' }))[0].message).toContain('(EGP, FKP, GBP, GIP');
		});
	});

	test('an order needs at least one item', () => {
		const input = baseInput();
		input.items = [];
		expect(problems(input)).toEqual([{ field: 'Items', message: 'add at least one item: an order needs a product' }]);
	});

	test('each item must say which product it orders', () => {
		const input = baseInput();
		input.items.push({ fields: { days: 365 }, additional: [] });
		expect(problems(input)).toEqual([
			{
				field: 'Item 2',
				item: 2,
				message:
					'says which product to order: set its Product Pricing Parameter (PPP), or send the product ID as an Additional Item Parameter',
			},
		]);
		input.items[1].additional = [{ name: 'productID', value: 512 }];
		expect(problems(input)).toEqual([]);
	});

	test('Payment Status 0 only on the client-certificate (or a custom) endpoint', () => {
		const input = withFields({ paymentStatus: '0' });
		expect(problems(input, 'public')[0]).toMatchObject({ field: 'Payment Status', parameter: 'paymentStatus' });
		expect(problems(input, 'clientCertificate')).toEqual([]);
		expect(problems(input, 'custom')).toEqual([]);
		expect(problems(withFields({ paymentStatus: 0 }), 'public')).toHaveLength(1);
	});

	test('values that are neither text nor numbers are refused', () => {
		expect(problems(withFields({ region: { a: 1 } }))[0].message).toBe('must be text or a number');
	});

	test('a secret value is never quoted in a message', () => {
		const secret = 'p'.repeat(129);
		const found = problems(withFields({ loginPassword: secret }));
		expect(found[0].message).toBe('is 129 characters long; Sectigo allows at most 128');
		expect(JSON.stringify(found)).not.toContain('ppppp');
	});

	test('every problem is reported at once, the first in the message', () => {
		const input = withFields({ emailAddress: 'x', country: 'ZZ' });
		input.items[0].fields.PPP = 'abc';
		let error: OrderValidationError | undefined;
		try {
			validateOrder(input, 'public');
		} catch (caught) {
			error = caught as OrderValidationError;
		}
		expect(error?.problems.map((p) => p.parameter)).toEqual(['country', 'emailAddress', '1_PPP']);
		expect(error?.message).toBe(
			'Invalid order: 3 problems, the first: Company Address › Country (country): must be a country: an ISO 3166 code such as GB, or its English name (got "ZZ")',
		);
	});

	test('a field the catalog no longer knows is reported, not silently dropped', () => {
		const input = baseInput();
		input.unknownKeys.push({ where: 'Order Options', key: 'oldName' });
		expect(problems(input)).toEqual([
			{ field: 'Order Options › oldName', message: 'this version of the node has no such field: remove it, or send it as an additional parameter' },
		]);
	});
});

describe('additional parameters never override a field', () => {
	const withPairs = (pairs: Array<{ name?: unknown; value?: unknown }>) => {
		const input = baseInput();
		input.additional = pairs;
		return input;
	};

	test('a catalog name, in any letter case, is refused', () => {
		expect(problems(withPairs([{ name: 'EmailAddress', value: 'x@example.com' }]))[0]).toEqual({
			field: 'Additional Parameters › row 1',
			parameter: 'EmailAddress',
			message: '"EmailAddress" is already a field of this node: use that field instead of an additional parameter',
		});
	});

	test('an item parameter at order level is pointed to the item', () => {
		expect(problems(withPairs([{ name: '_1_PPP', value: '400' }]))[0].message).toContain('is an item parameter');
	});

	test('an item pair must not carry the item number', () => {
		const input = baseInput();
		input.items[0].additional = [{ name: '1_days', value: 365 }];
		expect(problems(input)[0]).toEqual({
			field: 'Item 1 › Additional Item Parameters › row 1',
			parameter: '1_1_days',
			item: 1,
			message: 'write "days" without the item number: the node adds it',
		});
	});

	test('the same name twice, and names that are not names, are refused', () => {
		expect(problems(withPairs([{ name: 'vatNumber', value: 'a' }, { name: 'VATNUMBER', value: 'b' }]))[0].message).toBe('"VATNUMBER" is given twice');
		expect(problems(withPairs([{ name: 'vat number', value: 'a' }]))[0].message).toBe('the name may hold only letters, digits and underscores');
		expect(problems(withPairs([{ name: '', value: 'a' }]))[0].message).toBe('needs a name');
	});

	test('accepted pairs follow the catalog fields, empty values left out', () => {
		const input = withPairs([{ name: 'vatNumber', value: ' GB123 ' }, { name: 'licenceCode', value: '' }]);
		expect(validateOrder(input, 'public').fields).toEqual([
			['emailAddress', 'buyer@example.com'],
			['vatNumber', 'GB123'],
		]);
	});
});

describe('small limits', () => {
	test('control characters other than tab are refused in free text, named by position, value not repeated', () => {
		expect(problems(withFields({ organizationName: 'Acme\nLtd' }))).toEqual([
			{ field: 'Company Address › Organization Name', parameter: 'organizationName', message: 'contains a line break at position 5: remove it (only tab is allowed)' },
		]);
		expect(problems(withFields({ region: 'North\u0000' }))[0].message).toBe('contains control character U+0000 at position 6: remove it (only tab is allowed)');
		expect(problems(withFields({ region: 'North\tEast' }))).toEqual([]);
	});

	test('and in additional parameters', () => {
		const input = withFields({}, (i) => i.additional.push({ name: 'vatNumber', value: 'GB1\r\n23' }));
		expect(problems(input)[0]).toMatchObject({ field: 'Additional Parameters › row 1', message: 'the value contains a carriage return at position 4: remove it (only tab is allowed)' });
	});

	test('an order holds at most 50 items', () => {
		const items = (count: number) => withFields({}, (i) => (i.items = Array.from({ length: count }, () => ({ fields: { PPP: 400 }, additional: [] }))));
		expect(problems(items(50))).toEqual([]);
		expect(problems(items(51))).toEqual([{ field: 'Items', message: 'has more than 50 items: split it into several orders' }]);
	});
});

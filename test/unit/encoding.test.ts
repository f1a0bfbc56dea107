import { encodeOrder } from '../../nodes/SectigoPlaceOrder/request/encodeOrder';
import { validateOrder } from '../../nodes/SectigoPlaceOrder/request/validateOrder';
import { identityOf, withIdentity } from '../../nodes/SectigoPlaceOrder/credential/identityFields';
import { baseInput } from '../harness/catalogSamples';

/** Sectigo's sample request, as its --data-urlencode lines give it. */
const DOC_SAMPLE = [
	'loginName=login_name',
	'loginPassword=login_password',
	'isReturningCustomer=Y',
	'ap=Affiliate_Brand_Name',
	'emailAddress=buyer@example.com',
	'_1_PPP=400',
	'1_webserverSoftwareID=-1',
];

/** The doc allows one extra leading underscore on item parameters; both forms mean the same. */
const canonical = (pairs: Array<[string, string]>) =>
	pairs.map(([name, value]) => `${name.replace(/^_(\d+_)/, '$1')}=${value}`).sort();

describe('the form body', () => {
	test("is what Sectigo's sample request sends, for the same inputs", () => {
		const input = baseInput();
		Object.assign(input.fields, { isReturningCustomer: 'Y', paymentStatus: '' });
		input.items[0].fields = { PPP: 400, webserverSoftwareID: -1 };
		const credentials = { loginName: 'login_name', loginPassword: 'login_password', ap: 'Affiliate_Brand_Name' };

		const body = withIdentity(identityOf(credentials), encodeOrder(validateOrder(input, 'public')));
		const sample = DOC_SAMPLE.map((line) => line.split('=') as [string, string]);
		expect(canonical([...body])).toEqual(canonical(sample));
		expect([...body.keys()].slice(0, 3)).toEqual(['loginName', 'loginPassword', 'ap']);
	});

	test('numbers items as 1_, 2_, ... in the order given, after the order fields', () => {
		const input = baseInput();
		input.items = [
			{ fields: { PPP: 400, days: 365 }, additional: [{ name: 'quantity', value: 2 }] },
			{ fields: { PPP: 512, dcvMethod: 'CNAME_CSR_HASH' }, additional: [] },
		];
		expect(encodeOrder(validateOrder(input, 'public')).toString()).toBe(
			'emailAddress=buyer%40example.com&1_PPP=400&1_days=365&1_quantity=2&2_PPP=512&2_dcvMethod=CNAME_CSR_HASH',
		);
	});

	test('leaves empty fields out, writes numbers as plain decimals and text as UTF-8', () => {
		const input = baseInput();
		Object.assign(input.fields, { region: '', forename: 'Zoë', organizationName: '  ACME  ', SMIMERequestTemplateID: 1e20 });
		const body = encodeOrder(validateOrder(input, 'public')).toString();
		expect(body).toBe('organizationName=ACME&emailAddress=buyer%40example.com&forename=Zo%C3%AB&SMIMERequestTemplateID=100000000000000000000&1_PPP=400');
	});

	test('refuses numbers that would need exponent notation', () => {
		const input = baseInput();
		input.items[0].fields.days = 1e21;
		expect(() => validateOrder(input, 'public')).toThrow('Item 1 › Days (1_days): must be text or a number');
	});
});

import { readOrderInput } from '../../nodes/SectigoPlaceOrder/request/readOrderInput';
import { OrderValidationError, validateOrder } from '../../nodes/SectigoPlaceOrder/request/validateOrder';
import { encodeOrder } from '../../nodes/SectigoPlaceOrder/request/encodeOrder';

const read = (itemsJson: unknown) =>
	readOrderInput((name, fallback) => ({ emailAddress: 'a@example.com', itemsMode: 'json', itemsJson })[name] ?? fallback);

const problemsOf = (itemsJson: unknown) => {
	try {
		validateOrder(read(itemsJson), 'public');
		return [];
	} catch (error) {
		return (error as OrderValidationError).problems;
	}
};

describe('items from JSON', () => {
	test('an array from an expression: catalog names become fields, other names are sent as they are', () => {
		const input = read([{ PPP: 400, days: 730, productID: 9 }, { PPP: '512' }]);
		expect(input.items).toEqual([
			{ fields: { PPP: 400, days: 730 }, additional: [{ name: 'productID', value: 9 }] },
			{ fields: { PPP: '512' }, additional: [] },
		]);
		expect(encodeOrder(validateOrder(input, 'public')).toString()).toBe('emailAddress=a%40example.com&1_PPP=400&1_days=730&1_productID=9&2_PPP=512');
	});

	test('JSON text is read too', () => {
		expect(read('[{ "PPP": 400 }]').items).toEqual([{ fields: { PPP: 400 }, additional: [] }]);
	});

	test('what is not a list of objects is refused, once, by name', () => {
		expect(problemsOf('[{ PPP: 400 }]')).toEqual([{ field: 'Items (JSON)', message: 'is not valid JSON: it must be a list of objects, such as [{ "PPP": 400, "days": 365 }]' }]);
		expect(problemsOf({ PPP: 400 })).toEqual([{ field: 'Items (JSON)', message: 'must be a list of objects, such as [{ "PPP": 400, "days": 365 }]' }]);
		expect(problemsOf([400])).toHaveLength(1);
	});

	test('items are validated like the fields: a wrong letter case is caught, not sent', () => {
		expect(problemsOf([{ PPP: 400, Days: 365 }, { PPP: 401, dcvmethod: 'EMAIL' }])).toEqual([
			{ field: 'Items (JSON) › item 1 › Days', message: 'Sectigo\'s name is "days" (names are case sensitive)' },
			{ field: 'Items (JSON) › item 2 › dcvmethod', message: 'Sectigo\'s name is "dcvMethod" (names are case sensitive)' },
		]);
		expect(problemsOf([{ PPP: 400, days: 'a year' }])[0]).toMatchObject({ field: 'Item 1 › Days', parameter: '1_days' });
		expect(problemsOf([])).toEqual([{ field: 'Items', message: 'add at least one item: an order needs a product' }]);
	});
});

import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { ITEM_PARAMETERS, ORDER_GROUPS, ORDER_PARAMETERS } from '../../nodes/SectigoPlaceOrder/catalog';
import { nodeProperties } from '../../nodes/SectigoPlaceOrder/description/nodeProperties';

const byName = (properties: readonly unknown[], name: string) =>
	(properties as INodeProperties[]).find((p) => p.name === name);

const itemValues = (): INodeProperties[] => {
	const items = byName(nodeProperties, 'items');
	const option = (items?.options as Array<{ name: string; values: INodeProperties[] }>).find((o) => o.name === 'item');
	return option?.values ?? [];
};

/** Where the UI shows a field for each order-level catalog row: the top level or its group's collection. */
function orderField(name: string): INodeProperties | undefined {
	const place = ORDER_PARAMETERS.find((p) => p.spec.name === name);
	if (!place?.group) return byName(nodeProperties, name);
	return byName(byName(nodeProperties, place.group.key)?.options ?? [], name);
}

function itemField(name: string): INodeProperties | undefined {
	return byName(itemValues(), name) ?? byName(byName(itemValues(), 'itemFields')?.options ?? [], name);
}

describe('the UI is derived from the catalog', () => {
	test.each(ORDER_PARAMETERS.map((p) => [p.spec.name, p.spec]))('order parameter %s has a field', (name, spec) => {
		const field = orderField(name);
		expect(field).toBeDefined();
		expect(field?.displayName).toBe(spec.label);
		expect(field?.description).toContain(`Sectigo parameter: ${name}.`);
	});

	test.each(ITEM_PARAMETERS.map((spec) => [spec.name, spec]))('item parameter %s has a field in every item', (name, spec) => {
		const field = itemField(name);
		expect(field).toBeDefined();
		expect(field?.displayName).toBe(spec.label);
	});

	test('each group is one "Add Field" collection holding exactly its non-primary rows', () => {
		for (const group of ORDER_GROUPS) {
			const collection = byName(nodeProperties, group.key);
			expect(collection?.type).toBe('collection');
			expect((collection?.options as INodeProperties[]).map((o) => o.name)).toEqual(
				group.parameters.filter((s) => !s.primary).map((s) => s.name),
			);
		}
	});

	test('no Sectigo name is used twice, at order level or within an item', () => {
		const orderNames = ORDER_PARAMETERS.map((p) => p.spec.name);
		const itemNames = ITEM_PARAMETERS.map((s) => s.name);
		expect(new Set(orderNames).size).toBe(orderNames.length);
		expect(new Set(itemNames).size).toBe(itemNames.length);
	});

	test('the customer email and the items come first, right after the operation', () => {
		expect(nodeProperties.slice(0, 5).map((p) => p.name)).toEqual(['operation', 'emailAddress', 'itemsMode', 'items', 'itemsJson']);
		expect(byName(nodeProperties, 'items')?.displayOptions?.show).toEqual({ operation: ['placeOrder', 'validateOnly'], itemsMode: ['fields'] });
		expect(byName(nodeProperties, 'itemsJson')?.displayOptions?.show).toEqual({ operation: ['placeOrder', 'validateOnly'], itemsMode: ['json'] });
		expect(byName(nodeProperties, 'emailAddress')?.required).toBe(true);
	});

	test('closed value lists become option lists; open ones stay text with the known values named', () => {
		expect(orderField('isReturningCustomer')?.type).toBe('options');
		expect(orderField('isReturningCustomer')?.options).toEqual([
			{ name: 'Yes (Y)', value: 'Y' },
			{ name: 'No (N)', value: 'N' },
		]);
		expect(orderField('currency')?.description).toContain('Known values: USD, EUR, GBP.');
		expect(itemField('dcvMethod')?.type).toBe('string');
	});

	describe('country and currency fields are searchable dropdowns of every code, derived from the format', () => {
		const options = (field?: INodeProperties) => (field?.options ?? []) as INodePropertyOptions[];
		const fields = [
			...['country', 'joiCountryName', 'shippingCountry'].map((name) => [name, 249, 'United Kingdom (GB)', 'GB'] as const),
			['currency', 162, 'Euro (EUR)', 'EUR'] as const,
		];

		test.each(fields)('%s: %i options, labelled "Name (CODE)", the code as value', (name, count, label, value) => {
			const field = orderField(name);
			expect(field?.type).toBe('options');
			expect(options(field)).toHaveLength(count);
			expect(options(field)).toContainEqual({ name: label, value });
			for (const option of options(field)) expect(option.name).toMatch(new RegExp(`^.+ \\(${String(option.value)}\\)$`));
			expect(new Set(options(field).map((o) => o.value)).size).toBe(count);
		});

		test.each(fields)('%s: sorted by name; expressions stay allowed; the default is one of the options', (name) => {
			const field = orderField(name);
			const names = options(field).map((o) => String(o.name).replace(/ \(\w+\)$/, ''));
			expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, 'en')));
			expect(field?.noDataExpression).toBeUndefined();
			expect(options(field).map((o) => o.value)).toContain(field?.default);
			expect(field?.description).toContain('An expression may also give an English name');
		});

		test('the format decides which rows get them; currency defaults to USD, a country to the first option', () => {
			const rows = ORDER_PARAMETERS.map((p) => p.spec).filter((s) => s.format === 'country' || s.format === 'currency');
			expect(rows.map((s) => s.name)).toEqual(['currency', 'country', 'joiCountryName', 'shippingCountry']);
			expect(orderField('currency')?.default).toBe('USD');
			expect(options(orderField('country'))[0]).toEqual({ name: 'Afghanistan (AF)', value: 'AF' });
		});
	});

	test('Payment Status defaults to the back-end value 2 and can be left unsent', () => {
		const field = orderField('paymentStatus');
		expect(field?.default).toBe('2');
		expect((field?.options as Array<{ value: string }>).map((o) => o.value)).toEqual(['2', '0', '1', '']);
	});

	test('a notice appears for Payment Status 0', () => {
		const notice = nodeProperties.find((p) => p.type === 'notice');
		expect(notice?.displayOptions?.show).toEqual({ operation: ['placeOrder', 'validateOnly'], paymentStatus: ['0'] });
		expect(notice?.displayName).toContain('client-certificate endpoint');
	});

	test('fields whose name is only inferred carry a hint, the others do not', () => {
		expect(itemField('days')?.hint).toContain('"days" follows Sectigo\'s naming');
		expect(orderField('joiCountryName')?.hint).toBeDefined();
		expect(orderField('currency')?.hint).toBeUndefined();
	});

	test('whole numbers get number fields without decimals; the password override is a password field', () => {
		expect(itemField('PPP')?.type).toBe('number');
		expect(itemField('PPP')?.typeOptions).toEqual({ numberPrecision: 0 });
		expect(orderField('loginPassword')?.typeOptions).toEqual({ password: true });
	});

	test('free name/value pairs exist at order level and in every item', () => {
		expect(byName(nodeProperties, 'additionalParameters')?.type).toBe('fixedCollection');
		expect(byName(itemValues(), 'additionalItemParameters')?.type).toBe('fixedCollection');
	});
});

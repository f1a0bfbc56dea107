import { ITEM_PARAMETERS, ORDER_PARAMETERS } from '../../nodes/SectigoPlaceOrder/catalog';
import { encodeOrder } from '../../nodes/SectigoPlaceOrder/request/encodeOrder';
import { readOrderInput } from '../../nodes/SectigoPlaceOrder/request/readOrderInput';
import { OrderValidationError, validateOrder } from '../../nodes/SectigoPlaceOrder/request/validateOrder';
import { baseInput, invalidSample, validSample } from '../harness/catalogSamples';

const problemOf = (run: () => unknown): OrderValidationError => {
	try {
		run();
	} catch (error) {
		if (error instanceof OrderValidationError) return error;
		throw error;
	}
	throw new Error('expected a validation error');
};

describe('every catalog row goes through validation and encoding', () => {
	test.each(ORDER_PARAMETERS.map((p) => [p.spec.name, p]))('order parameter %s', (name, { spec, group }) => {
		const input = baseInput();
		input.fields[name] = validSample(spec);
		const body = encodeOrder(validateOrder(input, 'clientCertificate'));
		expect(body.getAll(name)).toEqual([validSample(spec)]);

		input.fields[name] = invalidSample(spec);
		const error = problemOf(() => validateOrder(input, 'clientCertificate'));
		expect(error.problems).toHaveLength(1);
		expect(error.problems[0].parameter).toBe(name);
		expect(error.message).toContain(group ? `${group.displayName} › ${spec.label}` : spec.label);
	});

	test.each(ITEM_PARAMETERS.map((spec) => [spec.name, spec]))('item parameter %s, as item 2', (name, spec) => {
		const input = baseInput();
		input.items.push({ fields: { PPP: 401, [name]: validSample(spec) }, additional: [] });
		const body = encodeOrder(validateOrder(input, 'public'));
		expect(body.getAll(`2_${name}`)).toEqual([validSample(spec)]);

		input.items[1].fields[name] = invalidSample(spec);
		const error = problemOf(() => validateOrder(input, 'public'));
		expect(error.problems[0]).toMatchObject({ parameter: `2_${name}`, item: 2, field: `Item 2 › ${spec.label}` });
	});

	test('readOrderInput finds every row where the UI puts it', () => {
		const parameters: Record<string, unknown> = { items: { item: [{ itemFields: {}, additionalItemParameters: {} }] } };
		for (const { spec, group } of ORDER_PARAMETERS) {
			if (group) parameters[group.key] = { ...(parameters[group.key] as object), [spec.name]: validSample(spec) };
			else parameters[spec.name] = validSample(spec);
		}
		const item = (parameters.items as { item: Array<Record<string, Record<string, string> | string>> }).item[0];
		for (const spec of ITEM_PARAMETERS) {
			if (spec.primary) item[spec.name] = validSample(spec);
			else (item.itemFields as Record<string, string>)[spec.name] = validSample(spec);
		}
		const input = readOrderInput((name, fallback) => parameters[name] ?? fallback);
		expect(Object.keys(input.fields).sort()).toEqual(ORDER_PARAMETERS.map((p) => p.spec.name).sort());
		expect(Object.keys(input.items[0].fields).sort()).toEqual(ITEM_PARAMETERS.map((s) => s.name).sort());
		expect(input.unknownKeys).toEqual([]);
	});
});

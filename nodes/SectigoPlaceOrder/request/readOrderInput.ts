import { ITEM_PARAMETERS, ITEM_PARAMETER_NAMES, ORDER_GROUPS, ORDER_PARAMETERS } from '../catalog';
import {
	ADDITIONAL_ITEM_PARAMETERS,
	ADDITIONAL_PARAMETERS,
	ITEM,
	ITEM_FIELDS,
	ITEMS,
	PAIR,
} from '../description/names';
import type { ItemInput, NameValuePair, OrderInput } from './orderInput';

/** Reads one node parameter (already resolved for the current input item), or the fallback. */
export type ParameterGetter = (name: string, fallback: unknown) => unknown;

const asRecord = (value: unknown): Record<string, unknown> =>
	value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};

const asArray = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);

function readPairs(container: unknown): NameValuePair[] {
	return asArray(asRecord(container)[PAIR]).map((pair) => asRecord(pair) as NameValuePair);
}

/**
 * Collects the order's fields from the node's parameters, by catalog name, wherever the UI placed them
 * (a top-level field, a group's collection, an item).
 */
export function readOrderInput(get: ParameterGetter): OrderInput {
	const input: OrderInput = { fields: {}, additional: [], items: [], unknownKeys: [] };

	for (const { spec } of ORDER_PARAMETERS.filter((p) => p.group === undefined)) {
		input.fields[spec.name] = get(spec.name, undefined);
	}
	for (const group of ORDER_GROUPS) {
		const known = new Set(group.parameters.filter((spec) => !spec.primary).map((spec) => spec.name));
		for (const [key, value] of Object.entries(asRecord(get(group.key, {})))) {
			if (known.has(key)) input.fields[key] = value;
			else input.unknownKeys.push({ where: group.displayName, key });
		}
	}
	input.additional = readPairs(get(ADDITIONAL_PARAMETERS, {}));

	const itemEntries = asArray(asRecord(get(ITEMS, {}))[ITEM]);
	input.items = itemEntries.map((entry, index): ItemInput => {
		const raw = asRecord(entry);
		const fields: Record<string, unknown> = {};
		for (const spec of ITEM_PARAMETERS.filter((s) => s.primary)) fields[spec.name] = raw[spec.name];
		for (const [key, value] of Object.entries(asRecord(raw[ITEM_FIELDS]))) {
			if (ITEM_PARAMETER_NAMES.has(key)) fields[key] = value;
			else input.unknownKeys.push({ where: `item ${index + 1}`, key });
		}
		return { fields, additional: readPairs(raw[ADDITIONAL_ITEM_PARAMETERS]) };
	});

	return input;
}

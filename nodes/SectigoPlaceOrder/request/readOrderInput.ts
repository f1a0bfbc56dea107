import { ITEM_PARAMETERS, ITEM_PARAMETER_NAMES, ORDER_GROUPS, ORDER_PARAMETERS, keysToNames } from '../catalog';
import {
	ADDITIONAL_ITEM_PARAMETERS,
	ADDITIONAL_PARAMETERS,
	ITEM,
	ITEM_FIELDS,
	ITEMS,
	ITEMS_JSON,
	ITEMS_MODE,
	ITEMS_MODE_JSON,
	NAME_VALUE_PAIR,
} from '../catalog/nodeParameterNames';
import type { ItemInput, NameValuePair, OrderInput } from './orderInput';

/** Reads one node parameter (already resolved for the current input item), or the fallback. */
export type ParameterGetter = (name: string, fallback: unknown) => unknown;

const asRecord = (value: unknown): Record<string, unknown> =>
	value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};

const asArray = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);

function readPairs(container: unknown): NameValuePair[] {
	return asArray(asRecord(container)[NAME_VALUE_PAIR]).map((pair) => asRecord(pair) as NameValuePair);
}

const JSON_ITEMS_SHAPE = 'must be a list of objects, such as [{ "PPP": 400, "days": 365 }]';

/**
 * Items given as JSON (an expression's array, or JSON text): each object's keys are Sectigo item names; the
 * catalog's become fields, any other is sent as an additional item parameter. Returns why not, when it cannot.
 */
const ITEM_NAMES_BY_LOWER_CASE = new Map([...ITEM_PARAMETER_NAMES].map((name) => [name.toLowerCase(), name]));

/** Catalog fields by the keys they can be saved under: a former name is read as the current one. */
const ITEM_KEYS = keysToNames(ITEM_PARAMETERS.filter((spec) => !spec.primary));
const PRIMARY_ITEM_KEYS = keysToNames(ITEM_PARAMETERS.filter((spec) => spec.primary));
const PRIMARY_ORDER_KEYS = keysToNames(ORDER_PARAMETERS.filter((p) => p.group === undefined).map((p) => p.spec));
const GROUP_KEYS = new Map(ORDER_GROUPS.map((group) => [group.key, keysToNames(group.parameters.filter((spec) => !spec.primary))]));

/** Copies values by their keys into `fields` under the names they are sent as; the current name wins over a former one. */
function collect(source: Record<string, unknown>, keys: ReadonlyMap<string, string>, fields: Record<string, unknown>, unknown: (key: string) => void) {
	for (const [key, value] of Object.entries(source)) {
		const name = keys.get(key);
		if (name === undefined) unknown(key);
		else if (key === name || fields[name] === undefined || fields[name] === '') fields[name] = value;
	}
}

function readJsonItems(value: unknown, unknownKeys: OrderInput['unknownKeys']): ItemInput[] | string {
	let list = value;
	if (typeof value === 'string') {
		try {
			list = JSON.parse(value);
		} catch {
			return `is not valid JSON: it ${JSON_ITEMS_SHAPE}`;
		}
	}
	if (!Array.isArray(list) || !list.every((entry) => entry !== null && typeof entry === 'object' && !Array.isArray(entry))) {
		return JSON_ITEMS_SHAPE;
	}
	return list.map((entry: Record<string, unknown>, index) => {
		const item: ItemInput = { fields: {}, additional: [] };
		for (const [name, value] of Object.entries(entry)) {
			const nearMiss = ITEM_NAMES_BY_LOWER_CASE.get(name.toLowerCase());
			const known = ITEM_KEYS.get(name) ?? PRIMARY_ITEM_KEYS.get(name);
			if (known) item.fields[known] = value;
			// "Days" for "days": Sectigo would refuse it (-2) or, worse, ignore it; say which name was meant.
			else if (nearMiss) unknownKeys.push({ where: `Items (JSON) › item ${index + 1}`, key: name, suggestion: nearMiss });
			else item.additional.push({ name, value });
		}
		return item;
	});
}

/**
 * Collects the order's fields from the node's parameters, by catalog name, wherever the UI placed them
 * (a top-level field, a group's collection, an item).
 */
export function readOrderInput(get: ParameterGetter): OrderInput {
	const input: OrderInput = { fields: {}, additional: [], items: [], unknownKeys: [] };

	for (const key of PRIMARY_ORDER_KEYS.keys()) {
		collect({ [key]: get(key, undefined) }, PRIMARY_ORDER_KEYS, input.fields, () => undefined);
	}
	for (const group of ORDER_GROUPS) {
		collect(asRecord(get(group.key, {})), GROUP_KEYS.get(group.key)!, input.fields, (key) =>
			input.unknownKeys.push({ where: group.displayName, key }),
		);
	}
	input.additional = readPairs(get(ADDITIONAL_PARAMETERS, {}));

	if (get(ITEMS_MODE, undefined) === ITEMS_MODE_JSON) {
		const items = readJsonItems(get(ITEMS_JSON, '[]'), input.unknownKeys);
		if (typeof items === 'string') input.itemsProblem = items;
		else input.items = items;
		return input;
	}

	const itemEntries = asArray(asRecord(get(ITEMS, {}))[ITEM]);
	input.items = itemEntries.map((entry, index): ItemInput => {
		const raw = asRecord(entry);
		const fields: Record<string, unknown> = {};
		for (const key of PRIMARY_ITEM_KEYS.keys()) collect({ [key]: raw[key] }, PRIMARY_ITEM_KEYS, fields, () => undefined);
		collect(asRecord(raw[ITEM_FIELDS]), ITEM_KEYS, fields, (key) => input.unknownKeys.push({ where: `item ${index + 1}`, key }));
		return { fields, additional: readPairs(raw[ADDITIONAL_ITEM_PARAMETERS]) };
	});

	return input;
}

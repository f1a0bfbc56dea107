import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import type { ParameterSpec, ValueFormat } from '../catalog';
import { COUNTRY_TABLE, CURRENCY_TABLE, type IsoEntry } from '../catalog/isoCodes';

const CONFIDENCE_HINTS: Record<ParameterSpec['confidence'], string | undefined> = {
	documented: undefined,
	corroborated: undefined,
	inferred:
		'Sectigo\'s page lost this parameter\'s name; "{name}" follows Sectigo\'s naming elsewhere. If Sectigo answers "argument not recognised", send the right name as an Additional Parameter.',
};

const NOT_SENT: INodePropertyOptions = { name: "Don't Send (Sectigo's Default)", value: '' };

const byName = (table: readonly IsoEntry[]) => [...table].sort((a, b) => a.name.localeCompare(b.name, 'en'));

/** The formats whose values are codes of a list: a dropdown of every code, "United Kingdom (GB)", sorted by name. */
const CODE_LISTS: Partial<Record<ValueFormat, { entries: readonly IsoEntry[]; byExpression: string }>> = {
	country: { entries: byName(COUNTRY_TABLE), byExpression: 'an English name or an alpha-3 code (United Kingdom, GBR)' },
	currency: { entries: byName(CURRENCY_TABLE), byExpression: 'an English name (Euro)' },
};

/** A row's dropdown options: its closed value list, or its format's code list. */
function optionsOf(spec: ParameterSpec): INodePropertyOptions[] | undefined {
	const codes = spec.format && CODE_LISTS[spec.format];
	if (codes) return codes.entries.map((e) => ({ name: `${e.name} (${e.code})`, value: e.code }));
	if (spec.values && !spec.open) return spec.values.map((v) => ({ name: v.label, value: v.value }));
	return undefined;
}

/** The field's help text: the catalog's description, the products it applies to, and the wire name. */
function describe(spec: ParameterSpec): string {
	const parts = [spec.description];
	if (spec.appliesTo) parts.push(`Applies to: ${spec.appliesTo}.`);
	if (spec.values && spec.open) {
		parts.push(`Known values: ${spec.values.map((v) => v.value).join(', ')}.`);
	}
	const codes = spec.format && CODE_LISTS[spec.format];
	if (codes) parts.push(`An expression may also give ${codes.byExpression}.`);
	parts.push(`Sectigo parameter: ${spec.name}.`);
	return parts.join(' ');
}

/** Derives one n8n UI field from one catalog row. */
export function fieldProperty(spec: ParameterSpec): INodeProperties {
	const property: INodeProperties = {
		displayName: spec.label,
		name: spec.name,
		type: 'string',
		default: '',
		description: describe(spec),
	};

	const hint = CONFIDENCE_HINTS[spec.confidence];
	if (hint) property.hint = hint.replace('{name}', spec.name);

	const options = optionsOf(spec);
	if (options) {
		property.type = 'options';
		property.options = options;
		property.default = spec.primary ? spec.primary.default : (spec.values?.[0].value ?? options[0].value);
		if (spec.primary) options.push(NOT_SENT);
	} else if (spec.type === 'integer' || spec.type === 'number') {
		property.type = 'number';
		property.default = spec.primary ? spec.primary.default : null;
		if (spec.type === 'integer') property.typeOptions = { numberPrecision: 0 };
	} else {
		if (spec.primary) property.default = spec.primary.default;
		if (spec.secret) property.typeOptions = { password: true };
		if (spec.format === 'email') property.placeholder = 'name@example.com';
		if (spec.values) property.placeholder = spec.values[0].value;
		if (spec.maxLength !== undefined && spec.maxLength > 255) property.typeOptions = { rows: 4 };
	}

	if (spec.requirement === 'required') property.required = true;
	return property;
}

/**
 * Hidden fields under a row's former names: n8n drops every saved key its node description does not declare, so
 * a workflow saved before a rename keeps its value only if the old key is still declared.
 */
export function formerNameProperties(spec: ParameterSpec): INodeProperties[] {
	return (spec.formerNames ?? []).map((former) => ({
		displayName: `${spec.label} (Former Name ${former})`,
		name: former,
		type: 'hidden',
		default: '',
	}));
}

/** A row's field followed by its former names' hidden fields. */
export const fieldProperties = (spec: ParameterSpec): INodeProperties[] => [fieldProperty(spec), ...formerNameProperties(spec)];

/**
 * The shape of one row of the parameter catalog. Everything the node knows about a Sectigo parameter
 * lives in one such row: the UI, the validation and the form encoding are all derived from it.
 */

/** How sure we are of a parameter's name (see README, "Field reference"). */
export type Confidence = 'documented' | 'corroborated' | 'inferred';

/** The value type as Sectigo's page gives it. */
export type ValueType = 'string' | 'char' | 'integer' | 'number';

/** Extra syntax a string value must follow. */
export type ValueFormat = 'email' | 'emailList' | 'url' | 'country' | 'currency' | 'ipv4';

export type Requirement = 'required' | 'conditional' | 'optional';

export interface AllowedValue {
	value: string;
	label: string;
}

export interface ParameterSpec {
	/** Sectigo's parameter name, exactly as sent on the wire (items get the `<n>_` prefix). */
	name: string;
	/** The field's label in the n8n UI. */
	label: string;
	type: ValueType;
	confidence: Confidence;
	description: string;
	requirement?: Requirement;
	maxLength?: number;
	format?: ValueFormat;
	/** Known values. With `open: true` the list is incomplete: other values are allowed. */
	values?: readonly AllowedValue[];
	open?: boolean;
	/** The products the parameter applies to, as Sectigo's page says. */
	appliesTo?: string;
	/** Never shown in output, errors or logs. */
	secret?: boolean;
	/**
	 * A secret row's field is a password field (fieldProperty derives it from `secret`). Written on the row too,
	 * because n8n's lint (node-param-type-options-password-missing) reads a row named like a password as a field.
	 */
	typeOptions?: { readonly password: true };
	/** The credential supplies this value; the field overrides it for one order. */
	fromCredential?: boolean;
	/**
	 * Names this row had in earlier versions of the node (a name corrected after Sectigo answered -2). Saved
	 * workflows that use one keep working: the value is read under the old key and sent under `name`.
	 */
	formerNames?: readonly string[];
	/** Shown as its own field (not under "Add Field"), with this default. */
	primary?: { default: string | number | null };
}

/** A group of order-level parameters, as Sectigo's page groups them; one "Add Field" collection in the UI. */
export interface ParameterGroup {
	/** The collection's internal name in the node's parameters. */
	key: string;
	displayName: string;
	placeholder: string;
	description: string;
	parameters: readonly ParameterSpec[];
}

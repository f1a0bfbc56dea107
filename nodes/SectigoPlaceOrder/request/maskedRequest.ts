import type { IDataObject } from 'n8n-workflow';

import { SECRET_PARAMETER_NAMES } from '../catalog';
import { redact } from '../errors/redact';
import { describeProblem, type OrderValidationError } from './validateOrder';

export const MASK = '********';

/**
 * What "Validate Only" returns: the exact request Place Order would send, with every secret masked.
 */
export function maskedRequest(url: string, body: URLSearchParams, clientCertificate: boolean): IDataObject {
	const masked = new URLSearchParams();
	const fields: IDataObject = {};
	for (const [name, value] of body) {
		const shown = SECRET_PARAMETER_NAMES.has(name) ? MASK : value;
		masked.append(name, shown);
		fields[name] = shown;
	}
	return {
		valid: true,
		method: 'POST',
		url,
		contentType: 'application/x-www-form-urlencoded; charset=utf-8',
		clientCertificate,
		fields,
		body: masked.toString(),
	};
}

/** What "Validate Only" returns for bad input: every problem, one per entry, and nothing sent. */
export function validationReport(error: OrderValidationError, secrets: readonly string[]): IDataObject {
	const problems = error.problems.map((problem) => ({ ...problem, message: redact(problem.message, secrets) }));
	return {
		valid: false,
		problems: problems as unknown as IDataObject[],
		summary: problems.map(describeProblem).join('\n'),
	};
}

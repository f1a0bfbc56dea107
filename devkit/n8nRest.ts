/** n8n's REST API, as the editor uses it: the owner, logging in, calls with the login cookie, executions. */

export const DEV_LOGIN = { email: 'owner@sandbox.test', password: 'Sandbox-Owner-1', firstName: 'Sandbox', lastName: 'Owner' };

/** Creates the instance owner over n8n's REST API (a fresh n8n has none). */
export async function setupOwner(url: string): Promise<void> {
	const response = await fetch(`${url}/rest/owner/setup`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify(DEV_LOGIN),
	});
	if (!response.ok) throw new Error(`owner setup failed: HTTP ${response.status} ${await response.text()}`);
}

/** Logs in to n8n's REST API; returns the auth cookie ("n8n-auth=…") for restCall. */
export async function restLogin(url: string, email: string, password: string): Promise<string> {
	const response = await fetch(`${url}/rest/login`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify({ emailOrLdapLoginId: email, password }),
	});
	if (!response.ok) throw new Error(`login failed: HTTP ${response.status} ${await response.text()}`);
	return (response.headers.get('set-cookie') ?? '').split(';')[0];
}

/** One REST call with the login cookie; returns the reply's `data`, or throws with the status and the body. */
export async function restCall<T = unknown>(url: string, cookie: string, method: string, path: string, body?: unknown): Promise<T> {
	const response = await fetch(`${url}/rest${path}`, {
		method,
		headers: { cookie, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
		...(body === undefined ? {} : { body: JSON.stringify(body) }),
	});
	const text = await response.text();
	if (!response.ok) throw new Error(`${method} /rest${path}: HTTP ${response.status} ${text}`);
	return (JSON.parse(text) as { data: T }).data;
}

/** An execution as GET /rest/executions lists it. */
export interface ExecutionSummary {
	id: string;
	status: string;
	mode: string;
	retryOf?: string | null;
	retrySuccessId?: string | null;
}

/** Polls a workflow's executions (newest first) until `done` picks one that has finished; returns it. */
export async function waitForExecution(
	url: string,
	cookie: string,
	workflowId: string,
	done: (execution: ExecutionSummary) => boolean,
	timeoutMs = 60_000,
): Promise<ExecutionSummary> {
	const deadline = Date.now() + timeoutMs;
	const query = `/executions?limit=100&filter=${encodeURIComponent(JSON.stringify({ workflowId }))}`;
	let seen: ExecutionSummary[] = [];
	while (Date.now() < deadline) {
		seen = (await restCall<{ results: ExecutionSummary[] }>(url, cookie, 'GET', query)).results;
		const found = seen.find((execution) => !['new', 'running', 'waiting'].includes(execution.status) && done(execution));
		if (found) return found;
		await new Promise((resolve) => setTimeout(resolve, 300));
	}
	throw new Error(`no matching execution of workflow ${workflowId} within ${timeoutMs / 1000} s: ${JSON.stringify(seen)}`);
}

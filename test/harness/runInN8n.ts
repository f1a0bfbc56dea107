import { join } from 'node:path';

import { ExecutionLifecycleHooks, WorkflowExecute } from 'n8n-core';
import {
	createRunExecutionData,
	ICredentialsHelper,
	Workflow,
	type ICredentialDataDecryptedObject,
	type ICredentialType,
	type IDataObject,
	type IExecuteFunctions,
	type IHttpRequestOptions,
	type INode,
	type INodeExecutionData,
	type INodeParameters,
	type INodeType,
	type INodeTypes,
	type IRun,
	type IWorkflowExecuteAdditionalData,
	type IWorkflowBase,
} from 'n8n-workflow';

import { ROOT } from '../../devkit/project';
import { MemoryDeduplicator, useDeduplicator } from './memoryDeduplicator';

/* The package as n8n loads it: the built files in dist/ (found from the project root, so that the benchmark
   script can use this harness compiled elsewhere). */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { SectigoPlaceOrder } = require(join(ROOT, 'dist/nodes/SectigoPlaceOrder/SectigoPlaceOrder.node.js'));
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { SectigoPlaceOrderApi } = require(join(ROOT, 'dist/credentials/SectigoPlaceOrderApi.credentials.js'));

export const NODE_TYPE = 'n8n-nodes-sectigo.sectigoPlaceOrder';
const START_TYPE = 'test.inputItems';
const NODE_NAME = 'Sectigo PlaceOrder';
const credentialType: ICredentialType = new SectigoPlaceOrderApi();

/** Hands the credential to the node the way n8n does, and runs the credential's authenticate function. */
class TestCredentialsHelper extends ICredentialsHelper {
	constructor(private readonly data: ICredentialDataDecryptedObject) {
		super();
	}
	getParentTypes() {
		return [];
	}
	isCredentialUsableByNode() {
		return true;
	}
	async authenticate(credentials: ICredentialDataDecryptedObject, typeName: string, requestOptions: IHttpRequestOptions) {
		if (typeName !== credentialType.name || typeof credentialType.authenticate !== 'function') {
			throw new Error(`unexpected credential type ${typeName}`);
		}
		return await credentialType.authenticate(credentials, requestOptions);
	}
	async preAuthentication() {
		return undefined;
	}
	async runPreAuthentication() {
		return undefined;
	}
	async getCredentials(): Promise<never> {
		throw new Error('not used');
	}
	async getDecrypted() {
		return { ...this.data };
	}
	async updateCredentials() {}
	async updateCredentialsOauthTokenData() {}
	getCredentialsProperties() {
		return credentialType.properties;
	}
}

/** A start node that emits the test's input items. */
function inputItemsNode(items: IDataObject[]): INodeType {
	return {
		description: {
			displayName: 'Input Items',
			name: START_TYPE,
			group: ['input'],
			version: 1,
			description: 'Emits the test input',
			defaults: { name: 'Input Items' },
			inputs: [],
			outputs: ['main'],
			properties: [],
		},
		async execute(this: IExecuteFunctions) {
			return [items.map((json) => ({ json }))];
		},
	};
}

export interface RunOptions {
	parameters: INodeParameters;
	credentials: ICredentialDataDecryptedObject;
	inputs?: IDataObject[];
	onError?: INode['onError'];
	retryOnFail?: boolean;
	/** n8n's deduplication store; runs that share one remember each other's orders (a fresh one by default). */
	store?: MemoryDeduplicator;
	/** The workflow's static data, shared between runs that are given the same object. */
	staticData?: IDataObject;
	/** Execution mode ('manual' by default; 'retry' for a Retry). */
	mode?: 'manual' | 'retry' | 'trigger' | 'webhook';
	/** Called with a function that cancels the execution, as the editor's Stop button does. */
	onStart?: (cancel: () => void) => void;
}

export interface RunResult {
	run: IRun;
	/** The node's first output. */
	success: INodeExecutionData[];
	/** The node's error output (only with onError: continueErrorOutput). */
	errors: INodeExecutionData[];
	/** The error that stopped the workflow, if any. */
	error?: Error & { description?: string | null; context?: IDataObject };
}

/** Runs Input Items → Sectigo PlaceOrder in n8n-core's execution engine and returns what the node produced. */
export async function runInN8n({
	parameters,
	credentials,
	inputs = [{}],
	onError,
	retryOnFail,
	store = new MemoryDeduplicator(),
	staticData = {},
	mode = 'manual',
	onStart,
}: RunOptions): Promise<RunResult> {
	await useDeduplicator(store);
	const sectigo = new SectigoPlaceOrder() as INodeType;
	const start = inputItemsNode(inputs);
	const nodeTypes: INodeTypes = {
		getByName: (type) => (type === NODE_TYPE ? sectigo : start),
		getByNameAndVersion: (type) => (type === NODE_TYPE ? sectigo : start),
		getKnownTypes: () => ({}),
	};
	const nodes: INode[] = [
		{ id: 'n1', name: 'Input Items', type: START_TYPE, typeVersion: 1, position: [0, 0], parameters: {} },
		{
			id: 'n2',
			name: NODE_NAME,
			type: NODE_TYPE,
			typeVersion: 1,
			position: [200, 0],
			parameters,
			credentials: { sectigoPlaceOrderApi: { id: 'c1', name: 'Sectigo test' } },
			...(onError ? { onError } : {}),
			...(retryOnFail ? { retryOnFail } : {}),
		},
	];
	const connections = { 'Input Items': { main: [[{ node: NODE_NAME, type: 'main' as const, index: 0 }]] } };
	const workflow = new Workflow({ id: 'test', nodes, connections, nodeTypes, active: false, staticData });

	const workflowData = { id: 'test', name: 'test', nodes, connections, active: false } as unknown as IWorkflowBase;
	const hooks = new ExecutionLifecycleHooks(mode, 'test-execution', workflowData);
	let resolveFinished: (run: IRun) => void = () => {};
	const finished = new Promise<IRun>((resolve) => (resolveFinished = resolve));
	hooks.addHandler('workflowExecuteAfter', (run) => resolveFinished(run));

	const additionalData = {
		hooks,
		credentialsHelper: new TestCredentialsHelper(credentials),
		executionId: 'test-execution',
		restApiUrl: 'http://127.0.0.1/rest',
		instanceBaseUrl: 'http://127.0.0.1/',
		webhookBaseUrl: 'http://127.0.0.1/webhook',
		webhookWaitingBaseUrl: 'http://127.0.0.1/webhook-waiting',
		webhookTestBaseUrl: 'http://127.0.0.1/webhook-test',
		formWaitingBaseUrl: 'http://127.0.0.1/form-waiting',
		variables: {},
		currentNodeParameters: undefined,
		executeWorkflow: async () => {
			throw new Error('not used');
		},
		getRunExecutionData: async () => undefined,
		logAiEvent: () => {},
		startRunnerTask: async () => {
			throw new Error('not used');
		},
	} as unknown as IWorkflowExecuteAdditionalData;

	const runExecutionData = createRunExecutionData({
		executionData: {
			nodeExecutionStack: [{ node: nodes[0], data: { main: [[{ json: {} }]] }, source: null }],
		},
	});
	const engine = new WorkflowExecute(additionalData, mode, runExecutionData);
	const execution = engine.processRunExecutionData(workflow);
	onStart?.(() => execution.cancel());
	await execution.catch(() => undefined);
	const run = await finished;

	const taskData = run.data.resultData.runData[NODE_NAME]?.[0];
	const outputs = taskData?.data?.main ?? [];
	return {
		run,
		success: outputs[0] ?? [],
		errors: outputs[1] ?? [],
		error: (taskData?.error ?? run.data.resultData.error) as RunResult['error'],
	};
}

import {
	NodeConnectionTypes,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
} from 'n8n-workflow';

import { OPERATION_LABELS } from './catalog/nodeParameterNames';
import { nodeProperties } from './description/nodeProperties';
import { runItems } from './execute/runItems';
import { CREDENTIAL_NAME } from './credential/names';

export class SectigoPlaceOrder implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Sectigo PlaceOrder',
		name: 'sectigoPlaceOrder',
		icon: { light: 'file:sectigo.svg', dark: 'file:sectigo.dark.svg' },
		group: ['output'],
		version: 1,
		subtitle: `={{ (${JSON.stringify(OPERATION_LABELS)})[$parameter["operation"]] }}`,
		description: "Place certificate orders with Sectigo's PlaceOrder API for affiliates",
		defaults: { name: 'Sectigo PlaceOrder' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: CREDENTIAL_NAME, required: true }],
		properties: nodeProperties,
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return [await runItems.call(this)];
	}
}

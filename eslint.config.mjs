// n8n's community-node rules (@n8n/eslint-plugin-community-nodes, recommended: what n8n's verification runs)
// on what n8n loads: the node, the credential, index.ts and package.json. Tests and scripts are development
// tooling (they need fs, https, process) and get the TypeScript rules only.
import { n8nCommunityNodesPlugin } from '@n8n/eslint-plugin-community-nodes';
import tseslint from 'typescript-eslint';

const community = n8nCommunityNodesPlugin.configs.recommended;
const shippedCode = ['index.ts', 'credentials/**/*.ts', 'nodes/**/*.ts'];

export default tseslint.config(
	{ ignores: ['dist/**', 'node_modules/**', '.cache/**', 'coverage/**'] },
	{
		files: ['**/*.ts'],
		extends: [tseslint.configs.recommended],
	},
	{
		files: shippedCode,
		extends: [community],
		rules: { 'no-console': 'error' },
	},
	{
		files: ['package.json'],
		extends: [community],
		languageOptions: {
			parser: tseslint.parser,
			parserOptions: { extraFileExtensions: ['.json'] },
		},
	},
);

import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import * as catalog from '../../nodes/SectigoPlaceOrder/catalog';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { renderedReadme } = require('../../scripts/field-reference.js');

test("the README's field reference is the catalog's (run `./scripts/run.sh docs` after a catalog change)", () => {
	const readme = readFileSync(join(__dirname, '..', '..', 'README.md'), 'utf8');
	expect(readme).toContain('| Days | `n_days` | whole number |  | **inferred** |');
	expect(renderedReadme(readme, catalog)).toBe(readme);
});

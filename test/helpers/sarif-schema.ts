import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import Ajv04 from 'ajv-draft-04';
import addFormatsModule from 'ajv-formats';

// ajv-formats and ajv-draft-04 are CommonJS: under nodenext their default import is module.exports.
const addFormats = addFormatsModule as unknown as typeof addFormatsModule.default;
const Ajv = Ajv04 as unknown as typeof Ajv04.default;

/**
 * A validator for the SARIF 2.1.0 JSON Schema (final rtm.5 revision, the one schemastore and
 * GitHub use), taken from the npm package @microsoft/jest-sarif, which ships it (draft-04).
 */
export function sarifValidator(): { validate: (data: unknown) => boolean; errors: () => string } {
  const require = createRequire(import.meta.url);
  const file = require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json');
  const schema = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  // The schema's 'language' pattern is not valid in unicode mode (a stray ']'), so compile without the u flag.
  const ajv = new Ajv({ strict: false, allErrors: true, unicodeRegExp: false });
  addFormats(ajv);
  const v = ajv.compile(schema);
  return { validate: (data) => v(data) as boolean, errors: () => ajv.errorsText(v.errors, { separator: '\n' }) };
}

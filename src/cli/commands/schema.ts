import { ToolError } from '../../errors.js';
import { KINDS } from '../../load/catalogue.js';
import { schemaFor } from '../../load/validate.js';
import type { CliIO } from '../io.js';

/** `rollgate schema [KIND]`: a kind's JSON Schema, or without KIND one schema for any document. */
export function runSchema(kind: string | undefined, io: CliIO): number {
  if (kind === undefined) {
    const all = {
      $schema: 'https://json-schema.org/draft/2020-12/schema',
      $id: 'https://rollgate.dev/schemas/v1/rollgate.schema.json',
      title: 'rollgate document',
      description: 'Any rollgate.dev/v1 document: Service, ChangeCalendar or RolloutPlan.',
      anyOf: KINDS.map((k) => schemaFor(k)),
    };
    io.stdout(`${JSON.stringify(all, null, 2)}\n`);
    return 0;
  }
  const schema = schemaFor(kind);
  if (!schema) throw new ToolError('usage', `unknown kind '${kind}' (kinds: ${KINDS.join(', ')})`);
  io.stdout(`${JSON.stringify(schema, null, 2)}\n`);
  return 0;
}

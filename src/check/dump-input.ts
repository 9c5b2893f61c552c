import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/**
 * Opt-in dump of what the policies see (ROLLGATE_DUMP_INPUT=DIR), so the same Rego can be run on
 * the same facts by `opa eval` and conftest (bench/run.mjs): DIR/data.json (the `data` given once),
 * DIR/catalogue-input.json (the catalogue evaluation's input) and DIR/inputs/<plan>.json (one per
 * plan). Never used on the normal path.
 */
export class InputDump {
  constructor(private readonly dir: string) {
    mkdirSync(path.join(dir, 'inputs'), { recursive: true });
  }

  data(data: object): void {
    writeFileSync(path.join(this.dir, 'data.json'), JSON.stringify(data));
  }

  catalogueInput(input: object): void {
    writeFileSync(path.join(this.dir, 'catalogue-input.json'), JSON.stringify(input));
  }

  planInput(name: string, input: object): void {
    writeFileSync(path.join(this.dir, 'inputs', `${name}.json`), JSON.stringify(input));
  }
}

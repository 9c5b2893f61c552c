import type { Reporter } from '../findings/report.js';
import { htmlReporter } from './html.js';
import { jsonReporter } from './json.js';
import { sarifReporter } from './sarif.js';
import { textReporter } from './text.js';

/** Every output format of `check --format` (CLI.md). */
export const FORMAT_NAMES = ['text', 'json', 'sarif', 'html'] as const;
export type FormatName = (typeof FORMAT_NAMES)[number];

/** format → reporter; reporters are pure functions of the report. */
export const reporters: Record<FormatName, Reporter> = {
  text: textReporter,
  json: jsonReporter,
  sarif: sarifReporter,
  html: htmlReporter,
};

export function isFormatName(s: string): s is FormatName {
  return Object.prototype.hasOwnProperty.call(reporters, s);
}

export { htmlReporter, jsonReporter, sarifReporter, textReporter };

import type { Reporter } from '../findings/report.js';
import { githubReporter } from './github.js';
import { htmlReporter } from './html.js';
import { jsonReporter } from './json.js';
import { junitReporter } from './junit.js';
import { markdownReporter } from './markdown.js';
import { sarifReporter } from './sarif.js';
import { textReporter } from './text.js';

/** Every output format of `check --format` (CLI.md). */
export const FORMAT_NAMES = ['text', 'json', 'sarif', 'junit', 'github', 'markdown', 'html'] as const;
export type FormatName = (typeof FORMAT_NAMES)[number];

/** format → reporter; reporters are pure functions of the report. */
export const reporters: Record<FormatName, Reporter> = {
  text: textReporter,
  json: jsonReporter,
  sarif: sarifReporter,
  junit: junitReporter,
  github: githubReporter,
  markdown: markdownReporter,
  html: htmlReporter,
};

export function isFormatName(s: string): s is FormatName {
  return Object.prototype.hasOwnProperty.call(reporters, s);
}

export { githubReporter, htmlReporter, jsonReporter, junitReporter, markdownReporter, sarifReporter, textReporter };

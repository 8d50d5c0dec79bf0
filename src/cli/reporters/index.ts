/**
 * Reporters by format name. `sarif` and `github` register here next to `text` and `json`;
 * `--format` accepts exactly the keys of this registry.
 */
import { githubReporter } from './github.js';
import { jsonReporter } from './json.js';
import { sarifReporter } from './sarif.js';
import { textReporter } from './text.js';
import type { Reporter } from './types.js';

export type { Reporter, ReporterContext } from './types.js';

export const reporters = new Map<string, Reporter>([
  ['text', textReporter],
  ['json', jsonReporter],
  ['sarif', sarifReporter],
  ['github', githubReporter],
]);

/**
 * The `requireEnv(name)` helper the fixed code calls: it returns the variable as a `string`, or
 * throws at startup with a message naming the missing variable, so a missing secret fails fast
 * instead of sending an empty credential to the identity provider.
 */

import { DEFAULT_REQUIRE_ENV_HELPER, requireEnvHelperSource } from '../replacement.js';

export const DEFAULT_HELPER_NAME = DEFAULT_REQUIRE_ENV_HELPER;

// The JavaScript flavours say the same as the TypeScript helper, with JSDoc types so that
// `checkJs` projects see `string`.
const DOC = 'Reads a required environment variable; throws at start-up when it is missing or empty.';
const MESSAGE = '`Environment variable ${name} is not set`';

export type HelperFlavour = 'typescript' | 'esm' | 'commonjs';

/** Source text of the helper, in the project's module style. */
export function helperSource(flavour: HelperFlavour, helperName = DEFAULT_HELPER_NAME): string {
  // TypeScript projects get the same helper the ESLint suggestion documents.
  if (flavour === 'typescript') return requireEnvHelperSource(helperName);
  const body = `/**
 * ${DOC}
 *
 * @param {string} name
 * @returns {string}
 */
${flavour === 'esm' ? 'export ' : ''}function ${helperName}(name) {
  const value = process.env[name];
  if (value === undefined || value === '') throw new Error(${MESSAGE});
  return value;
}
`;
  return flavour === 'esm' ? body : `'use strict';\n\n${body}\nmodule.exports = { ${helperName} };\n`;
}

/** True when an existing file already exports a function of that name (ESM or CommonJS). */
export function exportsHelper(text: string, helperName = DEFAULT_HELPER_NAME): boolean {
  const escaped = helperName.replace(/[$]/gu, '\\$');
  return new RegExp(
    `export\\s+(?:async\\s+)?function\\s+${escaped}\\b|export\\s+const\\s+${escaped}\\b|module\\.exports\\s*=\\s*\\{[^}]*\\b${escaped}\\b|exports\\.${escaped}\\s*=|export\\s*\\{[^}]*\\b${escaped}\\b`,
    'u',
  ).test(text);
}

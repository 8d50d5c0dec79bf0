/**
 * Replacement text for a hard-coded credential: `process.env.NAME`, or a call to a helper that
 * fails fast when the variable is missing and type-checks as `string` (`requireEnv('NAME')`), plus
 * the import of that helper.
 */

export type EnvLookupStyle = 'process-env' | 'require-env';

export interface EnvLookupOptions {
  /** `process-env` (default) or `require-env`. */
  readonly style?: EnvLookupStyle;
  /** Name of the helper for `require-env`; defaults to `requireEnv`. */
  readonly helperName?: string;
}

export const DEFAULT_REQUIRE_ENV_HELPER = 'requireEnv';

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/u;

/**
 * The expression that reads env var `name`: `process.env.KENSIUM_CLIENT_SECRET`, or
 * `requireEnv('KENSIUM_CLIENT_SECRET')` with `style: 'require-env'`.
 */
export function envLookupText(name: string, options: EnvLookupOptions = {}): string {
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/u.test(name)) throw new Error(`Not an environment variable name: ${name}`);
  if (options.style === 'require-env') {
    const helper = options.helperName ?? DEFAULT_REQUIRE_ENV_HELPER;
    if (!IDENTIFIER.test(helper)) throw new Error(`Not an identifier: ${helper}`);
    return `${helper}('${name}')`;
  }
  return `process.env.${name}`;
}

export interface HelperImportOptions {
  /** Name of the helper; defaults to `requireEnv`. */
  readonly helperName?: string;
  /** Module the helper is imported from, as written in the import: `'./env.js'`, `'@acme/config'`. */
  readonly importPath: string;
  /** `esm` (default) writes `import { … } from`, `commonjs` writes `const { … } = require(…)`. */
  readonly moduleType?: 'esm' | 'commonjs';
}

/** The statement that imports the helper, with a trailing newline. */
export function helperImportText(options: HelperImportOptions): string {
  const helper = options.helperName ?? DEFAULT_REQUIRE_ENV_HELPER;
  const path = JSON.stringify(options.importPath).slice(1, -1).replace(/'/gu, "\\'");
  return options.moduleType === 'commonjs' ? `const { ${helper} } = require('${path}');\n` : `import { ${helper} } from '${path}';\n`;
}

/**
 * The source of a `requireEnv` helper module, for projects that have none yet: it throws when the
 * variable is unset or empty, so the caller gets a `string`.
 */
export function requireEnvHelperSource(helperName: string = DEFAULT_REQUIRE_ENV_HELPER): string {
  return [
    `/** Reads a required environment variable; throws at start-up when it is missing or empty. */`,
    `export function ${helperName}(name: string): string {`,
    `  const value = process.env[name];`,
    `  if (value === undefined || value === '') throw new Error(\`Environment variable \${name} is not set\`);`,
    `  return value;`,
    `}`,
    '',
  ].join('\n');
}

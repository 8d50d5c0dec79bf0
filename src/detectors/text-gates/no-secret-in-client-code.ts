/**
 * Text gate of `no-secret-in-client-code`. The rule reports
 * - a secret env var behind a public prefix (`process.env.NEXT_PUBLIC_CLIENT_SECRET`, an import of
 *   `PUBLIC_X_PASSWORD` from `$env/static/public`), wherever it is read; never a browser key that
 *   is public by design (`NEXT_PUBLIC_FIREBASE_API_KEY`, `isPublicByDesignName`);
 * - a secret in the `env` object of `next.config.*`, or read into the `define` of `vite.config.*`;
 * - in browser code only: a secret env read (`process.env.X`, `import.meta.env['X']`,
 *   `Deno.env.get('X')`, `const { X } = process.env`), a `clientSecret` property, the
 *   client-credentials grant (`'client_credentials'`, `grant_type=client_credentials`).
 * Browser code is decided as in `classifyModuleSide`: never for a server route or module by its
 * path, nor for a test file; otherwise a file needs a client signal in its text or path
 * (`'use client'`, a client module, a client glob, a client React hook, and while
 * `checkBrowserGlobals` is on, a browser global or a public env prefix).
 */
import { BROWSER_GLOBALS, CLIENT_HOOKS, CLIENT_MODULES, DEFAULT_CLIENT_GLOBS, isPublicByDesignName, isPublicSecretEnvName, PUBLIC_ENV_PREFIXES, SERVER_GLOBS } from '../../catalogue/client-side.js';
import { classifySecretName } from '../names.js';
import { isTestFile, matchesAnyGlob } from '../test-files.js';
import { envMemberRead, envMemberStarts, envPatternBefore, identifierAround, skipSpace, someName, stringAround } from './regions.js';
import { CREDENTIAL_NAME, escapeRegExp, type GateContext } from './shared.js';

interface Options {
  readonly clientFiles?: readonly string[];
  readonly serverFiles?: readonly string[];
  readonly checkBrowserGlobals?: boolean;
}

/** The env-var names a prefix hit may start: the identifier, and the string up to the next quote (names in `['…']` may hold any character). */
function publicSecretAt(text: string, index: number): boolean {
  const identifier = /[\w$]*/uy;
  identifier.lastIndex = index;
  if (isPublicSecretEnvName(identifier.exec(text)?.[0] ?? '')) return true;
  const quoted = /[^'"`\n]*/uy;
  quoted.lastIndex = index;
  const run = quoted.exec(text)?.[0] ?? '';
  return isPublicSecretEnvName(run) !== undefined;
}

/**
 * Needles for the public prefixes (`PUBLIC_` is also the end of `NEXT_PUBLIC_`, `EXPO_PUBLIC_`,
 * `NUXT_PUBLIC_`; `_APP_` of `REACT_APP_`, `VUE_APP_`), each starting with a character rare in
 * code, and where each prefix starts relative to its needle.
 */
const PREFIX_NEEDLES: readonly { readonly needle: string; readonly starts: readonly { readonly prefix: string; readonly offset: number }[] }[] = (() => {
  const needles = ['UBLIC_', 'VITE_', '_APP_', 'GATSB'];
  return needles.map((needle) => ({
    needle,
    starts: PUBLIC_ENV_PREFIXES.filter((row) => row.prefix.includes(needle)).map((row) => ({ prefix: row.prefix, offset: row.prefix.indexOf(needle) })),
  }));
})();

/** A name with a public prefix and a secret after it, anywhere (an env read, a `$env/static/public` import). */
function hasPublicSecretName(text: string): boolean {
  for (const { needle, starts } of PREFIX_NEEDLES) {
    for (let index = text.indexOf(needle); index >= 0; index = text.indexOf(needle, index + 1)) {
      for (const { prefix, offset } of starts) {
        const start = index - offset;
        // The prefix starts the name (`MY_VITE_X` has none).
        if (start >= 0 && text.startsWith(prefix, start) && !/[\w$]/u.test(text[start - 1] ?? '') && publicSecretAt(text, start)) return true;
      }
    }
  }
  return false;
}

/** A secret server env var: any credential but a client id or a browser key that is public by design. */
function isServerSecretName(name: string): boolean {
  if (!CREDENTIAL_NAME.test(name)) return false;
  const kind = classifySecretName(name)?.kind;
  return kind !== undefined && kind !== 'client-id' && !isPublicByDesignName(name);
}

/** Whether the env member whose word `env` starts at `index` reads a server secret (`process.env.API_SECRET`, `const { ERP_PASSWORD } = import.meta.env`). */
function envReadsSecret(text: string, index: number): boolean {
  const end = index + 3;
  if (/[\w$]/u.test(text[end] ?? '')) return false;
  const read = envMemberRead(text, end);
  if (read.name !== undefined) {
    if (isServerSecretName(read.name)) return true;
  } else if (/^\s*(?:\)|!|as\b|satisfies\b)/u.test(text.slice(end, end + 12)) && someName(text.slice(end, end + 200), isServerSecretName)) {
    // `(process.env as Env).X`: the name follows a type wrapper; look at a wider window.
    return true;
  }
  const pattern = envPatternBefore(text, index);
  return pattern !== undefined && someName(pattern, isServerSecretName);
}

/**
 * Whether the word `secret` at `index` ends a client-secret property key (`clientSecret: v`,
 * `'client_secret': v`, `{ clientSecret }`, `clientSecret() {}`), not a type member
 * (`clientSecret: string;`, `clientSecret?: string`), a member read or `undefined`, `null`, `''`.
 */
function clientSecretKeyAt(text: string, index: number): boolean {
  const end = index + 6;
  for (const key of [identifierAround(text, index, end), stringAround(text, index)]) {
    if (key === undefined || key.end < end || classifySecretName(key.name)?.kind !== 'client-secret') continue;
    // `settings.clientSecret` is a member read, not a key.
    if (/\.\s*$/u.test(text.slice(Math.max(0, key.start - 3), key.start))) continue;
    let after = skipSpace(text, key.end);
    if (text[key.start - 1] === '[' && text[after] === ']') after = skipSpace(text, after + 1);
    const next = text[after];
    // Shorthand, method or accessor keys.
    if (next === ',' || next === '}' || next === '(') return true;
    if (next === ':' && isPropertyValue(text, skipSpace(text, after + 1))) return true;
  }
  return false;
}

/** Whether the value after `key:` may be a property value that sets something (not a type and not `undefined`, `null`, `''`). */
function isPropertyValue(text: string, start: number): boolean {
  const value = /(?:'(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*"|`(?:[^`\\]|\\.)*`)?[^,;{}()\n'"`]*/uy;
  value.lastIndex = start;
  const run = value.exec(text)?.[0] ?? '';
  const delimiter = text[start + run.length];
  // A `;` before any `,`, `}` or line end closes a type member: an object literal property cannot be followed by one.
  // (A `/` may open a regular expression or a comment holding the `;`.)
  if (delimiter === ';' && !run.includes('/')) return false;
  const trimmed = run.trim();
  return !(['undefined', 'null', "''", '""', '``'].includes(trimmed) && (delimiter === undefined || ',}\n'.includes(delimiter)));
}

/** Whether `client_credentials` at `index` is a grant value (not compared) or `grant_type=client_credentials` in a string. */
function grantAt(text: string, index: number): boolean {
  const before = text.slice(Math.max(0, index - 12), index);
  const after = text.slice(index + 18, index + 30);
  if (/grant_type=$/u.test(before) && /^(?:$|[&'"`$\s\\])/u.test(after)) return true;
  if (!/['"`}]$/u.test(before) || !/^['"`$]/u.test(after)) return false;
  // `x === 'client_credentials'` and `case 'client_credentials':` read a grant type.
  return !(/(?:[=!]==?|\bcase)\s*['"`]$/u.test(before) || /^['"`]\s*(?:[=!]==?)/u.test(after));
}

const STRONG_CLIENT_SIGNAL = new RegExp(
  ['use client', ...CLIENT_MODULES.map((module) => escapeRegExp(module.replace(/\*$/u, ''))), ...CLIENT_HOOKS.map((hook) => `\\b${hook}\\b`)].join('|'),
  'u',
);
const MEDIUM_CLIENT_SIGNAL = new RegExp(
  [...BROWSER_GLOBALS.map((name) => `\\b${name}\\b`), ...PUBLIC_ENV_PREFIXES.map((row) => escapeRegExp(row.prefix))].join('|'),
  'u',
);

/** Whether the path rules browser code out: a test, or a server route or module. */
function isServerOrTestPath(filename: string | undefined, options: Options): boolean {
  if (filename === undefined || filename === '') return false;
  return isTestFile(filename) || matchesAnyGlob(filename, [...SERVER_GLOBS, ...(options.serverFiles ?? [])]);
}

/** Whether a file that is not a server or test file by its path may be browser code: a client glob or a client signal in its text. */
function mayBeClient(text: string, filename: string | undefined, options: Options): boolean {
  // Without a path a client glob may match.
  if (filename === undefined || filename === '' || matchesAnyGlob(filename, options.clientFiles ?? DEFAULT_CLIENT_GLOBS)) return true;
  return STRONG_CLIENT_SIGNAL.test(text) || (options.checkBrowserGlobals !== false && MEDIUM_CLIENT_SIGNAL.test(text));
}

/**
 * Whether some browser-only shape occurs: an env member (`.env`, `['env']`, checked for its `[`
 * around the hit) that reads a secret, a client-secret key (`secret` in any casing a name splits
 * into: `cret`, `ECRET`), the client-credentials grant. Each word is found by `indexOf` of a needle
 * (a `memchr` on its first character), not by a regular expression with alternatives, which would
 * test every position; needles stay short (`_cred`, not `_credentials`): V8 searches needles of
 * seven characters or more with a slower algorithm.
 */
function hasClientOnlyShape(text: string): boolean {
  for (const index of envMemberStarts(text)) {
    if ((text[index] === '.' || /\[\s*$/u.test(text.slice(Math.max(0, index - 8), index))) && envReadsSecret(text, index + 1)) return true;
  }
  for (let index = text.indexOf('cret'); index >= 0; index = text.indexOf('cret', index + 1)) {
    if (index >= 2 && text[index - 1] === 'e' && (text[index - 2] === 's' || text[index - 2] === 'S') && clientSecretKeyAt(text, index - 2)) return true;
  }
  for (let index = text.indexOf('SECRET'); index >= 0; index = text.indexOf('SECRET', index + 1)) {
    if (clientSecretKeyAt(text, index)) return true;
  }
  for (let index = text.indexOf('_cred'); index >= 0; index = text.indexOf('_cred', index + 1)) {
    if (text.startsWith('client_credentials', index - 6) && grantAt(text, index - 6)) return true;
  }
  return false;
}

export function mayReport(text: string, context?: GateContext): boolean {
  const options = (context?.options ?? {}) as Options;
  const filename = context?.filename;
  if (hasPublicSecretName(text)) return true;
  // next.config files are few and small: the word test is enough there.
  if (filename !== undefined && /(?:^|[\\/])next\.config\.[cm]?[jt]s$/u.test(filename) && /\benv\b/u.test(text) && CREDENTIAL_NAME.test(text)) return true;
  // So are Vite configs, whose `define` inlines values into the bundle.
  if (filename !== undefined && /(?:^|[\\/])vite\.config\.[cm]?[jt]s$/u.test(filename) && /\bdefine\b/u.test(text) && CREDENTIAL_NAME.test(text)) return true;
  // Every browser-only shape needs a file that is not a server route or test by its path, and a
  // client signal: costlier tests (globs, words), asked after a shape is found.
  return hasClientOnlyShape(text) && !isServerOrTestPath(filename, options) && mayBeClient(text, filename, options);
}

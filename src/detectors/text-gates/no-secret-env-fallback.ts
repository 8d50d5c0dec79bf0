/**
 * Text gate of `no-secret-env-fallback`. The rule reports
 * - an env read with a fallback: `process.env.X || 'lit'`, `?? 'lit'`, chains of env reads
 *   (`process.env.A || process.env.B || FALLBACK`), `process.env.X ? process.env.X : 'lit'` and
 *   `!process.env.X ? 'lit' : process.env.X`, when the variable or the slot the value goes to
 *   (`clientSecret: …`, `const secret = …`, `config.token = …`) names a secret;
 * - a default in a pattern destructured from the environment: `const { X = 'lit' } = process.env`;
 * - a default of a function parameter named as a secret: `function f(clientSecret = 'lit')`.
 * The fallback value may be a constant declared anywhere (`|| FALLBACK`), so for the env shapes
 * the gate checks the read and the names, not the value; a parameter default is checked with the
 * rule's own value classification when it is a plain literal.
 *
 * A parameter default whose leftmost operand is a call (`token = shareJWE(jwe)`) never resolves to
 * a string, and a `key: value` whose text reaches a `;`, `}` or `]` that it did not open before
 * the next `=` is an object literal's key, not a parameter with a type annotation
 * (`encryptionKey: '…' };\nconst json = …`): neither lets a file through.
 */
import { classifySecretValue } from '../classify.js';
import { classifySecretName, type CredentialKind } from '../names.js';
import { isTestFile } from '../test-files.js';
import { envMemberRead, envMemberStarts, envPatternBefore, identifierAround, skipSpace, skipSpaceBack, someName } from './regions.js';
import { credentialWordStarts } from './credential-sites.js';
import { CREDENTIAL_NAME, type GateContext } from './shared.js';

/** The rule's `secretKindOf`: any credential but a client id. */
function secretKindOf(name: string): CredentialKind | undefined {
  if (!CREDENTIAL_NAME.test(name)) return undefined;
  const kind = classifySecretName(name)?.kind;
  return kind === 'client-id' ? undefined : kind;
}

const isSecretName = (name: string): boolean => secretKindOf(name) !== undefined;

/** `||`, `??` or a ternary `?` (not `?.`) right after an env read, past closing parentheses, `!` and `as`/`satisfies` types. */
function fallbackOperatorAfter(text: string, index: number): boolean {
  let at = skipSpace(text, index);
  while (text[at] === ')' || (text[at] === '!' && text[at + 1] !== '=')) at = skipSpace(text, at + 1);
  const rest = text.slice(at, at + 200);
  if (/^(?:as|satisfies)\b/u.test(rest)) return /\|\||\?\?|\?(?!\.)/u.test(rest);
  return /^(?:\|\||\?\?|\?(?!\.\D))/u.test(rest);
}

/** Whether the env member whose word `env` starts at `index` is read with a fallback, or destructured with a default, where a secret name takes part. */
function envFallbackAt(text: string, index: number): boolean {
  const end = index + 3;
  const read = envMemberRead(text, end);
  if (read.name !== undefined) {
    if (fallbackOperatorAfter(text, read.end) && (isSecretName(read.name) || slotNamesSecret(text, index))) return true;
  } else if (/^\s*(?:\)|!|as\b|satisfies\b)/u.test(text.slice(end, end + 12))) {
    // `(process.env as Env).X || 'lit'`: the name and the operator follow a type wrapper; look at a wider window.
    const after = text.slice(end, end + 300);
    if (/\|\||\?\?|\?(?!\.)/u.test(after) && (someName(after, isSecretName) || slotNamesSecret(text, index))) return true;
  }
  const pattern = envPatternBefore(text, index);
  return pattern?.includes('=') === true && someName(pattern, isSecretName);
}

/**
 * An env read followed by a fallback, or an env pattern with a default, where a secret name takes
 * part. The `env` members (`.env`, `['env']`) are found by one expression whose every branch
 * starts with a rare character.
 */
export function hasSecretEnvFallback(text: string): boolean {
  for (const index of envMemberStarts(text)) {
    const member = text[index] === '.' ? !/[\w$]/u.test(text[index + 4] ?? '') : /\[\s*$/u.test(text.slice(Math.max(0, index - 8), index));
    if (member && envFallbackAt(text, index + 1)) return true;
  }
  return false;
}

/**
 * Whether the slot an env read whose word `env` starts at `index` goes to may name a secret: the
 * variable, property or member before the `=` (`const secret = process.env.X`,
 * `config.secret = …`, with a type annotation), or the key before the `:` (`secret: process.env.X`).
 * Another operator before the read (`||` of a chain, `(`, `return`) leaves no slot.
 */
function slotNamesSecret(text: string, index: number): boolean {
  const window = text.slice(Math.max(0, index - 300), index);
  // Back over the env object path (`process.`, `globalThis.process.`, `import.meta.`, `process['`), parentheses and `!`.
  const head = window.replace(/[\w$.\s?!\[\]'"`]*$/u, '').replace(/[(!\s]*$/u, '');
  const last = head.at(-1);
  if (last === '=') {
    if (/[=!<>]$/u.test(head.slice(0, -1))) return false;
    // The declaration or assignment target, with its type annotation (`Record<string, string>`): the names since the last `;`, brace or line break.
    const target = /[^;{}\n]*$/u.exec(head.slice(0, -1))?.[0] ?? '';
    return someIdentifier(target, isSecretName);
  }
  if (last === ':') {
    const key = /(?:[\w$]+|'[^'\n]*'|"[^"\n]*"|`[^`]*`)\s*$/u.exec(head.slice(0, -1))?.[0].trim();
    return key !== undefined && isSecretName(key.replace(/^['"`]|['"`]$/gu, ''));
  }
  // `<string>process.env.X`: a type assertion; the names before it decide.
  return last === '>' && someName(head.slice(-160), isSecretName);
}

/** Whether some identifier in `slice` is a name `accept` takes. */
function someIdentifier(slice: string, accept: (name: string) => boolean): boolean {
  return (slice.match(/[A-Za-z_$][\w$]*/gu) ?? []).some(accept);
}

/**
 * Values `resolveString` never resolves to a string: keywords, numbers, objects, arrays, functions,
 * and expressions whose leftmost operand is a call or a tagged template (`shareJWE(jwe)`,
 * `a.b(c) + 'x'`: it resolves literals, constants, member reads and `+` of those only).
 */
const NOT_A_STRING =
  /^(?:(?:undefined|null|true|false|this|new|function|async|void|class)(?![\w$])|[\d{[\-+!~/.]|\(\s*\)|\(\s*[\w$]+\s*\)\s*=>|[\w$]+\s*=>|[\w$]+(?:\s*\??\.\s*[\w$]+)*\s*(?:\?\.\s*)?[(`])/u;

/**
 * Index of the `=` that ends a parameter's type annotation starting at `start` (after its `:`), or
 * -1 when the annotation ends otherwise: a `,` or `(`/`)` (as before, which the gate does not read
 * past), or a `;`, `}` or `]` that no bracket of the annotation opened (an object literal's
 * `key: 'value' };`, never a parameter). Quoted text is skipped; 200 characters at most.
 */
function annotationEnd(text: string, start: number): number {
  let depth = 0;
  const limit = Math.min(text.length, start + 200);
  for (let at = start; at < limit; at++) {
    const char = text[at];
    if (char === "'" || char === '"' || char === '`') {
      const close = text.indexOf(char, at + 1);
      if (close < 0 || close >= limit) return -1;
      at = close;
    } else if (char === '{' || char === '[' || char === '<') depth++;
    else if (char === '}' || char === ']' || char === '>') {
      if (depth === 0) return -1;
      depth--;
    } else if (char === ';' && depth === 0) return -1;
    else if (char === '=' || char === ',' || char === '(' || char === ')') return char === '=' ? at : -1;
  }
  return -1;
}

/**
 * Whether the credential word at `index` is in a parameter with a default that may resolve to a
 * secret: `(…, clientSecret = 'lit', …)`, a secret name right after `(` or `,` (or a parameter
 * decorator), an optional `?` and type annotation, then `=` and a value that may be a string.
 */
function parameterDefaultAt(text: string, index: number, filename: string | undefined): boolean {
  const name = identifierAround(text, index, index + 1);
  let before = skipSpaceBack(text, name.start);
  // `(/* the vault's default */ token = …)`.
  while (text.startsWith('*/', before - 2)) {
    const open = text.lastIndexOf('/*', before - 2);
    if (open < 0) break;
    before = skipSpaceBack(text, open);
  }
  const opener = text[before - 1];
  // A parameter decorator (`@Inject() token = …`) ends with `)`.
  const decorator = opener === ')' ? text.lastIndexOf('@', before) : -1;
  if (opener !== '(' && opener !== ',' && !(decorator >= 0 && decorator > before - 200)) return false;
  let at = skipSpace(text, name.end);
  if (text[at] === '?') at = skipSpace(text, at + 1);
  if (text[at] === ':') {
    at = annotationEnd(text, at + 1);
    if (at < 0) return false;
  }
  if (text[at] !== '=' || text[at + 1] === '=' || text[at + 1] === '>') return false;
  const kind = secretKindOf(name.name);
  if (kind === undefined) return false;
  const valueStart = skipSpace(text, at + 1);
  const value = text.slice(valueStart, valueStart + 200);
  if (NOT_A_STRING.test(value)) return false;
  const literal = /^(['"`])((?:(?!\1)[^\\\n$])*)\1/u.exec(value);
  if (literal && /^\s*[,)]/u.test(value.slice(literal[0].length))) {
    // A plain literal: decided as the rule decides it.
    const classified = classifySecretValue(literal[2] ?? '', { name: name.name, isTestFile: isTestFile(filename), expectedKind: kind }).kind;
    if (classified === 'empty' || classified === 'placeholder' || classified === 'reference' || classified === 'dummy' || classified === 'not-secret') return false;
  }
  return true;
}

/**
 * A secret parameter default (see `parameterDefaultAt`), tried at each credential word of the text
 * (`credentialWordStarts`: every name `secretKindOf` gives a kind holds one), the search the
 * hard-coded rules' gates make of the same text. One identifier is tried once.
 */
export function hasSecretParameterDefault(text: string, filename: string | undefined): boolean {
  let triedUpTo = -1;
  for (const start of credentialWordStarts(text, filename)) {
    if (start < triedUpTo) continue;
    triedUpTo = identifierAround(text, start, start + 1).end;
    if (parameterDefaultAt(text, start, filename)) return true;
  }
  return false;
}

export function mayReport(text: string, context?: GateContext): boolean {
  return hasSecretEnvFallback(text) || hasSecretParameterDefault(text, context?.filename);
}

/**
 * Text tests for the whole-program checks: what a file may import, export or read from the
 * environment, decided on its raw text without a parse. Each test over-approximates what the facts
 * rule (`facts.ts`) records after a parse, so the whole-program checks can leave unparsed every
 * file these tests rule out and still find exactly what they found with every file's facts.
 */
import { getPublicEnvPrefix } from '../catalogue/client-side.js';
import { classifySecretName } from '../detectors/index.js';
import { mayNameCredential } from '../detectors/text-gates/credential-sites.js';
import { CATALOGUE_MODULE, CREDENTIAL_NAME } from '../detectors/text-gates/shared.js';

/**
 * White space and comments between two tokens, matched one way only (a block comment ends at its
 * first `*\/`, a line comment leaves its line break to `\s`): an ambiguous pattern backtracks
 * exponentially over runs of comments where the match fails.
 */
const TRIVIA = String.raw`(?:\s|/\*(?:[^*]|\*(?!/))*\*/|//[^\n]*)*`;

/**
 * `from 'x'`, `import 'x'`, `import('x')`, `require('x')` (comments allowed between the tokens):
 * every specifier the facts rule records (import and export declarations, `import()` and
 * `require()` with a string literal) appears in one of these shapes. Matches inside strings and
 * comments only add candidates.
 */
const SPECIFIER_AT = new RegExp(String.raw`(?:\bfrom|\bimport${TRIVIA}\(?|\brequire${TRIVIA}\()${TRIVIA}(['"])((?:(?!\1)[^\\\n]|\\[^])*)\1`, 'uy');

/** The value of a string literal's body (escapes decoded; a malformed escape is kept as written). */
function unescapeString(body: string): string {
  if (!body.includes('\\')) return body;
  return body.replace(/\\(?:u\{([0-9a-fA-F]+)\}|u([0-9a-fA-F]{4})|x([0-9a-fA-F]{2})|(\r\n|[\n\r\u2028\u2029])|([^]))/gu, (_match, braced?: string, unicode?: string, hex?: string, continuation?: string, other?: string) => {
    const code = braced ?? unicode ?? hex;
    if (code !== undefined) {
      const value = Number.parseInt(code, 16);
      return value <= 0x10ffff ? String.fromCodePoint(value) : '';
    }
    if (continuation !== undefined) return '';
    return ({ n: '\n', r: '\r', t: '\t', b: '\b', f: '\f', v: '\v', '0': '\0' } as Record<string, string>)[other as string] ?? (other as string);
  });
}

/**
 * Module specifiers a file may import, re-export or require, in order of appearance, without
 * duplicates: a superset of the specifiers of its import facts.
 */
export function importSpecifiers(text: string): string[] {
  // Every match starts at a `from`, `import` or `require`: `indexOf` of `from`, `mport` and `quire`
  // (rarer first characters than `i` and `r`) finds them, and the expression is tried there alone,
  // in order and past the end of the last match, as a global search would (which tries every
  // position of the text).
  const starts: number[] = [];
  for (const [needle, offset] of SPECIFIER_WORDS) {
    for (let index = text.indexOf(needle); index !== -1; index = text.indexOf(needle, index + 1)) if (index >= offset) starts.push(index - offset);
  }
  if (starts.length === 0) return [];
  starts.sort((a, b) => a - b);
  const found = new Set<string>();
  let end = 0;
  for (const start of starts) {
    if (start < end) continue;
    SPECIFIER_AT.lastIndex = start;
    const match = SPECIFIER_AT.exec(text);
    if (!match) continue;
    found.add(unescapeString(match[2] as string));
    end = SPECIFIER_AT.lastIndex;
  }
  return [...found];
}

/** The needles of `importSpecifiers`, with the offset of each in its word. */
const SPECIFIER_WORDS: readonly (readonly [string, number])[] = [
  ['from', 0],
  ['mport', 1],
  ['quire', 2],
];

const IDENTIFIER_CHAR = /[\w$\u0080-\uffff\\]/u;

/** Index of the first character after white space and comments from `index`. */
function skipTriviaForward(text: string, index: number): number {
  let i = index;
  for (;;) {
    const char = text[i];
    if (char === undefined) return i;
    if (char === ' ' || char === '\t' || char === '\n' || char === '\r' || char === '\f' || char === '\v' || char === '\u00a0' || char === '\ufeff' || char === '\u2028' || char === '\u2029') i++;
    else if (char === '/' && text[i + 1] === '*') {
      const end = text.indexOf('*/', i + 2);
      if (end < 0) return text.length;
      i = end + 2;
    } else if (char === '/' && text[i + 1] === '/') {
      const end = text.indexOf('\n', i + 2);
      if (end < 0) return text.length;
      i = end + 1;
    } else return i;
  }
}

const LINE_TERMINATOR: ReadonlySet<string> = new Set(['\n', '\r', '\u2028', '\u2029']);

/** Index of the nearest `char` in `[from, to)` searching forwards, or backwards with `backwards`; -1 if none. */
function nearest(text: string, char: string, from: number, to: number, backwards = false): number {
  if (backwards) {
    for (let i = to - 1; i >= Math.max(0, from); i--) if (text[i] === char) return i;
    return -1;
  }
  for (let i = Math.max(0, from), end = Math.min(text.length, to); i < end; i++) if (text[i] === char) return i;
  return -1;
}

/** Longest string body worth reading as a name: `classifySecretName` takes up to 200 characters, an escape is at most 10. */
const MAX_NAME_BODY = 2000;

/** Thrown where a line comment may hide the token before a position: the caller answers conservatively. */
class Undecidable extends Error {}

/**
 * Index of the last character before `index` that is not white space or in a comment (-1 at the
 * start). Block comments are skipped; a line comment cannot be told from `//` in a string when
 * reading backwards, so crossing into a line that holds `//` before code throws `Undecidable`
 * (a line that is only a comment is skipped).
 */
function skipSpaceBackward(text: string, index: number): number {
  let i = index - 1;
  let crossedLine = false;
  for (;;) {
    while (i >= 0 && /\s/u.test(text[i] as string)) {
      if (text[i] === '\n' || text[i] === '\r' || text[i] === '\u2028' || text[i] === '\u2029') crossedLine = true;
      i--;
    }
    if (i < 0) return -1;
    if (text[i] === '/' && text[i - 1] === '*') {
      const open = text.lastIndexOf('/*', i - 2);
      if (open < 0) throw new Undecidable();
      i = open - 1;
      continue;
    }
    if (crossedLine) {
      let lineStart = i;
      while (lineStart > 0 && !LINE_TERMINATOR.has(text[lineStart - 1] as string)) lineStart--;
      const offset = text.slice(lineStart, i).indexOf('//');
      const comment = offset < 0 ? -1 : lineStart + offset;
      if (comment >= 0) {
        if (text.slice(lineStart, comment).trim() !== '') throw new Undecidable();
        i = lineStart - 1;
        continue;
      }
    }
    return i;
  }
}

/** `test(text)`, or `conservative` when a backward skip could not be decided. */
function decide(test: () => boolean, conservative: boolean): boolean {
  try {
    return test();
  } catch (error) {
    if (error instanceof Undecidable) return conservative;
    throw error;
  }
}

/** The identifier name starting at `index`, or undefined (`\` escapes make it undecidable: `null`). */
function identifierAt(text: string, index: number): string | null | undefined {
  let end = index;
  while (end < text.length && IDENTIFIER_CHAR.test(text[end] as string)) end++;
  if (end === index) return undefined;
  const name = text.slice(index, end);
  return name.includes('\\') ? null : name;
}

/** The value of the string literal (or template without substitutions) starting at `index`, if any. */
function stringAt(text: string, index: number): string | null | undefined {
  const quote = text[index];
  if (quote !== "'" && quote !== '"' && quote !== '`') return undefined;
  let i = index + 1;
  while (i < text.length && text[i] !== quote) {
    if (text[i] === '\\') i++;
    else if (quote === '`' && text[i] === '$' && text[i + 1] === '{') return undefined;
    i++;
  }
  if (i >= text.length) return null;
  return unescapeString(text.slice(index + 1, i));
}

/**
 * Whether an env-var name is one the facts rule records as a secret env read: a credential name
 * for `classifySecretName` other than a client id, without a public prefix (`NEXT_PUBLIC_`…).
 */
export function isSecretEnvName(name: string): boolean {
  if (getPublicEnvPrefix(name)) return false;
  const kind = classifySecretName(name)?.kind;
  return kind !== undefined && kind !== 'client-id';
}

/** Outcome of looking at one `env` word: a secret read, none, or cannot tell from the text. */
type EnvVerdict = 'secret' | 'none' | 'unknown';

/**
 * What follows an `env` word: `.NAME`, `?.NAME`, `['NAME']`, `.get('NAME')` (Deno), after any
 * `!` and `)` (`(process.env).X`, `process.env!.X`).
 */
function memberReadAfter(text: string, index: number): EnvVerdict | 'not-member' {
  let i = skipTriviaForward(text, index);
  while (text[i] === '!' || text[i] === ')') {
    if (text[i] === '!' && text[i + 1] === '=') break;
    i = skipTriviaForward(text, i + 1);
  }
  // `process.env as Record<string, string>`: a type wrapper; the shape after it is not followed here.
  if (/^(?:as|satisfies)(?![\w$])/u.test(text.slice(i, i + 10))) return 'unknown';
  let computed = false;
  if (text[i] === '?' && text[i + 1] === '.') {
    i = skipTriviaForward(text, i + 2);
    if (text[i] === '[') computed = true;
  } else if (text[i] === '.') i = skipTriviaForward(text, i + 1);
  else if (text[i] === '[') computed = true;
  else return 'not-member';
  if (computed) {
    let open = skipTriviaForward(text, i + 1);
    // `process.env[('NAME')]`: parentheses are not in the syntax tree.
    while (text[open] === '(') open = skipTriviaForward(text, open + 1);
    const name = stringAt(text, open);
    if (name === null) return 'unknown';
    // Not a literal name: the facts rule records no read (`process.env[key]`).
    return name !== undefined && isSecretEnvName(name) ? 'secret' : 'none';
  }
  const name = identifierAt(text, i);
  if (name === null) return 'unknown';
  if (name === undefined) return 'none';
  if (isSecretEnvName(name)) return 'secret';
  if (name === 'get') {
    // `Deno.env.get('NAME')`.
    const open = skipTriviaForward(text, i + name.length);
    if (text[open] !== '(') return 'none';
    const argument = stringAt(text, skipTriviaForward(text, open + 1));
    if (argument === null) return 'unknown';
    return argument !== undefined && isSecretEnvName(argument) ? 'secret' : 'none';
  }
  return 'none';
}

/** Start of the balanced `{…}` group that ends at `close` (a `}`), or -1. */
function openingBrace(text: string, close: number): number {
  let depth = 0;
  for (let i = close; i >= 0; i--) {
    const char = text[i];
    if (char === '}') depth++;
    else if (char === '{' && --depth === 0) return i;
  }
  return -1;
}

/**
 * `const { CLIENT_SECRET } = process.env`, `({ X: y = 'd' } = import.meta.env)`, with a type
 * annotation on the pattern: whether the destructuring pattern before the env object may name a
 * secret. `start` is where the env object's expression starts (`process`, `import`, `Bun`…).
 */
function destructuredBefore(text: string, start: number): EnvVerdict {
  let i = skipSpaceBackward(text, start);
  while (text[i] === '(') i = skipSpaceBackward(text, i);
  // A comment between `=` and the env object.
  if (text[i] === '/') return 'unknown';
  if (text[i] !== '=' || /[=!<>+\-*/%&|^?]/u.test(text[i - 1] ?? '')) return 'none';
  i = skipSpaceBackward(text, i);
  // `{ A }: NodeJS.ProcessEnv = process.env`: skip a simple (dotted) type name.
  if (IDENTIFIER_CHAR.test(text[i] ?? '')) {
    while (i >= 0 && (IDENTIFIER_CHAR.test(text[i] as string) || text[i] === '.')) i--;
    i = skipSpaceBackward(text, i + 1);
    if (text[i] !== ':') return 'none';
    i = skipSpaceBackward(text, i);
    if (text[i] !== '}') return 'none';
  }
  if (text[i] === '/') return 'unknown';
  if (text[i] !== '}') return text[i] === '>' || text[i] === ']' || text[i] === ')' ? 'unknown' : 'none';
  let open = openingBrace(text, i);
  if (open < 0) return 'unknown';
  // `{ A }: { A: string } = process.env`: the group just found is the annotation.
  const before = skipSpaceBackward(text, open);
  if (text[before] === ':') {
    const patternEnd = skipSpaceBackward(text, before);
    if (text[patternEnd] !== '}') return 'none';
    open = openingBrace(text, patternEnd);
    if (open < 0) return 'unknown';
  }
  const pattern = text.slice(open, i + 1);
  // Strings and comments may hold braces that throw the matching off.
  if (/['"`]|\/[/*]/u.test(pattern)) return 'unknown';
  return CREDENTIAL_NAME.test(pattern) ? 'secret' : 'none';
}

const ENV_WORD = /(?<![\w$])env(?![\w$])/gu;
/** The expression before `env` that makes it an env object: `process.`, `import.meta.`, `Bun.`, `globalThis.process.`. */
const ENV_OBJECT_PREFIX = /(?:(?:globalThis\s*\??\.\s*)?process|import\s*\.\s*meta|Bun)\s*\??\.\s*$/u;

/**
 * Whether a file may read a secret from the environment as the facts rule sees it: `process.env.X`,
 * `process.env['X']`, `import.meta.env.X`, `Bun.env.X`, `Deno.env.get('X')` or a destructuring of
 * an env object, with `X` a secret env name (`isSecretEnvName`). Any `env` word followed by a
 * secret name counts, whatever object it belongs to; a shape this cannot follow counts too.
 */
export function mayReadSecretEnvText(text: string, filename?: string): boolean {
  // Every secret env name holds a credential word (`isSecretEnvName` asks `classifySecretName`):
  // the search the credential gates make of the same text, free when asked right after them.
  if (!text.includes('env') || !mayNameCredential(text, filename)) return false;
  return decide(() => readsSecretEnv(text), true);
}

function readsSecretEnv(text: string): boolean {
  for (const match of text.matchAll(ENV_WORD)) {
    const end = match.index + match[0].length;
    const read = memberReadAfter(text, end);
    if (read === 'secret' || read === 'unknown') return true;
    if (read === 'none') continue;
    // Not a member read: the env object itself, maybe destructured.
    const prefix = ENV_OBJECT_PREFIX.exec(text.slice(Math.max(0, match.index - 40), match.index));
    if (!prefix) {
      // Comments or wrappers inside the object expression: cannot tell where it starts.
      if (/\*\/\s*\??\.\s*$|[)!]\s*\??\.\s*$/u.test(text.slice(Math.max(0, match.index - 4), match.index))) return true;
      continue;
    }
    if (destructuredBefore(text, match.index - prefix[0].length) !== 'none') return true;
  }
  return false;
}

const CREDENTIAL_WORD = new RegExp(CREDENTIAL_NAME.source, 'giu');
const NAME_CHAR = /[\w$\u0080-\uffff]/u;

/** The strings that may hold the text at `[start, end)`: the span between the nearest quotes of each kind on its line. */
function enclosingStringBodies(text: string, start: number, end: number): string[] {
  const lineStart = text.lastIndexOf('\n', start) + 1;
  let lineEnd = text.indexOf('\n', end);
  if (lineEnd < 0) lineEnd = text.length;
  const bodies: string[] = [];
  for (const quote of ["'", '"', '`']) {
    // A template may span lines; a quoted string may not (a line continuation aside, which no real property name uses).
    const open = nearest(text, quote, quote === '`' ? start - MAX_NAME_BODY - 1 : lineStart, start, true);
    const close = open < 0 ? -1 : nearest(text, quote, end, quote === '`' ? open + MAX_NAME_BODY + 2 : lineEnd);
    if (open < 0 || close < 0) continue;
    bodies.push(unescapeString(text.slice(open + 1, close)));
  }
  return bodies;
}

/**
 * Whether the text holds a name `classifySecretName` calls a credential: an identifier, or the
 * content of a string (a quoted property key, `obj['client_secret']`), around some match of the
 * credential words. The whole-program facts record a value used under a secret name only under
 * such a name, so a file without one uses none (a catalogue sink aside: see `mayUseSecretName`).
 */
export function hasSecretNameToken(text: string): boolean {
  for (const match of text.matchAll(CREDENTIAL_WORD)) {
    const start = match.index;
    const end = start + match[0].length;
    let from = start;
    while (from > 0 && NAME_CHAR.test(text[from - 1] as string)) from--;
    let to = end;
    while (to < text.length && NAME_CHAR.test(text[to] as string)) to++;
    // An identifier with a `\u` escape: undecidable here.
    if (text[from - 1] === '\\' || text[to] === '\\') return true;
    if (classifySecretName(text.slice(from, to)) !== undefined) return true;
    for (const body of enclosingStringBodies(text, start, end)) {
      if (body.length <= 200 && classifySecretName(body) !== undefined) return true;
    }
  }
  return false;
}

const DECLARATION_KEYWORD = /(?<![\w$.])(?:const|let|var|using)(?![\w$])/gu;
const IMPORT_CLAUSE = new RegExp(String.raw`(?<![\w$.])import(?![\w$])([^;()]*?)(?<![\w$])from${TRIVIA}['"]`, 'gu');
const REQUIRE_CALL = new RegExp(String.raw`(?<![\w$.])require${TRIVIA}\(`, 'gu');
const WORD = /[\w$\u0080-\uffff]+/gu;

/**
 * Local names that may be bound to an import in the file: every word of every import clause, and
 * of every `const|let|var` declaration whose initialiser is a `require()` call (the facts rule
 * follows exactly these bindings back to a module). `any` when a declaration is too far back to
 * find. With `imports`, only imports and requires of a specifier it accepts count (a `require()`
 * whose argument is not a quoted string binds nothing for the facts rule either).
 */
export function importedBindingNames(text: string, imports?: (specifier: string) => boolean): Set<string> | 'any' {
  try {
    return bindingNames(text, imports);
  } catch (error) {
    if (error instanceof Undecidable) return 'any';
    throw error;
  }
}

/** The value of the quoted string (`'` or `"`, on one line) opening at `index`: undefined if none, null if it does not close. */
function quotedAt(text: string, index: number): string | null | undefined {
  if (text[index] !== "'" && text[index] !== '"') return undefined;
  const close = stringEnd(text, index);
  return close < 0 ? null : unescapeString(text.slice(index + 1, close));
}

function bindingNames(text: string, imports?: (specifier: string) => boolean): Set<string> | 'any' {
  const names = new Set<string>();
  if (text.includes('import')) {
    for (const match of text.matchAll(IMPORT_CLAUSE)) {
      if (imports) {
        // The match ends with the specifier's opening quote.
        const specifier = quotedAt(text, match.index + match[0].length - 1);
        if (specifier !== null && specifier !== undefined && !imports(specifier)) continue;
      }
      for (const word of (match[1] as string).matchAll(WORD)) names.add(word[0]);
    }
  }
  if (text.includes('require')) {
    for (const match of text.matchAll(REQUIRE_CALL)) {
      if (imports) {
        let open = skipTriviaForward(text, match.index + match[0].length);
        while (text[open] === '(') open = skipTriviaForward(text, open + 1);
        const specifier = quotedAt(text, open);
        if (specifier === undefined || (specifier !== null && !imports(specifier))) continue;
      }
      let i = skipSpaceBackward(text, match.index);
      while (text[i] === '(') i = skipSpaceBackward(text, i);
      // `= require(…)`, `= <T>require(…)`: an initialiser; anything else binds no name to the module.
      if (text[i] === '/') return 'any';
      if (text[i] !== '=' && text[i] !== '>') continue;
      const window = text.slice(Math.max(0, match.index - 4000), match.index);
      let keyword = -1;
      for (const found of window.matchAll(DECLARATION_KEYWORD)) keyword = found.index;
      if (keyword < 0) {
        if (match.index > 4000) return 'any';
        continue;
      }
      for (const word of window.slice(keyword).matchAll(WORD)) names.add(word[0]);
    }
  }
  return names;
}

/** Whether the expression starting at `index` is rooted in one of `names` (`cfg.a.b`, `(cfg as X).a`), or cannot be told. */
function rootedAt(text: string, index: number, names: ReadonlySet<string>): boolean {
  let i = skipTriviaForward(text, index);
  while (text[i] === '(') i = skipTriviaForward(text, i + 1);
  if (text[i] === '<') return true;
  const name = identifierAt(text, i);
  return name === null || (name !== undefined && names.has(name));
}

/** Whether the member chain whose last step starts at `index` (a `.` or a `[`) is rooted in one of `names`, or cannot be told. */
function chainRootBefore(text: string, index: number, names: ReadonlySet<string>): boolean {
  let i = index;
  for (let steps = 0; steps < 64; steps++) {
    i--;
    if (text[i] === '?') i--;
    i = skipSpaceBackward(text, i + 1);
    const char = text[i] ?? '';
    if (char === ']') {
      const open = text.lastIndexOf('[', i);
      const inside = open < 0 ? '' : text.slice(open + 1, i).trim();
      // Only static names make a chain the facts rule follows.
      if (!/^(?:'[^'\\\n]*'|"[^"\\\n]*"|`[^`\\$]*`)$/u.test(inside)) return /\\|\[/u.test(inside);
      i = open;
      continue;
    }
    if (!IDENTIFIER_CHAR.test(char)) return char === ')' || char === '!' || char === '/' || char === '>';
    let start = i;
    while (start > 0 && IDENTIFIER_CHAR.test(text[start - 1] as string)) start--;
    const name = text.slice(start, i + 1);
    if (name.includes('\\')) return true;
    const before = skipSpaceBackward(text, start);
    if (text[before] === '.' && text[before - 1] !== '.') {
      i = before;
      continue;
    }
    return names.has(name);
  }
  return true;
}

/** After a name: `name: <rooted>`, `name = <rooted>`, `const name: T = <rooted>` (an assignment operator of any kind). */
function valueAfterRooted(text: string, index: number, names: ReadonlySet<string>, declared: boolean): boolean {
  let i = skipTriviaForward(text, index);
  if (text[i] === '?' && text[i + 1] === ':') i++;
  if (text[i] === '!' && text[i + 1] !== '=') i = skipTriviaForward(text, i + 1);
  if (text[i] === ':') {
    if (rootedAt(text, i + 1, names)) return true;
    if (!declared) return false;
    // `const name: Type = value`: find the `=` after the annotation.
    let depth = 0;
    for (let j = i + 1, limit = Math.min(text.length, i + 400); j < limit; j++) {
      const char = text[j] as string;
      if (char === '/' && (text[j + 1] === '/' || text[j + 1] === '*')) {
        j = skipTriviaForward(text, j) - 1;
        continue;
      }
      // A lone `/` (division, a regular expression) is never part of a type: this is a value.
      if (char === '/') return false;
      if (char === "'" || char === '"') {
        const closing = stringEnd(text, j);
        if (closing < 0) return true;
        j = closing;
        continue;
      }
      if (char === '`') return true;
      if (char === '(' || char === '[' || char === '{' || char === '<') depth++;
      else if (char === ')' || char === ']' || char === '}' || char === '>') {
        if (char === '>' && text[j - 1] === '=') continue;
        if (--depth < 0) return false;
      } else if (depth === 0 && (char === ',' || char === ';')) return false;
      else if (depth === 0 && char === '=' && text[j + 1] !== '=' && text[j + 1] !== '>') return rootedAt(text, j + 1, names);
    }
    return true;
  }
  const assignment = /^[-+*/%&|^?<>!]{0,3}=(?![=>])/u.exec(text.slice(i, i + 5));
  return assignment !== null && rootedAt(text, i + assignment[0].length, names);
}

/** Index of the quote closing the string literal that opens at `index`, or -1. */
function stringEnd(text: string, index: number): number {
  const quote = text[index];
  for (let i = index + 1; i < text.length; i++) {
    const char = text[i];
    if (char === '\\') i++;
    else if (char === quote) return i;
    else if (char === '\n') return -1;
  }
  return -1;
}

const ASSIGNMENT_OPERATOR = /^(?:\*\*|<<|>>>?|&&|\|\||\?\?|[-+*/%&|^])?=(?!=)/u;

/**
 * After a member read `chain.name` ending at `index`: whether the facts rule takes it as a read of
 * a value, that is, it is not the object of a further member access and not assigned to.
 */
function readAsValue(text: string, index: number): boolean {
  const next = skipTriviaForward(text, index);
  const char = text[next];
  if (char === '.' || char === '[') return false;
  if (char === '?' && text[next + 1] === '.' && text[next + 2] !== '(' && !/\d/u.test(text[next + 2] ?? '')) return false;
  return !ASSIGNMENT_OPERATOR.test(text.slice(next, next + 5));
}

/** Whether `index` (the start of a name) follows a declaration keyword or a comma: a declarator may carry a type annotation. */
function mayBeDeclarator(text: string, index: number): boolean {
  const before = skipSpaceBackward(text, index);
  if (text[before] === ',') return true;
  return /(?<![\w$.])(?:const|let|var|using)$/u.test(text.slice(Math.max(0, before - 5), before + 1));
}

/** `= name`, `= (name`, `= <T>name`, comments allowed: a candidate initialiser (name or `<` captured). */
const INITIALISER = new RegExp(String.raw`(?<![=!<>+\-*/%&|^?])=(?![=>])(?:${TRIVIA}\()*${TRIVIA}([A-Za-z_$\u0080-\uffff][\w$\u0080-\uffff]*|<)`, 'gu');

/**
 * `const { clientSecret } = cfg` with `cfg` imported: whether some object pattern initialised with
 * an imported name (or a chain on one) may name a secret, or cannot be told.
 */
function destructuresImported(text: string, names: ReadonlySet<string>): boolean {
  for (const match of text.matchAll(INITIALISER)) {
    const root = match[1] as string;
    if (root !== '<' && !names.has(root)) continue;
    let i = skipSpaceBackward(text, match.index);
    if (IDENTIFIER_CHAR.test(text[i] ?? '')) {
      // `{ a }: Env = cfg`; a plain `x = cfg` or `x: T = cfg` binds no pattern.
      while (i >= 0 && (IDENTIFIER_CHAR.test(text[i] as string) || text[i] === '.')) i--;
      i = skipSpaceBackward(text, i + 1);
      if (text[i] !== ':') continue;
      i = skipSpaceBackward(text, i);
    }
    if (text[i] === '>' || text[i] === '/') return true;
    if (text[i] !== '}') continue;
    let open = openingBrace(text, i);
    if (open < 0) return true;
    const before = skipSpaceBackward(text, open);
    if (text[before] === ':') {
      const patternEnd = skipSpaceBackward(text, before);
      if (text[patternEnd] !== '}') continue;
      open = openingBrace(text, patternEnd);
      if (open < 0) return true;
    }
    const pattern = text.slice(open, i + 1);
    if (/['"`/]/u.test(pattern) || hasSecretNameToken(pattern)) return true;
  }
  return false;
}

/**
 * Whether the file may use an imported value under a secret name, the way the facts rule records
 * a cross-file use: an imported binding, or a member chain on one, read as `chain.clientSecret`,
 * written under a secret key or variable (`clientSecret: cfg.x`, `const password = cfg.erp.pw`,
 * `a.token = cfg.t`), or destructured with a secret key (`const { clientSecret } = cfg`). Shapes it
 * cannot follow count as uses. Sinks of catalogue modules are not looked at here. With `imports`,
 * only bindings of the specifiers it accepts count (see `importedBindingNames`).
 */
export function mayUseImportedUnderSecretName(text: string, imports?: (specifier: string) => boolean): boolean {
  if (!CREDENTIAL_NAME.test(text)) return false;
  const names = importedBindingNames(text, imports);
  if (names === 'any') return true;
  if (names.size === 0) return false;
  return decide(() => usesImportedUnderSecretName(text, names), true);
}

/**
 * Whether the file may use a value imported through one of the specifiers `imports` accepts (the
 * ones that resolve to another scanned file) the way the facts rule records a cross-file use:
 * under a secret name (`mayUseImportedUnderSecretName`), or, when `mayCallSink` (see the
 * catalogue's `mayCallSink`; by default, when the text names a catalogue module), as any argument
 * of a sink call, which needs such a binding too.
 */
export function mayUseImportedFrom(text: string, imports: (specifier: string) => boolean, mayCallSink: boolean = CATALOGUE_MODULE.test(text)): boolean {
  if (mayCallSink) {
    const names = importedBindingNames(text, imports);
    return names === 'any' || names.size > 0;
  }
  return mayUseImportedUnderSecretName(text, imports);
}

function usesImportedUnderSecretName(text: string, names: ReadonlySet<string>): boolean {
  for (const match of text.matchAll(CREDENTIAL_WORD)) {
    const start = match.index;
    const end = start + match[0].length;
    let from = start;
    while (from > 0 && NAME_CHAR.test(text[from - 1] as string)) from--;
    let to = end;
    while (to < text.length && NAME_CHAR.test(text[to] as string)) to++;
    if (text[from - 1] === '\\' || text[to] === '\\') return true;
    const identifier = text.slice(from, to);
    if (classifySecretName(identifier) !== undefined) {
      if (names.has(identifier)) return true;
      const before = skipSpaceBackward(text, from);
      if (text[before] === '.' && text[before - 1] !== '.' && readAsValue(text, to) && chainRootBefore(text, before, names)) return true;
      if (valueAfterRooted(text, to, names, mayBeDeclarator(text, from))) return true;
    }
    const lineStart = text.lastIndexOf('\n', start) + 1;
    let lineEnd = text.indexOf('\n', end);
    if (lineEnd < 0) lineEnd = text.length;
    for (const quote of ["'", '"', '`']) {
      const open = nearest(text, quote, quote === '`' ? start - MAX_NAME_BODY - 1 : lineStart, start, true);
      const close = open < 0 ? -1 : nearest(text, quote, end, quote === '`' ? open + MAX_NAME_BODY + 2 : lineEnd);
      if (open < 0 || close < 0) continue;
      const body = unescapeString(text.slice(open + 1, close));
      if (body.length > 200 || classifySecretName(body) === undefined) continue;
      // `cfg['client_secret']`, `{ 'client-secret': cfg.x }`, `a['api-key'] = cfg.k`.
      const beforeOpen = skipSpaceBackward(text, open);
      let after = skipTriviaForward(text, close + 1);
      if (text[after] === ']') after++;
      if (text[beforeOpen] === '[' && readAsValue(text, after) && chainRootBefore(text, beforeOpen, names)) return true;
      if (valueAfterRooted(text, after, names, false)) return true;
    }
  }
  return destructuresImported(text, names);
}

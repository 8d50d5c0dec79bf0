/**
 * Text gate of `no-secret-in-url`. The rule reports a secret query parameter (`client_secret`,
 * `password`, `access_token`, `refresh_token`, `api_key`, compared in canonical form: any case, any
 * `_`/`-`) in four shapes; each needs the parameter's name written in the file, as a whole word:
 *
 * - a query string in a literal, template or concatenation: the name right after `?`, `&`, a
 *   quote or a template's `${…}`, and followed by `=` (checked locally);
 * - the same name held by a constant and joined to the `=` by concatenation (`'?' + NAME + '='`):
 *   the name as a quoted string, and a string that starts with `=` somewhere in the file;
 * - `url.searchParams.set(NAME, …)` / `.append`: the name as a whole quoted string (a literal or
 *   a constant), and such a write in the file;
 * - query objects (`searchParams: {…}`, axios `params: {…}`, superagent `.query({…})`): the name as
 *   a key anywhere (the object may be a constant declared elsewhere), and that option or call in a
 *   file that uses the client;
 * - a query built apart and joined to a URL (`new URLSearchParams({ NAME: … })` or
 *   `params.set('NAME', …)`, `qs.stringify({ NAME })`, then `` `${url}?${params}` ``, `url + '?' + qs`
 *   or `url.search = params.toString()`): the name as a key of an object a builder reads (its
 *   argument, or an object named like its argument or like a spread: `const o = { NAME }` with
 *   `qs.stringify(o)`), or quoted as the first argument of `.set(` / `.append(` on a variable
 *   assigned `new URLSearchParams(`; in a file that puts right after a `?` or `&` (`?${`, `&${`, a
 *   string ending in `?`/`&` followed by `+`), or assigns to `.search`, an inline builder or a
 *   variable assigned one (directly, or through `.toString()` / `String()`).
 *
 * A `searchParams:` that is no object key (a declaration's or class field's type annotation:
 * `let searchParams: URLSearchParams`) or whose value resolves to no object literal
 * (`searchParams: this.searchParams`, a call) does not make a file's query objects possible.
 *
 * Not gated: a query object whose text before the name holds an unbalanced brace in a string
 * (`{ scope: '}', client_secret }`) or is over 5000 characters long; a name written with escapes
 * (`'\x26password='`, `'%70assword'`), which the rule reads from the cooked string value, or with
 * a separator inside one of its words (`pass_word` is gated, `pa_ssword` is not), which no real
 * code writes.
 */

/**
 * The last letters of every secret parameter name (`client…secret`, `pass…word`, `access…token`,
 * `refresh…token`, `api…key`), in any case: the names are found from these (four short
 * alternatives, cheap to scan for) and read backwards from there (see `nameStart`).
 */
const NAME_TAIL = /cret|word|oken|key/giu;
/** For each tail: the letters right before it, and the words the name may start with (before `_`, `-`, `%5f`, `%2d` separators). */
const NAME_PARTS: Readonly<Record<string, { readonly rest: string; readonly heads: readonly string[] }>> = {
  cret: { rest: 'se', heads: ['client'] },
  word: { rest: '', heads: ['pass'] },
  oken: { rest: 't', heads: ['access', 'refresh'] },
  key: { rest: '', heads: ['api'] },
};

/**
 * Start of the secret parameter name whose tail starts at `tail` (`client_secret`, `API-KEY`,
 * `pass%5Fword`: letters in any case, as the rule's canonical names are lower-cased), or -1.
 */
function nameStart(text: string, tail: number, found: string): number {
  const parts = NAME_PARTS[found.toLowerCase()];
  if (parts === undefined) return -1;
  let at = tail - parts.rest.length;
  if (at < 0 || text.slice(at, tail).toLowerCase() !== parts.rest) return -1;
  for (;;) {
    const code = text.charCodeAt(at - 1);
    if (code === 45 || code === 95) at--;
    else if (at >= 3 && text.charCodeAt(at - 3) === 37 && /^(?:5f|2d)$/iu.test(text.slice(at - 2, at))) at -= 3;
    else break;
  }
  for (const head of parts.heads) if (at >= head.length && text.slice(at - head.length, at).toLowerCase() === head) return at - head.length;
  return -1;
}
/** Separators around a name, which the canonical form drops. */
const SEPARATOR_BEFORE = /(?:[-_]|%5f|%2d)*$/iu;
const SEPARATOR_AFTER = /^(?:[-_]|%5f|%2d)*/iu;
/** `searchParams` as an option key (`searchParams: {…}`, `{ searchParams }`) or written (`url.searchParams.set(…)`); not `searchParams?: Type`. */
const SEARCH_PARAMS_USE = /searchParams['"]?\s*(?:([:,}])|(?:\)\s*)?!?\s*\??\.\s*(?:set|append)\s*\()/gu;

/**
 * How the file uses `searchParams` outside comment lines: as an option key (`searchParams: {…}`,
 * a query object whose keys may be written anywhere), or only in writes (`url.searchParams.set(…)`,
 * whose parameter name is a string constant).
 */
function searchParamsUse(text: string): 'key' | 'write' | undefined {
  let use: 'write' | undefined;
  SEARCH_PARAMS_USE.lastIndex = 0;
  for (let match = SEARCH_PARAMS_USE.exec(text); match; match = SEARCH_PARAMS_USE.exec(text)) {
    if (onCommentLine(text, match.index)) continue;
    if (match[1] === ':' && !optionKeyAt(text, match.index, match.index + match[0].length)) continue;
    // A shorthand key (`{ url, searchParams }`), not a member read (`this.searchParams,`) or a string in a list.
    if ((match[1] === ',' || match[1] === '}') && (!/[{,]\s*$/u.test(text.slice(Math.max(0, match.index - 40), match.index)) || /^searchParams['"]/u.test(match[0]))) continue;
    if (match[1] !== undefined) return 'key';
    use = 'write';
  }
  return use;
}
/**
 * Whether `searchParams:` (the name at `start`, the `:` ending at `colon`) may be an object key
 * whose value `resolveObject` resolves: not a declaration or a class field with a type annotation
 * (`let searchParams: URLSearchParams`, `private searchParams: …`), and not a value that resolves
 * to no object literal (`this.searchParams`, a call, `new …`, `await …`).
 */
function optionKeyAt(text: string, start: number, colon: number): boolean {
  if (/(?:^|[^\w$.])(?:let|const|var|private|protected|public|readonly|declare|static|accessor)\s+$/u.test(text.slice(Math.max(0, start - 12), start))) return false;
  return !/^\s*(?:this\s*\.|new\s|await\s|[\w$]+(?:\s*\??\.\s*[\w$]+)*\s*\()/u.test(text.slice(colon, colon + 200));
}
const BEFORE_QUERY_NAME = new Set(['?', '&', "'", '"', '`', '}']);

/** The nearest character before `at` that is no whitespace. */
function nonSpaceBefore(text: string, at: number): string {
  let index = at - 1;
  while (index >= 0 && isSpace(text.charCodeAt(index))) index--;
  return text[index] ?? '';
}
/** The index of the first character from `at` on that is no whitespace. */
function nonSpaceFrom(text: string, at: number): number {
  let index = at;
  while (index < text.length && isSpace(text.charCodeAt(index))) index++;
  return index;
}
/** Space, tab, line feed, carriage return. */
function isSpace(code: number): boolean {
  return code === 32 || code === 9 || code === 10 || code === 13;
}

/**
 * Where the name (from `start` to `end`, separators included) may set a parameter of a query built
 * apart: `'key'` for an object key (`NAME:`, `'NAME':`, `['NAME']:`, shorthand `{ NAME }` / `, NAME,`), the
 * receiver for the quoted first argument of `.set(` / `.append(` (`params` of
 * `params.set('NAME', …)`), undefined elsewhere.
 */
function builtQueryWrite(text: string, start: number, end: number): 'key' | { readonly receiver: string } | undefined {
  const quoted = QUOTE.has(text[start - 1] ?? '') && QUOTE.has(text[end] ?? '');
  const nextAt = nonSpaceFrom(text, quoted ? end + 1 : end);
  const next = text[nextAt] ?? '';
  const previous = nonSpaceBefore(text, quoted ? start - 1 : start);
  // After `{`, `,`, a comment (`/* … */ NAME`), or first on its line (after a `// …` line).
  const keyStart = previous === '{' || previous === ',' || previous === '/' || /\n[ \t]*$/u.test(text.slice(Math.max(0, start - 40), start));
  if (next === ':') return text[end] === ':' || keyStart ? 'key' : undefined;
  if (quoted) {
    // `['NAME']: value`
    if (previous === '[' && next === ']') return text[nonSpaceFrom(text, nextAt + 1)] === ':' ? 'key' : undefined;
    const receiver = previous === '(' ? SET_RECEIVER.exec(text.slice(Math.max(0, start - 80), start - 1))?.[1] : undefined;
    return receiver === undefined ? undefined : { receiver };
  }
  return keyStart && (next === ',' || next === '}') ? 'key' : undefined;
}
/** `params.set(`, `query!.append (` right before the quoted name: the receiver. */
const SET_RECEIVER = /(?:^|[^\w$.])([\w$]+)\s*!?\s*\??\.\s*(?:set|append)\s*\(\s*$/u;

/** Index of the `{` that opens the object around `at` (strings not skipped), or -1 within 5000 characters. */
function enclosingBrace(text: string, at: number): number {
  let depth = 0;
  for (let index = at - 1; index >= 0 && at - index <= 5000; index--) {
    const code = text.charCodeAt(index);
    if (code === 125) depth++;
    else if (code === 123 && depth-- === 0) return index;
  }
  return -1;
}
/** Right before an object that is a query builder's argument: `new URLSearchParams(`, `qs.stringify(`. */
const BUILDER_CALL = /(?:URLSearchParams|stringify)\s*\(\s*\(?\s*$/u;
/** Right before a named object: `credentials: ` (a property) or, through `ASSIGNED_NAME`, `const credentials = `. */
const PROPERTY_NAME = /([\w$]+)['"]?\s*:\s*$/u;

/**
 * Whether the key at `start` is in an object a query builder may read: its argument
 * (`new URLSearchParams({ NAME })`), or an object named (`const o = {`, `o: {`) like a builder's
 * argument (`new URLSearchParams(o)`, `qs.stringify(config.o)`) or like a spread (`...o`).
 */
function inQueryObject(text: string, start: number, sites: BuilderSites): boolean {
  const open = enclosingBrace(text, start);
  if (open < 0) return false;
  const head = text.slice(Math.max(0, open - 100), open);
  if (BUILDER_CALL.test(head)) return true;
  const name = PROPERTY_NAME.exec(head)?.[1] ?? ASSIGNED_NAME.exec(head)?.[1];
  return name !== undefined && (sites.arguments.has(name) || text.includes(`...${name}`));
}

/** A string ending in `?` or `&` joined with `+`: `url + '?' + qs`, `` `${url}?` + params ``. */
const JOINED_QUERY_STRING = /[?&]['"`]\s*\+/gu;
/** `url.search =` (not `.searchParams`, not `==`). */
const SEARCH_ASSIGNMENT = /^\s*=(?!=)/u;
/**
 * The expression joined to a URL (read from right after the `?${`, `'?' +` or `.search =`): an
 * inline `new URLSearchParams(` or `qs.stringify(` (group 1), or the variable it starts with
 * (group 2: `params` of `params.toString()`), optionally inside `String(…)`.
 */
const JOINED_EXPRESSION = /^\s*\(?\s*(?:String\s*\(\s*)?\(?\s*(?:(new\s+(?:[\w$]+\s*\.\s*)*URLSearchParams\s*\(|(?!JSON\b)[\w$.]*stringify\s*\()|([\w$]+))/u;
/** The variable a query builder is assigned to: `const params = `, `let qs: string = `, `q=(`, `const q = String(`. */
const ASSIGNED_NAME = /(?:^|[^\w$.])([\w$]+)\s*(?::[^=;(){}]{1,60})?=\s*\(?\s*(?:String\s*\(\s*)?$/u;

/**
 * What the file joins to a URL right after a `?` or `&` (`` `${url}?${params}` ``, `url + '?' + qs`,
 * `` `${url}&${qs}` ``) or assigns to `.search`: `true` for an inline query builder, else the
 * names of the joined variables.
 */
function joinedQueries(text: string): true | Set<string> {
  const names = new Set<string>();
  const read = (at: number): boolean => {
    const match = JOINED_EXPRESSION.exec(text.slice(at, at + 80));
    if (match?.[1] !== undefined) return true;
    if (match?.[2] !== undefined) names.add(match[2]);
    return false;
  };
  for (const anchor of ['?${', '&${']) {
    for (let at = text.indexOf(anchor); at >= 0; at = text.indexOf(anchor, at + 3)) if (read(at + 3)) return true;
  }
  JOINED_QUERY_STRING.lastIndex = 0;
  for (let match = JOINED_QUERY_STRING.exec(text); match; match = JOINED_QUERY_STRING.exec(text)) if (read(match.index + match[0].length)) return true;
  for (let at = text.indexOf('.search'); at >= 0; at = text.indexOf('.search', at + 7)) {
    const assignment = SEARCH_ASSIGNMENT.exec(text.slice(at + 7, at + 16));
    if (assignment && read(at + 7 + assignment[0].length)) return true;
  }
  return names;
}

/** The name assigned the value that starts at `at` (`const params = ` right before it). */
function assignedName(text: string, at: number): string | undefined {
  return ASSIGNED_NAME.exec(text.slice(Math.max(0, at - 100), at))?.[1];
}

/** Where a file's query builders (`new URLSearchParams(…)`, `stringify(…)` other than `JSON.stringify`) are. */
interface BuilderSites {
  /** The variables assigned a builder (`.toString()` of it included): `params` of `const params = new URLSearchParams(`. */
  readonly assigned: ReadonlySet<string>;
  /** The names builders read: `o` of `new URLSearchParams(o)` and `qs.stringify(config.o)`. */
  readonly arguments: ReadonlySet<string>;
}

/** The variable converted by `.toString()` right after it, or by `String(` right before it. */
const CONVERTED_BEFORE = /(?:^|[^\w$.])([\w$]+)\s*!?$/u;
const CONVERTED_AFTER = /^\s*([\w$]+)\s*!?\s*\)/u;
/** An identifier or member chain argument of a builder call (group 1: its last name). */
const BUILDER_ARGUMENT = /^\s*\(\s*(?:[\w$]+\s*[!?]?\.\s*)*([\w$]+)/u;

/** The builder sites of a file; undefined when it names no builder. */
function readBuilderSites(text: string): BuilderSites | undefined {
  const first = text.indexOf('URLSearchParams');
  const firstStringify = text.indexOf('stringify');
  if (first < 0 && firstStringify < 0) return undefined;
  const assigned = new Set<string>();
  const args = new Set<string>();
  const builder = (start: number, end: number): void => {
    const name = assignedName(text, start);
    if (name !== undefined) assigned.add(name);
    const argument = BUILDER_ARGUMENT.exec(text.slice(end, end + 120))?.[1];
    if (argument !== undefined) args.add(argument);
  };
  for (let at = first; at >= 0; at = text.indexOf('URLSearchParams', at + 15)) {
    const start = text.lastIndexOf('new', at);
    if (start >= 0 && at - start < 60 && /^new\s+(?:[\w$]+\s*\.\s*)*$/u.test(text.slice(start, at))) builder(start, at + 15);
  }
  for (let at = firstStringify; at >= 0; at = text.indexOf('stringify', at + 9)) {
    let start = at;
    while (start > 0 && /[\w$.]/u.test(text[start - 1] ?? '')) start--;
    if (!text.startsWith('JSON', start)) builder(start, at + 9);
  }
  return { assigned, arguments: args };
}

/**
 * The variables that may hold a query built apart: assigned a builder, or assigned
 * `x.toString()` / `String(x)` of such a variable (`const qs = params.toString()`), a few steps deep.
 */
function queryVariables(text: string, sites: BuilderSites): Set<string> {
  const variables = new Set(sites.assigned);
  const conversions: { readonly from: string; readonly at: number }[] = [];
  for (let at = text.indexOf('.toString()'); at >= 0; at = text.indexOf('.toString()', at + 11)) {
    const from = Math.max(0, at - 60);
    const match = CONVERTED_BEFORE.exec(text.slice(from, at));
    if (match?.[1] !== undefined) conversions.push({ from: match[1], at: from + match.index + match[0].indexOf(match[1]) });
  }
  for (let at = text.indexOf('String('); at >= 0; at = text.indexOf('String(', at + 7)) {
    const from = CONVERTED_AFTER.exec(text.slice(at + 7, at + 67))?.[1];
    if (from !== undefined && !/[\w$.]/u.test(text[at - 1] ?? '')) conversions.push({ from, at });
  }
  for (let step = 0, added = true; step < 4 && added; step++) {
    added = false;
    for (const conversion of conversions) {
      const name = variables.has(conversion.from) ? assignedName(text, conversion.at) : undefined;
      if (name !== undefined && !variables.has(name)) {
        variables.add(name);
        added = true;
      }
    }
  }
  return variables;
}

/**
 * Whether the file joins a query built apart to a URL: an inline `new URLSearchParams(…)` or
 * `qs.stringify(…)` right after a `?`/`&` or assigned to `.search`, or a variable joined there that
 * may hold one (see `queryVariables`).
 */
function joinsBuiltQuery(text: string, sites: BuilderSites): boolean {
  const joined = joinedQueries(text);
  if (joined === true) return true;
  if (joined.size === 0) return false;
  const variables = queryVariables(text, sites);
  for (const name of joined) if (variables.has(name)) return true;
  return false;
}
const QUOTE = new Set(["'", '"', '`']);

import { onCommentLine } from './js-scan.js';

function usesModule(text: string, modules: string): boolean {
  return new RegExp(`['"\`](?:${modules})(?:/[^'"\`\\n]*)?['"\`]`, 'u').test(text);
}

export function mayReport(text: string): boolean {
  let queryObjects: boolean | undefined;
  let searchParams: 'key' | 'write' | false | undefined;
  let equalsString: boolean | undefined;
  // `false` in a file without query builders.
  let builders: BuilderSites | false | undefined;
  let joinsQuery: boolean | undefined;
  NAME_TAIL.lastIndex = 0;
  for (let tail = NAME_TAIL.exec(text); tail; tail = NAME_TAIL.exec(text)) {
    const nameAt = nameStart(text, tail.index, tail[0]);
    if (nameAt < 0) continue;
    const nameEnd = tail.index + tail[0].length;
    // A whole word: separators may surround the name, letters and digits may not.
    const start = nameAt - (SEPARATOR_BEFORE.exec(text.slice(Math.max(0, nameAt - 12), nameAt))?.[0].length ?? 0);
    const end = nameEnd + (SEPARATOR_AFTER.exec(text.slice(nameEnd, nameEnd + 12))?.[0].length ?? 0);
    const before = text[start - 1] ?? '';
    const after = text[end] ?? '';
    if (/[A-Za-z0-9$]/u.test(before) || /[A-Za-z0-9$]/u.test(after)) continue;
    if (after === '=' && BEFORE_QUERY_NAME.has(before)) return true;
    // A parameter of a query built apart, in a file that joins such a query to a URL.
    const write = builders === false ? undefined : builtQueryWrite(text, start, end);
    if (write) {
      builders ??= readBuilderSites(text) ?? false;
      if (builders && (write === 'key' ? inQueryObject(text, start, builders) : builders.assigned.has(write.receiver)) && (joinsQuery ??= joinsBuiltQuery(text, builders))) return true;
    }
    searchParams ??= text.includes('searchParams') ? (searchParamsUse(text) ?? false) : false;
    queryObjects ??=
      searchParams === 'key' || (text.includes('params') && /\bparams\b/u.test(text) && usesModule(text, 'axios')) ||
      (text.includes('query') && /\.\s*query\s*\(/u.test(text) && usesModule(text, 'superagent|supertest'));
    if (queryObjects) return true;
    // `url.searchParams.set(NAME, …)`: the name is a string, here or in a constant.
    if (searchParams === 'write' && QUOTE.has(before) && QUOTE.has(after)) return true;
    // A quoted name held by a constant and joined to a string that starts with `=`; not a
    // comparison (`'password' === input.type`) or an object key.
    if ((equalsString ??= /['"`]=[^\s=]/u.test(text)) && QUOTE.has(after) && (QUOTE.has(before) || BEFORE_QUERY_NAME.has(before)) && !/^\s*[:=!]/u.test(text.slice(end + 1, end + 8)) && !/(?:[=!]=|case)\s*$/u.test(text.slice(Math.max(0, start - 9), start - 1))) {
      return true;
    }
  }
  return false;
}

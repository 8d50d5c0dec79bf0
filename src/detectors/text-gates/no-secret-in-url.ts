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
 *   file that uses the client.
 *
 * A `searchParams:` that is no object key (a declaration's or class field's type annotation:
 * `let searchParams: URLSearchParams`) or whose value resolves to no object literal
 * (`searchParams: this.searchParams`, a call) does not make a file's query objects possible.
 *
 * Not gated: a name written with escapes (`'\x26password='`, `'%70assword'`), which the rule reads
 * from the cooked string value, or with a separator inside one of its words (`pass_word` is
 * gated, `pa_ssword` is not), which no real code writes.
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
const QUOTE = new Set(["'", '"', '`']);

import { onCommentLine } from './js-scan.js';

function usesModule(text: string, modules: string): boolean {
  return new RegExp(`['"\`](?:${modules})(?:/[^'"\`\\n]*)?['"\`]`, 'u').test(text);
}

export function mayReport(text: string): boolean {
  let queryObjects: boolean | undefined;
  let searchParams: 'key' | 'write' | false | undefined;
  let equalsString: boolean | undefined;
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

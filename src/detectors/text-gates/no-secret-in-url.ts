/**
 * Text gate of `no-secret-in-url`. The rule reports a secret query parameter (`client_secret`,
 * `password`, `access_token`, `refresh_token`, `api_key`, compared in canonical form: any case, any
 * `_`/`-`) in four shapes; each needs the parameter's name written in the file, as a whole word:
 *
 * - a query string in a literal, template or concatenation: the name right after `?`, `&`, a
 *   quote or a template's `${…}`, and followed by `=` (checked locally);
 * - the same name held by a constant and joined to the `=` by concatenation (`'?' + NAME + '='`):
 *   the name as a quoted string, and a string that starts with `=` somewhere in the file;
 * - `url.searchParams.set(NAME, …)` / `.append`: the name as a string (literal or constant), and
 *   `searchParams` in the file;
 * - query objects (`searchParams: {…}`, axios `params: {…}`, superagent `.query({…})`): the name as
 *   a key anywhere (the object may be a constant declared elsewhere), and that option or call in a
 *   file that uses the client.
 *
 * Not gated: a name written with escapes (`'\x26password='`, `'%70assword'`), which the rule reads
 * from the cooked string value, or with a separator inside one of its words (`pass_word` is
 * gated, `pa_ssword` is not), which no real code writes.
 */

/** A secret parameter name as a whole word, with any separators and percent-encoded `_`/`-`. */
const SECRET_PARAMETER = /client(?:[-_]|%5f|%2d)*secret|pass(?:[-_]|%5f|%2d)*word|access(?:[-_]|%5f|%2d)*token|refresh(?:[-_]|%5f|%2d)*token|api(?:[-_]|%5f|%2d)*key/giu;
/** Separators around a name, which the canonical form drops. */
const SEPARATOR_BEFORE = /(?:[-_]|%5f|%2d)*$/iu;
const SEPARATOR_AFTER = /^(?:[-_]|%5f|%2d)*/iu;
/** Cheap first test: letters every secret parameter name contains. */
const HINT = /secret|pass|token|key/iu;
/** `searchParams` as an option key (`searchParams: {…}`, `{ searchParams }`) or written (`url.searchParams.set(…)`); not `searchParams?: Type`. */
const SEARCH_PARAMS_USE = /searchParams['"]?\s*(?:[:,}]|(?:\)\s*)?!?\s*\??\.\s*(?:set|append)\s*\()/gu;

function usesSearchParams(text: string): boolean {
  SEARCH_PARAMS_USE.lastIndex = 0;
  for (let match = SEARCH_PARAMS_USE.exec(text); match; match = SEARCH_PARAMS_USE.exec(text)) if (!onCommentLine(text, match.index)) return true;
  return false;
}
const BEFORE_QUERY_NAME = new Set(['?', '&', "'", '"', '`', '}']);
const QUOTE = new Set(["'", '"', '`']);

import { onCommentLine } from './js-scan.js';

function usesModule(text: string, modules: string): boolean {
  return new RegExp(`['"\`](?:${modules})(?:/[^'"\`\\n]*)?['"\`]`, 'u').test(text);
}

/** A secret parameter name ending right before an `=`, after `?`, `&`, a quote or a template's `}`. */
const NAME_BEFORE_EQUALS =
  /(?:^|[?&'"`}])(?:[-_]|%5f|%2d)*(?:client(?:[-_]|%5f|%2d)*secret|pass(?:[-_]|%5f|%2d)*word|access(?:[-_]|%5f|%2d)*token|refresh(?:[-_]|%5f|%2d)*token|api(?:[-_]|%5f|%2d)*key)(?:[-_]|%5f|%2d)*$/iu;

/** Last characters of a secret name with its separators: `t`, `n`, `d`, `y`, `_`, `-`, and `f`/`d` of `%5f`/`%2d`. */
function mayEndName(code: number): boolean {
  const lower = code | 32;
  return lower === 116 || lower === 110 || lower === 100 || lower === 121 || lower === 102 || code === 95 || code === 45;
}

export function mayReport(text: string): boolean {
  if (!HINT.test(text)) return false;
  // Query strings: walk the `=` signs (cheaper than a case-insensitive search for the names).
  let equalsString = false;
  for (let equals = text.indexOf('=', 1); equals !== -1; equals = text.indexOf('=', equals + 1)) {
    const code = text.charCodeAt(equals - 1);
    if (code === 39 || code === 34 || code === 96) equalsString ||= !/[\s=]/u.test(text[equals + 1] ?? ' ');
    else if (mayEndName(code) && NAME_BEFORE_EQUALS.test(text.slice(Math.max(0, equals - 40), equals))) return true;
  }
  const queryObjects =
    (text.includes('searchParams') && usesSearchParams(text)) || (/\bparams\b/u.test(text) && usesModule(text, 'axios')) || (/\.\s*query\s*\(/u.test(text) && usesModule(text, 'superagent|supertest'));
  if (!equalsString && !queryObjects) return false;
  SECRET_PARAMETER.lastIndex = 0;
  for (let match = SECRET_PARAMETER.exec(text); match; match = SECRET_PARAMETER.exec(text)) {
    // A whole word: separators may surround the name, letters and digits may not.
    const start = match.index - (SEPARATOR_BEFORE.exec(text.slice(Math.max(0, match.index - 12), match.index))?.[0].length ?? 0);
    const end = match.index + match[0].length + (SEPARATOR_AFTER.exec(text.slice(match.index + match[0].length, match.index + match[0].length + 12))?.[0].length ?? 0);
    const before = text[start - 1] ?? '';
    const after = text[end] ?? '';
    if (/[A-Za-z0-9$]/u.test(before) || /[A-Za-z0-9$]/u.test(after)) continue;
    if (queryObjects) return true;
    // A quoted name held by a constant and joined to a string that starts with `=`; not a
    // comparison (`'password' === input.type`) or an object key.
    if (QUOTE.has(after) && (QUOTE.has(before) || BEFORE_QUERY_NAME.has(before)) && !/^\s*[:=!]/u.test(text.slice(end + 1, end + 8)) && !/(?:[=!]=|case)\s*$/u.test(text.slice(Math.max(0, start - 9), start - 1))) {
      return true;
    }
  }
  return false;
}

/**
 * Text gate of `no-implicit-flow`. The rule reports a response type with `token` under a
 * `response_type`/`response_types` name (object key, `.set()`, query string: every spelling of the
 * name contains `response_type` in some case), and the catalogue's implicit-flow APIs, which need
 * the API's name and an import of its module. A reported response type holds the word `token`
 * split off by white space, `+` or `%20` (`issuesAccessToken`), so its source spells `token` after
 * a quote, white space, `+`, `%20`, `=` (a query string) or an escape, and before a quote, white
 * space, `+`, `%`, `&`, `#` or an escape: XHR's `responseType = 'json'` without such a word is
 * ruled out.
 */
import { FLOW_API_ROWS } from '../../catalogue/flows.js';
import { anchoredWords } from './anchors.js';
import { flowApiWords, mentionsResponseType } from './flow-text.js';

/** The catalogue rows the rule matches calls against. */
export const ROWS = FLOW_API_ROWS.filter((row) => row.pattern === 'implicit-flow');

const mayCallImplicitApi = anchoredWords(flowApiWords(ROWS));

/** A character that may stand before or after `token` in the source of such a value (white space as `split(/\s/)` reads it). */
const BEFORE_TOKEN = /^$|[\s'"`+0=]/u;
const AFTER_TOKEN = /^$|[\s'"`+%&#\\]/u;

/** Whether the text spells `token` as a word a response type value can split off. */
function mayHoldTokenWord(text: string): boolean {
  for (let at = text.indexOf('token'); at !== -1; at = text.indexOf('token', at + 5)) {
    const before = text[at - 1] ?? '';
    const after = text[at + 5] ?? '';
    // `\ttoken`: an escaped white space before the word.
    const escaped = text[at - 2] === '\\';
    if ((BEFORE_TOKEN.test(before) || escaped) && AFTER_TOKEN.test(after)) return true;
  }
  return false;
}

export function mayReport(text: string): boolean {
  return (mentionsResponseType(text) && mayHoldTokenWord(text)) || mayCallImplicitApi(text);
}

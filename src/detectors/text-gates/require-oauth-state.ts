/**
 * Text gate of `require-oauth-state`. The rule reports:
 * - hand-built authorization requests for a code without `state` (or with a constant one), which
 *   it reads only in a text naming `response_type` and which need `client_id`;
 * - hand-built requests without `response_type` to an authorization endpoint (`…/oauth/authorize`,
 *   `/o/oauth2/v2/auth`, `/dialog/oauth`, or a URL named `authorizeUrl`), which need `client_id`
 *   and `redirect_uri` or `scope` ({@link mayHaveEndpointRequest});
 * - Auth.js `checks: [...]` with `'none'` or without any of `'pkce'`, `'state'`, `'nonce'`;
 * - the catalogue's flow APIs without CSRF protection and calls that build an authorization URL
 *   (`STATE_ROWS`), which need the API's name and an import of its module.
 */
import { isIdentifierCharAt, rememberLast } from './anchors.js';
import { mayHaveAuthorizationRequest, redirectFlowTags } from './flow-text.js';

export { STATE_ROWS as ROWS } from './flow-text.js';

const QUOTES = '\'"`';

function isQuote(char: string): boolean {
  return char !== '' && QUOTES.includes(char);
}

function skipSpaceForward(text: string, at: number): number {
  let index = at;
  while (index < text.length && /\s/u.test(text.charAt(index))) index++;
  return index;
}

function skipSpaceBack(text: string, at: number): number {
  let index = at;
  while (index >= 0 && /\s/u.test(text.charAt(index))) index--;
  return index;
}

/** Whether `URL(` ends just before `at` (spaces aside): the argument of `new URL(…)`. */
function followsUrlCall(text: string, at: number): boolean {
  const end = skipSpaceBack(text, at - 1);
  return text.startsWith('URL(', end - 3);
}

/**
 * How a URL path that ends at `at` (after its last segment, and one trailing `/`) may be read by
 * the rule: `'query'` when a `?` follows in the same string, `'read'` when its string is completed
 * where it is written (`'…/authorize' + '?…'`, `new URL('…/authorize')`), `'constant'` when it
 * ends a string without `${…}` (a constant that `${AUTHORIZE_URL}?…` may use), undefined otherwise.
 */
function pathUse(text: string, end: number): 'query' | 'read' | 'constant' | undefined {
  let at = end;
  if (text.charAt(at) === '/') at++;
  const char = text.charAt(at);
  if (char === '?') return 'query';
  if (!isQuote(char)) return undefined;
  if (text.charAt(skipSpaceForward(text, at + 1)) === '+') return 'read';
  // The opening quote, within the line; a `}` on the way is the end of a template's `${…}`.
  let open = at - 1;
  let interpolated = false;
  while (open >= 0 && open > at - 2000 && text.charAt(open) !== char && text.charAt(open) !== '\n') {
    if (text.charAt(open) === '}') interpolated = true;
    open--;
  }
  if (text.charAt(open) !== char) return 'read';
  if (followsUrlCall(text, open)) return 'read';
  return interpolated ? undefined : 'constant';
}

/** Whether the text joins a query to a URL held elsewhere: `${url}?`, `+ '?…'`, `new URL(…)`. */
function joinsQuery(text: string): boolean {
  return text.includes('}?') || text.includes("'?") || text.includes('"?') || text.includes('`?') || text.includes('URL(');
}

const AUTHORIZE_WORD = /authori[sz](?:e|ation)(?:\.[a-z]+)?/y;
const OAUTH_PREFIX = /oauth2?0?$/u;

/**
 * Whether the text has a URL path that `isAuthorizationEndpointPath` (src/util/oauth-requests.ts)
 * may accept where the rule reads one ({@link pathUse}): a last segment `authorize`/`authorization`
 * (after `/`, or `oauth_`…), `auth` or `request_auth` with an `oauth`/`openid-connect` in the text,
 * or `oauth`/`oauth2` with a `dialog`/`connect`. Found through `auth`.
 */
function mentionsEndpointPath(text: string): boolean {
  let constant = false;
  let oauthSegment: boolean | undefined;
  let dialogSegment: boolean | undefined;
  for (let at = text.indexOf('auth'); at !== -1; at = text.indexOf('auth', at + 4)) {
    const before = text.charAt(at - 1);
    let end: number;
    if (text.charCodeAt(at + 4) === 0x6f /* o */) {
      if (before !== '/' && !(before === '_' && OAUTH_PREFIX.test(text.slice(Math.max(0, at - 8), at - 1)))) continue;
      AUTHORIZE_WORD.lastIndex = at;
      if (!AUTHORIZE_WORD.test(text)) continue;
      end = AUTHORIZE_WORD.lastIndex;
    } else if (before === 'o') {
      if (text.charAt(at - 2) !== '/') continue;
      end = text.charCodeAt(at + 4) === 0x32 /* 2 */ ? at + 5 : at + 4;
      if (!(dialogSegment ??= text.includes('dialog') || text.includes('connect'))) continue;
    } else {
      if (before !== '/' && !(before === '_' && text.startsWith('request', at - 8))) continue;
      end = at + 4;
      if (!(oauthSegment ??= text.includes('oauth') || text.includes('openid-connect'))) continue;
    }
    const use = pathUse(text, end);
    if (use === 'query' || use === 'read') return true;
    if (use === 'constant') constant = true;
  }
  return constant && joinsQuery(text);
}

const NAME_TAIL = /(?:[sz]e|[sz]ation)[_-]?(?:endpoint|ur[il])/iy;

/**
 * Whether the text has a name that `isAuthorizationEndpointName` accepts (`authorizeUrl`,
 * `AUTHORIZE_URL`, `authorization_endpoint`) where the rule reads one: before `}?` (a template's
 * `${…}?`), `+ '?` (a concatenation), or as the argument of `new URL(…)`.
 */
function mentionsEndpointName(text: string): boolean {
  for (const needle of ['uthori', 'UTHORI']) {
    for (let at = text.indexOf(needle); at !== -1; at = text.indexOf(needle, at + 6)) {
      NAME_TAIL.lastIndex = at + 6;
      if (!NAME_TAIL.test(text) || isIdentifierCharAt(text, NAME_TAIL.lastIndex)) continue;
      let end = NAME_TAIL.lastIndex;
      while (end < text.length && /[\s'"`\])]/u.test(text.charAt(end))) end++;
      const next = text.charAt(end);
      if (next === '}' && text.charAt(end + 1) === '?') return true;
      if (next === '+' && isQuote(text.charAt(skipSpaceForward(text, end + 1))) && text.charAt(skipSpaceForward(text, end + 1) + 1) === '?') return true;
      // `new URL(authorizeUrl)`, `new URL(config.authorization_endpoint)`: back over the expression.
      let start = at - 1;
      while (start >= 0 && /[\w$.'"`[\]]/u.test(text.charAt(start))) start--;
      if (followsUrlCall(text, start + 1)) return true;
    }
  }
  return false;
}

/**
 * An authorization request told by its endpoint rather than by `response_type`: `client_id`, and
 * `redirect_uri` or `scope` (the rule needs these names as written, as providers do), and an
 * endpoint path or name.
 */
export const mayHaveEndpointRequest = rememberLast(
  (text) =>
    // `_id` first: a search for `_` is several times faster than one for `client_id`, and rare enough.
    text.includes('_id') &&
    text.includes('client_id') &&
    (text.includes('redirect_uri') || text.includes('scope')) &&
    (mentionsEndpointPath(text) || mentionsEndpointName(text)),
);

export function mayReport(text: string): boolean {
  if (mayHaveAuthorizationRequest(text)) return true;
  const tags = redirectFlowTags(text);
  return tags.has('state-checks') || tags.has('state-api') || mayHaveEndpointRequest(text);
}

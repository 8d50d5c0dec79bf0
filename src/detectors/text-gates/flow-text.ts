/**
 * Text tests shared by the gates of the OAuth flow rules (`require-pkce`, `require-oauth-state`,
 * `no-implicit-flow`, `no-password-grant`, `no-offline-access-with-client-credentials`): the
 * request parameter names they read, Auth.js `checks` arrays, and the catalogue's flow APIs.
 *
 * Parameter names are compared by the rules in canonical form (`grant_type`, `grantType`,
 * `GRANT-TYPE` are one name); the tests here accept each word in any case with `_`/`-` (or
 * nothing) between the words.
 */
import { AUTHJS_CHECK_NAMES, FLOW_API_ROWS, type FlowApiRow, type FlowPattern } from '../../catalogue/flows.js';
import { isIdentifierCharAt, isWholeWord, rememberLast, taggedWords, word, type AnchoredWord, type Findable } from './anchors.js';

const RESPONSE_TYPE = /response[_-]?type/iy;

/** `ype`/`YPE` of a response-type name at `index`: `response_type` has it 10 characters in, `responseType` 9. */
function responseTypeAround(text: string, index: number): boolean {
  // Cheap first: `response` ends in `e`, then maybe `_`/`-`, then `t`; most `type`s (`typeof`) fail here.
  const before = text.charCodeAt(index - 2);
  if (before !== 0x5f && before !== 0x2d && (before | 0x20) !== 0x65) return false;
  for (const back of [10, 9]) {
    if (index < back) continue;
    RESPONSE_TYPE.lastIndex = index - back;
    if (RESPONSE_TYPE.test(text)) return true;
  }
  return false;
}

function someIndex(text: string, needle: string, test: (index: number) => boolean): boolean {
  for (let index = text.indexOf(needle); index !== -1; index = text.indexOf(needle, index + 1)) if (test(index)) return true;
  return false;
}

/**
 * Whether the text names `response_type` (`/response[_-]?type/i`, the test the flow rules
 * themselves run before reading any hand-built authorization request) with `type` written `type`,
 * `Type` or `TYPE`. Found through `ype`/`YPE` (`y` is the rarest letter of the name).
 */
export const mentionsResponseType = rememberLast(
  (text) => someIndex(text, 'ype', (index) => responseTypeAround(text, index)) || someIndex(text, 'YPE', (index) => responseTypeAround(text, index)),
);

/** Whether the text names `client_id` in any spelling (an authorization request needs it, RFC 6749 §4.1.1). */
export const mentionsClientId = rememberLast((text) => /client[_-]*id/iu.test(text));

/**
 * A hand-built authorization request for a code: the flow rules read one only in a text that names
 * `response_type`, and report it only when it also has `client_id`.
 */
export const mayHaveAuthorizationRequest = rememberLast((text) => mentionsResponseType(text) && mentionsClientId(text));

const CHALLENGE_METHOD = /challenge[_-]*method/iy;
const CODE_BEFORE = /code[_-]*$/iu;

/**
 * Whether the text names `code_challenge_method` with `challenge` written `challenge`,
 * `Challenge` or `CHALLENGE` (found through `hallen`/`HALLEN`).
 */
export const mentionsCodeChallengeMethod = rememberLast((text) => {
  const at = (index: number): boolean => {
    CHALLENGE_METHOD.lastIndex = index - 1;
    return index >= 1 && CHALLENGE_METHOD.test(text) && CODE_BEFORE.test(text.slice(Math.max(0, index - 7), index - 1));
  };
  return someIndex(text, 'hallen', at) || someIndex(text, 'HALLEN', at);
});

/** Whether the text names `grant_type` in any spelling. */
export const mentionsGrantType = rememberLast((text) => /grant[_-]*type/iu.test(text));

function skipSpace(text: string, index: number): number {
  let at = index;
  while (at < text.length && /\s/u.test(text.charAt(at))) at++;
  return at;
}

/** Whether a comment starts at `index` (`//` or `/*`); another `/` is a division or a regular expression. */
function commentAt(text: string, index: number): boolean {
  const next = text.charAt(index + 1);
  return next === '/' || next === '*';
}

/**
 * The Auth.js `checks` array after a `checks` key at `start`, read the way `readAuthJsChecks` reads
 * its AST: `'unknown'` when the text around is not plain enough to tell (a comment, a type
 * assertion, parentheses, an escape), `undefined` when the rule would not read it as checks (not
 * a key, not an array of string literals of Auth.js check names, or empty).
 */
export function readChecksAt(text: string, start: number): readonly string[] | 'unknown' | undefined {
  if (isIdentifierCharAt(text, start - 1)) return undefined;
  let at = start + 'checks'.length;
  const quote = text.charAt(at);
  if (quote === "'" || quote === '"' || quote === '`') at++;
  else if (isIdentifierCharAt(text, at)) return undefined;
  // `['checks']: […]`
  if (text.charAt(at) === ']') at++;
  at = skipSpace(text, at);
  // A comment between the key and its value is not read here; any other `/` (`'./apis/checks/v1'`,
  // a division) makes no key.
  if (text.charAt(at) === '/') return commentAt(text, at) ? 'unknown' : undefined;
  if (text.charAt(at) !== ':') return undefined;
  at = skipSpace(text, at + 1);
  const open = text.charAt(at);
  if (open === '(' || open === '<' || (open === '/' && commentAt(text, at))) return 'unknown';
  if (open !== '[') return undefined;
  const checks: string[] = [];
  at++;
  for (;;) {
    at = skipSpace(text, at);
    const char = text.charAt(at);
    if (char === '/') return commentAt(text, at) ? 'unknown' : undefined;
    if (char === ']') break;
    if (char !== "'" && char !== '"') return undefined;
    const end = text.indexOf(char, at + 1);
    if (end < 0) return undefined;
    const value = text.slice(at + 1, end);
    if (value.includes('\\')) return 'unknown';
    if (!AUTHJS_CHECK_NAMES.includes(value)) return undefined;
    checks.push(value);
    at = skipSpace(text, end + 1);
    const next = text.charAt(at);
    if (next === ',') at++;
    else if (next === '/') return commentAt(text, at) ? 'unknown' : undefined;
    else if (next !== ']') return undefined;
  }
  return checks.length === 0 ? undefined : checks;
}

/** Auth.js `checks: [...]` arrays for which `reports(checks)` holds (unclear text counts), for `anchoredWords`. */
export function authJsChecksWord(reports: (checks: readonly string[]) => boolean, tag?: string): Findable {
  return word(
    {
      word: 'checks',
      accept: (text, start) => {
        const checks = readChecksAt(text, start);
        return checks === 'unknown' || (checks !== undefined && reports(checks));
      },
    },
    tag,
  );
}

/**
 * Whether `module` (or a subpath) is written as a quoted module specifier at `start`, as in an
 * import, a `require` or an `import()`: the only ways `resolveImportedName` and `mentionsModule`
 * see a module.
 */
export function isQuotedSpecifierAt(text: string, start: number, module: string): boolean {
  let before = start - 1;
  if (text.startsWith('node:', start - 5)) before = start - 6;
  const open = text.charAt(before);
  if (open !== "'" && open !== '"' && open !== '`') return false;
  const after = text.charAt(start + module.length);
  return after === open || after === '/';
}

function mentionsSpecifier(text: string, module: string): boolean {
  return someIndex(text, module, (index) => isQuotedSpecifierAt(text, index, module));
}

function mentionsWord(text: string, word: string): boolean {
  return someIndex(text, word, (index) => isWholeWord(text, index, word));
}

/** The names a call must use to match a row: the method (and its receiver) or the last export path segment. */
export function flowApiNames(row: FlowApiRow): string[] {
  const name = row.method ?? row.path?.at(-1);
  return [...(name === undefined ? [] : [name]), ...(row.receiver === undefined ? [] : [row.receiver])];
}

/**
 * What a call of some catalogue flow API needs in the text: the row's module as a quoted
 * specifier and the row's API name (method, receiver, or last export path segment) as a whole
 * word. Each row can be found through one of its names or through its modules, whichever the
 * scan anchors more cheaply (a name like `callback` is everywhere in bundles, `openid-client` is
 * not); the rest is checked around the hit. Built from the rows, so a new catalogue row is gated
 * with no change here.
 */
export function flowApiWords(rows: readonly FlowApiRow[], tag?: string): Findable[] {
  return rows.map((row) => {
    const names = flowApiNames(row);
    // Asked once per text, however many hits the anchor has.
    const hasModule = rememberLast((text) => row.modules.some((module) => mentionsSpecifier(text, module)));
    const hasNames = rememberLast((text) => names.every((name) => mentionsWord(text, name)));
    const byName = names.map((name): AnchoredWord[] => [{ word: name, accept: (text, start) => isWholeWord(text, start, name) && hasNames(text) && hasModule(text) }]);
    const byModule = row.modules.map((module): AnchoredWord => ({ word: module, accept: (text, start) => isQuotedSpecifierAt(text, start, module) && hasNames(text) }));
    return { alternatives: [...byName, byModule], ...(tag === undefined ? {} : { tag }) };
  });
}

/** The catalogue rows of some flow patterns. */
export function rowsOf(...patterns: readonly FlowPattern[]): FlowApiRow[] {
  return FLOW_API_ROWS.filter((row) => patterns.includes(row.pattern));
}

/** The rows `require-pkce` matches calls against: APIs without PKCE, and calls that build an authorization URL. */
export const PKCE_ROWS = rowsOf('no-pkce', 'authorization-url');
/** The rows `require-oauth-state` matches calls against: APIs without CSRF protection, and calls that build an authorization URL. */
export const STATE_ROWS = rowsOf('no-state', 'authorization-url');

const CSRF_PROTECTIONS = ['pkce', 'state', 'nonce'];

/**
 * One scan for the two redirect-flow rules (`require-pkce`, `require-oauth-state`), which look for
 * much the same words: which of them may report Auth.js `checks` or a catalogue API call.
 * Tags: `pkce-checks`, `pkce-api`, `state-checks`, `state-api`.
 */
export const redirectFlowTags = rememberLast(
  taggedWords([
    authJsChecksWord((checks) => !checks.includes('pkce'), 'pkce-checks'),
    authJsChecksWord((checks) => checks.includes('none') || !checks.some((check) => CSRF_PROTECTIONS.includes(check)), 'state-checks'),
    ...flowApiWords(PKCE_ROWS, 'pkce-api'),
    ...flowApiWords(STATE_ROWS, 'state-api'),
  ]),
);

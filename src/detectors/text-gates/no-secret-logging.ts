/**
 * Text gate of `no-secret-logging`. The rule reports a value written by a log call or put into an
 * error, so the gate looks at the argument lists of those calls only:
 *
 * - sinks: `console.*`, a method of a receiver named like a logger (`logger`, `log`, `this.logger`,
 *   `req.log`, `appLogger`; or any receiver behind `)`/`]`, since `(logger as Logger).info(…)`
 *   and `this['logger'].info(…)` hide its name), `util.inspect`, `process.stdout/stderr.write`,
 *   `debug(…)`, `inspect(…)`, `new XError(…)` / `XError(…)`, and the names bound to a `debug`
 *   logger (`const log = createDebug('pos')` in a file that imports the `debug` module);
 * - in each argument list (scanned to its matching parenthesis), a name `classifySecretName` calls
 *   a credential (identifier, member, key, env-var name), or an awaited token call (a token API such
 *   as `grant()` / `acquireToken…()`, or `fetch` / `.post` / `.request` / `.json()`);
 * - otherwise an identifier of the argument list whose declaration's initializer may hold a secret
 *   (a credential name, a token API, or an HTTP call in a file that names a token endpoint): the
 *   rule follows `const x = …` and destructuring (`const { data } = await axios.post(tokenUrl)`),
 *   so the gate looks up the declarations of those identifiers only.
 *
 * The `allow` option is not read: accepting fewer loggers can only make the rule report less.
 */
import { classifySecretName } from '../names.js';
import { onCommentLine, scanRegion, type ScannedWord } from './js-scan.js';

/** Methods of the rule's console and logger sinks, and `write` / `inspect`. */
const SINK_METHODS = new Set([
  'log', 'info', 'debug', 'warn', 'error', 'trace', 'dir', 'dirxml', 'table', 'group', 'groupCollapsed', 'assert', 'warning', 'fatal', 'verbose', 'silly', 'http', 'notice',
  'critical', 'crit', 'alert', 'emerg', 'success', 'write', 'inspect',
]);
/** Receivers that are loggers by name (the rule's `LOGGER_NAME`), and the other receivers of sink methods. */
const LOGGER_NAME = /^(?:_*(?:logger|log|logging|console)|\w*Logger)$/iu;
const OTHER_RECEIVERS = new Set(['util', 'stdout', 'stderr']);
const ERROR_NAME = /^(?:[A-Z]\w*)?Error$/u;
/** The rule's token APIs (`TOKEN_API_METHODS`) and the HTTP calls whose response may be a token response. */
const TOKEN_CALL =
  /^(?:acquireToken\w*|getToken|getAccessToken|getTokenSilently|refreshAccessToken|refreshToken|clientCredentials|clientCredentialsGrant|authorizationCodeGrant|refreshTokenGrant|grant|genericGrantRequest|requestToken|fetchToken|exchangeCode\w*|fetch|post|request|json)$/u;
const TOKEN_API = /^(?:acquireToken\w*|getToken|getAccessToken|getTokenSilently|refreshAccessToken|refreshToken|clientCredentials|clientCredentialsGrant|authorizationCodeGrant|refreshTokenGrant|grant|genericGrantRequest|requestToken|fetchToken|exchangeCode\w*)$/u;
/** Token endpoints as the rule recognises them: a `…/token` path or a `tokenUrl`-like name. */
const TOKEN_ENDPOINT_HINT = /token[-_]?(?:ur[il]|endpoint)|\/(?:v\d\/)?token\b|['"`]token['"`]/iu;
/** Letters without which `classifySecretName` finds no credential (a cheap test before it). */
const CREDENTIAL_LETTERS = /secret|pass|pwd|token|bearer|authoriz|pat|key/iu;
const NOT_VALUES = new Set([
  'this', 'true', 'false', 'null', 'undefined', 'new', 'typeof', 'await', 'function', 'return', 'void', 'in', 'of', 'instanceof', 'delete', 'async', 'yield', 'class', 'super',
  'let', 'const', 'var', 'if', 'else', 'for', 'while', 'do', 'switch', 'case', 'break', 'continue', 'throw', 'try', 'catch', 'finally', 'as', 'satisfies', 'keyof', 'string',
  'number', 'boolean', 'any', 'unknown', 'never', 'object', 'JSON', 'String', 'Object', 'Array', 'Number', 'Math', 'Date', 'console', 'process', 'window', 'globalThis',
]);
/** A member read right after a word: `.type`, `?.value`, `!.length`. */
const READ_AFTER = /^\s*!?\s*\??\.\s*([\w$]+)/u;
/** The rule's `TRANSPARENT_METHODS`: members that keep the whole value. */
const TRANSPARENT_METHODS = new Set(['toString', 'trim', 'toJSON', 'valueOf', 'concat', 'normalize']);
/** The `debug` module as a quoted specifier. */
const DEBUG_MODULE = /['"`]debug['"`]/gu;

/**
 * Names a `debug` logger may be bound to: `const log = createDebug('pos')` where `createDebug` is
 * imported from `debug` (any name of the `import` / `require` statement before the specifier, up
 * to 200 characters, counts as such an import), and `const log = anything('debug')('pos')`.
 */
function debugLoggerNames(text: string): Set<string> {
  const names = new Set<string>();
  if (!text.includes('debug')) return names;
  const factories = new Set<string>();
  let quoted = false;
  DEBUG_MODULE.lastIndex = 0;
  for (let match = DEBUG_MODULE.exec(text); match; match = DEBUG_MODULE.exec(text)) {
    quoted = true;
    // The import or require statement the specifier ends: back to the previous `;`.
    const window = text.slice(Math.max(0, match.index - 200), match.index);
    const statement = window.slice(window.lastIndexOf(';') + 1);
    if (!/\b(?:import|require)\b/u.test(statement)) continue;
    for (const word of statement.match(/[A-Za-z_$][\w$]*/gu) ?? []) factories.add(word);
  }
  if (!quoted) return names;
  // Without an import of it, only `anything('debug')(…)` binds a logger: look for that first.
  if (factories.size === 0 && !/\(\s*['"`]debug['"`]\s*\)\s*\(/u.test(text)) return names;
  const factory = [...factories].map((name) => name.replace(/\$/gu, '\\$')).join('|');
  const binding = new RegExp(`([A-Za-z_$][\\w$]*)\\s*=\\s*(?:${factory === '' ? '' : `(?:${factory})(?:\\s*\\.\\s*[\\w$]+)?|`}[\\w$.]*\\(\\s*['"\`]debug['"\`]\\s*\\))\\s*\\(`, 'gu');
  for (let match = binding.exec(text); match; match = binding.exec(text)) names.add(match[1] ?? '');
  return names;
}

function isWordCode(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57) || code === 95 || code === 36;
}

function isSpace(code: number): boolean {
  return code === 32 || code === 9 || code === 10 || code === 13;
}

function skipSpaceBack(text: string, index: number): number {
  let at = index;
  while (at >= 0 && isSpace(text.charCodeAt(at))) at--;
  return at;
}

/** Start of the word that ends at `end` (inclusive), or `end + 1` when there is none. */
function wordStartBack(text: string, end: number): number {
  let at = end;
  while (at >= 0 && isWordCode(text.charCodeAt(at))) at--;
  return at + 1;
}

export function credentialWord(word: string): boolean {
  if (word.length > 200 || !CREDENTIAL_LETTERS.test(word)) return false;
  const kind = classifySecretName(word)?.kind;
  return kind !== undefined && kind !== 'client-id';
}

/** What an argument list or an initializer holds, as far as the gate cares. */
interface Contents {
  credential: boolean;
  tokenApi: boolean;
  httpCall: boolean;
  awaited: boolean;
}

function collect(text: string, open: number, closer: string, identifiers: Set<string> | undefined, words: Contents, expression = false): number {
  return scanRegion(
    text,
    open,
    closer,
    (scanned: ScannedWord) => {
    const { word } = scanned;
    if (scanned.kind === 'string') {
      // A string is a name only as a key (`{ 'client_secret': … }`), a computed member
      // (`process.env['API_KEY']`) or the argument of `Deno.env.get('API_KEY')`; a string value
      // (`'INVALID_TOKEN'`) is not a secret the rule follows.
      if (word.length > 100 || /\s/u.test(word) || !credentialWord(word)) return;
      const after = /^\s*[:\]]/u.test(text.slice(scanned.index + word.length + 1, scanned.index + word.length + 20));
      if (after || /get\s*\(\s*$/u.test(text.slice(Math.max(0, scanned.index - 20), scanned.index - 1))) words.credential = true;
      return;
    }
    if (credentialWord(word)) {
      // `token.type`: the object of a member read is not the logged value, unless the member
      // keeps the whole value (`token.toString()`, `secret.trim()`).
      const next = READ_AFTER.exec(text.slice(scanned.index + word.length, scanned.index + word.length + 40));
      if (!next || TRANSPARENT_METHODS.has(next[1] ?? '')) words.credential = true;
    } else if (word === 'await') words.awaited = true;
    else if (TOKEN_CALL.test(word)) {
      if (TOKEN_API.test(word)) words.tokenApi = true;
      else words.httpCall = true;
    } else if (!scanned.member && identifiers && !NOT_VALUES.has(word) && !/^\d/u.test(word)) identifiers.add(word);
    },
    expression,
  );
}

/** Whether the callee before the `(` at `open` is one of the rule's sinks. */
function isSink(text: string, open: number, debugLoggers: ReadonlySet<string>): boolean {
  let end = skipSpaceBack(text, open - 1);
  // An optional call: `logger.info?.(…)`.
  if (text.charCodeAt(end) === 46 && text.charCodeAt(end - 1) === 63) end = skipSpaceBack(text, end - 2);
  const last = text[end];
  if (last === '>') {
    // Type arguments: `logger.info<Payload>(…)`, `new ApiError<Body>(…)`.
    if (text[end - 1] === '=') return false;
    const window = text.slice(Math.max(0, end - 200), end);
    const less = window.lastIndexOf('<');
    if (less === -1) return false;
    end = skipSpaceBack(text, end - window.length + less - 1);
  } else if (last === ']') {
    // `logger['info'](…)`: a computed method name.
    const computed = /\[\s*['"`]([\w$]+)['"`]\s*\]$/u.exec(text.slice(Math.max(0, end - 60), end + 1));
    return computed !== null && SINK_METHODS.has(computed[1] ?? '');
  }
  const start = wordStartBack(text, end);
  if (start > end) return false;
  const before = skipSpaceBack(text, start - 1);
  const member = text.charCodeAt(before) === 46;
  if (!member && debugLoggers.size === 0) {
    // Only `debug`, `inspect` and `…Error` (ending in `g`, `t`, `r`) can be sinks: decide on the last letter first.
    const last = text.charCodeAt(end);
    if (last !== 103 && last !== 116 && last !== 114) return false;
  }
  const word = text.slice(start, end + 1);
  if (!member) return word === 'debug' || word === 'inspect' || (word.endsWith('Error') && ERROR_NAME.test(word)) || debugLoggers.has(word);
  if (!SINK_METHODS.has(word)) return false;
  // The receiver: its last name, or an expression behind `)` / `]` (type assertions, computed members).
  let receiverEnd = skipSpaceBack(text, before - 1);
  if (text[receiverEnd] === '?') receiverEnd = skipSpaceBack(text, receiverEnd - 1);
  if (text[receiverEnd] === '!') receiverEnd = skipSpaceBack(text, receiverEnd - 1);
  const receiverLast = text[receiverEnd];
  if (receiverLast === ')' || receiverLast === ']') return true;
  const receiver = text.slice(wordStartBack(text, receiverEnd), receiverEnd + 1);
  return LOGGER_NAME.test(receiver) || OTHER_RECEIVERS.has(receiver);
}

/**
 * Whether one of `identifiers` is declared with an initializer that may hold a secret. Walks the
 * `=` of the file; for a declaration of one of them (also with a type annotation or a
 * destructuring pattern), reads the initializer up to the end of the expression.
 */
function declaresSecret(text: string, identifiers: ReadonlySet<string>): boolean {
  let tokenEndpoint: boolean | undefined;
  for (let equals = text.indexOf('='); equals !== -1; equals = text.indexOf('=', equals + 1)) {
    const next = text.charCodeAt(equals + 1);
    if (next === 61 || next === 62) {
      equals++;
      continue;
    }
    const end = skipSpaceBack(text, equals - 1);
    const code = text.charCodeAt(end);
    let candidate = false;
    // `} =`: an object pattern (the rule follows `const { data } = await …`; it does not follow
    // array patterns, so `] =` — also every `obj[key] =` — is not a candidate).
    if (code === 125) candidate = true;
    else if (isWordCode(code)) {
      const start = wordStartBack(text, end);
      if (identifiers.has(text.slice(start, end + 1))) candidate = true;
      else {
        // `const data: TokenResponse = …`: the word before `=` is a type.
        const before = text[skipSpaceBack(text, start - 1)];
        if (before === ':' || before === '|' || before === '&' || before === '.' || before === '>') {
          const declared = /(?:const|let|var)\s+([\w$]+)\s*[:!]?[^=;]*$/u.exec(text.slice(Math.max(0, equals - 300), equals));
          candidate = declared !== null && identifiers.has(declared[1] ?? '');
        }
      }
    } else if (code === 62 || code === 41) {
      // `const x: Map<string, Token> = …`, `const x: (A | B) = …`
      const declared = /(?:const|let|var)\s+([\w$]+)\s*[:!][^=;]*$/u.exec(text.slice(Math.max(0, equals - 300), equals));
      candidate = declared !== null && identifiers.has(declared[1] ?? '');
    }
    if (!candidate) continue;
    const contents: Contents = { credential: false, tokenApi: false, httpCall: false, awaited: false };
    collect(text, equals + 1, ')', undefined, contents, true);
    if (contents.credential || contents.tokenApi) return true;
    if (contents.httpCall && (tokenEndpoint ??= TOKEN_ENDPOINT_HINT.test(text))) return true;
  }
  return false;
}

export function mayReport(text: string): boolean {
  const debugLoggers = debugLoggerNames(text);
  const identifiers = new Set<string>();
  let scannedUntil = 0;
  for (let open = text.indexOf('('); open !== -1; open = text.indexOf('(', open + 1)) {
    if (open < scannedUntil || !isSink(text, open, debugLoggers) || onCommentLine(text, open)) continue;
    const contents: Contents = { credential: false, tokenApi: false, httpCall: false, awaited: false };
    scannedUntil = collect(text, open + 1, ')', identifiers, contents);
    if (contents.credential || (contents.awaited && (contents.tokenApi || contents.httpCall))) return true;
  }
  return identifiers.size > 0 && declaresSecret(text, identifiers);
}

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
 *   as `grant()` / `acquireToken…()`, or `fetch` / `.post` / `.request` / `.json()`, as a callee:
 *   `request.timeout` is no call);
 * - otherwise an identifier of the argument list, read as a whole value (not `Names.X`, `list[0]`,
 *   `f(…)`), whose declaration's initializer may hold a secret: the rule follows `const x = …` to a
 *   token call, an env read of a credential name or an object literal with a credential key, and
 *   an object pattern (`const { data } = await axios.post(tokenUrl)`) that binds it to a token
 *   call, so the gate looks up the declarations of those identifiers only, and asks that much of
 *   their initializers.
 *
 * Shapes the rule never reports, which no longer let a file through: an upper-case member of an
 * upper-case object (`ManagedIdentityEnvironmentVariableNames.MSI_SECRET`, the rule's enum-like
 * constants), the test of a conditional (`new TypeError(secret ? 'a' : 'b')`), a method of a
 * receiver that is a call's result (`getTracer().trace(…)`: the rule names identifier and member
 * receivers only), a `}` before `=` that closes a template expression (`${key}=`) or a pattern
 * binding none of the logged names, a credential word that is no key of an object-literal
 * initializer (`{ source: this.currToken[3] }`).
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
/** `res.data`, `res.body`: the rule follows the body of a response bound to a token call. */
const RESPONSE_BODY = /^\s*!?\s*\??\.\s*(?:data|body)(?![\w$])/u;
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

/**
 * Whether the member `word` at `index` is `Name.WORD` with an upper-case `WORD` and an object whose
 * last name (right before the `.` / `?.`) starts upper-case: the rule's enum-like constants
 * (`ClientAuthErrorCodes.MISSING_TOKEN`), which it never reports. An object behind `)`, `]` or
 * `!` is not a name the rule reads, so it does not count.
 */
function isEnumLikeMember(text: string, index: number, word: string): boolean {
  if (!/^[A-Z][A-Z0-9_]*$/u.test(word)) return false;
  let at = skipSpaceBack(text, index - 1);
  if (text.charCodeAt(at) !== 46) return false;
  at = skipSpaceBack(text, text.charCodeAt(at - 1) === 63 ? at - 2 : at - 1);
  const start = wordStartBack(text, at);
  if (start > at) return false;
  const first = text.charCodeAt(start);
  return first >= 65 && first <= 90;
}

function skipSpace(text: string, index: number): number {
  let at = index;
  while (at < text.length && isSpace(text.charCodeAt(at))) at++;
  return at;
}

/**
 * Whether the word at `index`, followed by the character `following`, may be an object key: `word:`,
 * a method `word(`, a shorthand `{ word }` / `, word,`. Conditionals (`a ? word : b`) pass too.
 */
function isKeyPosition(text: string, index: number, following: number): boolean {
  if (following === 58) return true;
  const previous = text.charCodeAt(skipSpaceBack(text, index - 1));
  if (following === 40) return previous === 123 || previous === 44 || previous === 42 || isWordCode(previous);
  return (following === 44 || following === 125) && (previous === 123 || previous === 44);
}

/**
 * Whether the word at `[start, end)` may be the callee of a call (the rule's token calls are calls
 * of that name, not reads of it: `request.timeout` is no call): followed by `(`, type arguments,
 * `?.(`, `!`, `as` / `satisfies`, a comment, or `)` closing parentheses opened right before it
 * (`(fetch)(url)`).
 */
function mayBeCallee(text: string, start: number, end: number): boolean {
  const after = skipSpace(text, end);
  const code = text.charCodeAt(after);
  if (code === 40 || code === 60 || code === 63 || code === 33 || code === 47) return true;
  if (code === 41) return text.charCodeAt(skipSpaceBack(text, start - 1)) === 40 && text.charCodeAt(skipSpace(text, after + 1)) === 40;
  return text.startsWith('as', after) || text.startsWith('satisfies', after);
}

/**
 * Whether a name ending at `end` is read as a whole value: not the object of a member read
 * (`Names.MSI_SECRET`, `list[0]`; a transparent method such as `.toString()` keeps the value), not
 * a callee, not a template tag. The rule follows the declaration of a logged identifier only.
 */
function isWholeValue(text: string, end: number): boolean {
  const after = skipSpace(text, end);
  const code = text.charCodeAt(after);
  if (code === 91 || code === 40 || code === 96) return false;
  if (code !== 46 && code !== 63 && code !== 33) return true;
  const next = READ_AFTER.exec(text.slice(end, end + 40));
  return !next || TRANSPARENT_METHODS.has(next[1] ?? '');
}

/** What an argument list or an initializer holds, as far as the gate cares. */
interface Contents {
  credential: boolean;
  /** A credential name in the position of an object key (`secret:`, `{ secret }`, `'api_key':`, `password() {`). */
  credentialKey?: boolean;
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
      // (`'INVALID_TOKEN'`) is not a secret the rule follows. A computed method name is a callee
      // as the rule reads it (`client['grant'](params)`).
      if (TOKEN_CALL.test(word) && /^\s*\]\s*(?:\?\.\s*)?\(/u.test(text.slice(scanned.index + word.length + 1, scanned.index + word.length + 20))) {
        if (TOKEN_API.test(word)) words.tokenApi = true;
        else words.httpCall = true;
      }
      if (word.length > 100 || /\s/u.test(word) || !credentialWord(word)) return;
      // A key (`'api_key': v`, a method `'password'() {}`) or a computed member or key (`['password']`).
      const after = /^\s*[:\](]/u.test(text.slice(scanned.index + word.length + 1, scanned.index + word.length + 20));
      if (after) words.credential = words.credentialKey = true;
      else if (/get\s*\(\s*$/u.test(text.slice(Math.max(0, scanned.index - 20), scanned.index - 1))) words.credential = true;
      return;
    }
    if (TOKEN_CALL.test(word) && mayBeCallee(text, scanned.index, scanned.index + word.length)) {
      if (TOKEN_API.test(word)) words.tokenApi = true;
      else words.httpCall = true;
    }
    if (credentialWord(word)) {
      // `EnvVarNames.MSI_SECRET`: the rule takes an upper-case member of an object whose name
      // starts upper-case for a constant of an enum-like object (an env object is `…env`).
      if (scanned.member && isEnumLikeMember(text, scanned.index, word)) return;
      const end = scanned.index + word.length;
      const after = skipSpace(text, end);
      const following = text.charCodeAt(after);
      // `secret ? a : b`: the rule follows the branches of a conditional, not its test.
      if (following === 63 && text.charCodeAt(after + 1) !== 46 && text.charCodeAt(after + 1) !== 63) return;
      // `token.type`: the object of a member read is not the logged value, unless the member
      // keeps the whole value (`token.toString()`, `secret.trim()`).
      const next = READ_AFTER.exec(text.slice(end, end + 40));
      if (!next || TRANSPARENT_METHODS.has(next[1] ?? '')) words.credential = true;
      if (!scanned.member && isKeyPosition(text, scanned.index, following)) words.credentialKey = words.credential = true;
    } else if (word === 'await') words.awaited = true;
    // A token call's name as a callee (`res.json()`); as a value it is a name like any other (`const json = await res.json()`).
    else if (TOKEN_CALL.test(word) && (scanned.member || mayBeCallee(text, scanned.index, scanned.index + word.length))) return;
    else if (!scanned.member && identifiers && !NOT_VALUES.has(word) && !/^\d/u.test(word) && (isWholeValue(text, scanned.index + word.length) || RESPONSE_BODY.test(text.slice(scanned.index + word.length, scanned.index + word.length + 20)))) identifiers.add(word);
    },
    expression,
  );
}

/** Keywords after which `(` opens a parenthesized expression, not an argument list. */
const EXPRESSION_KEYWORDS = new Set(['return', 'typeof', 'await', 'void', 'case', 'in', 'of', 'yield', 'throw', 'new', 'delete', 'instanceof', 'else', 'do', 'extends']);

/**
 * Whether the receiver ending with the `)` at `close` is a call (`getTracer().trace(…)`): the rule
 * names a receiver only when it is an identifier or a member behind type wrappers
 * (`(logger as Logger).info`), never a call's result. Counting parentheses back up to 300
 * characters; undecided (a longer receiver, an unmatched parenthesis) counts as no call.
 */
function receiverIsCall(text: string, close: number): boolean {
  let depth = 0;
  for (let at = close; at >= 0 && close - at < 300; at--) {
    const code = text.charCodeAt(at);
    if (code === 41) depth++;
    else if (code === 40 && --depth === 0) {
      const end = skipSpaceBack(text, at - 1);
      // `(0, f)().info`: a call of a call; `if (x) (logger as L).info`: a statement's condition before a parenthesized receiver.
      if (text.charCodeAt(end) === 41) return !conditionBefore(text, end);
      const start = wordStartBack(text, end);
      if (start > end) return false;
      return !EXPRESSION_KEYWORDS.has(text.slice(start, end + 1));
    }
  }
  return false;
}

/** Whether the `)` at `close` ends the condition of `if` / `while` / `for` / `with` (or its parentheses do not match within 300 characters). */
function conditionBefore(text: string, close: number): boolean {
  let depth = 0;
  for (let at = close; at >= 0 && close - at < 300; at--) {
    const code = text.charCodeAt(at);
    if (code === 41) depth++;
    else if (code === 40 && --depth === 0) {
      const end = skipSpaceBack(text, at - 1);
      return /^(?:if|while|for|with)$/u.test(text.slice(wordStartBack(text, end), end + 1));
    }
  }
  return true;
}

/** The last two characters of every sink name (`SINK_METHODS`, `debug`, `inspect`, `…Error`), ASCII all, as a table of `code << 7 | code`. */
const SINK_ENDINGS = (() => {
  const table = new Uint8Array(1 << 14);
  for (const name of [...SINK_METHODS, 'debug', 'inspect', 'Error']) table[(name.charCodeAt(name.length - 2) << 7) | name.charCodeAt(name.length - 1)] = 1;
  return table;
})();

/** Whether the two characters ending at `end` end a sink name. */
function endsLikeSink(text: string, end: number): boolean {
  const first = text.charCodeAt(end - 1);
  const second = text.charCodeAt(end);
  return first < 128 && second < 128 && SINK_ENDINGS[(first << 7) | second] === 1;
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
  // Cheap first: a sink's name ends with the last two characters of one (a debug logger's may not).
  if (debugLoggers.size === 0 && !endsLikeSink(text, end)) return false;
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
  if (receiverLast === ')') return !receiverIsCall(text, receiverEnd);
  if (receiverLast === ']') return true;
  const receiver = text.slice(wordStartBack(text, receiverEnd), receiverEnd + 1);
  return LOGGER_NAME.test(receiver) || OTHER_RECEIVERS.has(receiver);
}

/**
 * The 300 characters before the `=` at `equals`, from its last `=` or `;` on: a declaration the
 * `(?:const|let|var)\s+name…[^=;]*$` tests look for holds neither after its keyword, so it lies
 * there whole (and `exports.name =` in CommonJS bundles costs a few characters, not 300).
 */
function statementTail(text: string, equals: number): string {
  const from = Math.max(0, equals - 300);
  return text.slice(Math.max(from, text.lastIndexOf('=', equals - 1) + 1, text.lastIndexOf(';', equals - 1) + 1), equals);
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
    // Whether a type annotation may end right before the `=`.
    let annotated = false;
    // `} =`: an object pattern (the rule follows `const { data } = await …`; it does not follow
    // array patterns, so `] =` — also every `obj[key] =` — is not a candidate). It must bind one
    // of the logged identifiers.
    let pattern = false;
    if (code === 125) {
      const names = patternNames(text, end, identifiers);
      pattern = typeof names === 'boolean';
      candidate = typeof names === 'boolean' ? names : true;
    }
    else if (isWordCode(code)) {
      const start = wordStartBack(text, end);
      if (identifiers.has(text.slice(start, end + 1))) candidate = true;
      else {
        // `const data: TokenResponse = …`: the word before `=` is a type.
        const before = text[skipSpaceBack(text, start - 1)];
        if (before === ':' || before === '|' || before === '&' || before === '.' || before === '>') {
          annotated = true;
          const declared = /(?:const|let|var)\s+([\w$]+)\s*[:!]?[^=;]*$/u.exec(statementTail(text, equals));
          candidate = declared !== null && identifiers.has(declared[1] ?? '');
        }
      }
    } else if (code === 62 || code === 41 || code === 93) {
      // `const x: Map<string, Token> = …`, `const x: (A | B) = …`, `const x: [A, B] = …`
      annotated = true;
      const declared = /(?:const|let|var)\s+([\w$]+)\s*[:!][^=;]*$/u.exec(statementTail(text, equals));
      candidate = declared !== null && identifiers.has(declared[1] ?? '');
    }
    if (!candidate && annotated) {
      // `const { data }: AxiosResponse = await axios.post(tokenUrl)`: a pattern with a type annotation.
      const typed = typedPattern(text, equals, identifiers);
      if (typed !== undefined) {
        pattern = typeof typed === 'boolean';
        candidate = typed === true || typed === 'unknown';
      }
    }
    if (!candidate) continue;
    const contents: Contents = { credential: false, tokenApi: false, httpCall: false, awaited: false };
    const initEnd = collect(text, equals + 1, ')', undefined, contents, true);
    // The rule follows a constant bound to a token call (`await getToken()`), an env read of a
    // credential name, or an object literal with a credential key; a name destructured from a
    // token call (any other is reported under its own name only, looked for at the log call).
    const start = initStart(text, equals + 1);
    if (start === 123 && !pattern) {
      if (contents.credentialKey === true) return true;
      continue;
    }
    if (contents.tokenApi) return true;
    if (contents.httpCall && (tokenEndpoint ??= TOKEN_ENDPOINT_HINT.test(text))) return true;
    if (pattern) continue;
    if (contents.credential && text.slice(equals + 1, initEnd).includes('env')) return true;
    if (start === 60 && contents.credentialKey === true) return true;
  }
  return false;
}

/**
 * For the `}` at `close` right before an `=` (or a pattern's type annotation): whether the braces
 * hold an object pattern naming one of `identifiers` (any word of it: keys, bindings, defaults);
 * `'other'` when they are no pattern (a pattern's `{` follows `const` / `let` / `var`, `(` or `,`;
 * after anything else they are, say, a type literal: `const x: { a: string } = …`); undefined when
 * the braces do not balance within 2,000 characters. Before a plain `=` the caller treats both as a
 * declaration of one of them.
 */
function patternNames(text: string, close: number, identifiers: ReadonlySet<string>): boolean | 'other' | undefined {
  let depth = 0;
  for (let at = close; at >= 0 && close - at < 2000; at--) {
    const code = text.charCodeAt(at);
    if (code === 125) depth++;
    else if (code === 123 && --depth === 0) {
      const before = skipSpaceBack(text, at - 1);
      const last = text.charCodeAt(before);
      // `${key}=`: the end of a template expression in a template's text.
      if (last === 36) return false;
      if (last !== 40 && last !== 44 && !/^(?:const|let|var)$/u.test(text.slice(wordStartBack(text, before), before + 1))) return 'other';
      for (const word of text.slice(at + 1, close).match(/[A-Za-z_$][\w$]*/gu) ?? []) if (identifiers.has(word)) return true;
      return false;
    }
  }
  return undefined;
}

/**
 * For an `=` after a type annotation that follows a `}` (`const { data }: Resp = …`): whether the
 * braces are an object pattern naming one of `identifiers` (see `patternNames`), `'other'` when
 * they are no declaration's pattern (`ok ? {…} : x.y = …`), `'unknown'` when they do not balance
 * within reach, undefined when no `}:` comes before the `=` in its statement.
 */
function typedPattern(text: string, equals: number, identifiers: ReadonlySet<string>): boolean | 'other' | 'unknown' | undefined {
  const tail = statementTail(text, equals);
  const typed = tail.includes('}') ? /\}\s*:[^=;]*$/u.exec(tail) : null;
  if (!typed) return undefined;
  return patternNames(text, equals - tail.length + typed.index, identifiers) ?? 'unknown';
}

/** The first character of the initializer from `index` on, behind spaces and parentheses: `{` (123) for an object literal, `<` (60) for a type assertion. */
function initStart(text: string, index: number): number {
  let at = index;
  for (let code = text.charCodeAt(at); isSpace(code) || code === 40; code = text.charCodeAt(at)) at++;
  return text.charCodeAt(at);
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

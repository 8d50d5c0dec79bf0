/**
 * Text gate of `no-token-in-browser-storage`. The rule (never in test files) reports
 * - `localStorage.setItem(k, v)` / `sessionStorage.setItem` (also under `window.`, `globalThis.`,
 *   `self.`) and `localStorage.token = v` / `localStorage['k'] = v`;
 * - `document.cookie = …` whose cookie name (or first interpolated expression) is a credential;
 * - `objectStore(…).put(v, k)` / `.add`;
 * - writes through `idb-keyval` and `localforage`, whatever the local names of their imports;
 * - `cacheLocation: 'localStorage'` (or `X.LocalStorage`) and
 *   `new WebStorageStateStore({ store: localStorage })`;
 * when a key or value names a credential: an identifier, a member, a string, `JSON.stringify(x)`,
 * `x.toString()`, a template's expressions, or a constant declared elsewhere in the file that
 * resolves to such a string.
 */
import { classifySecretName, type CredentialKind } from '../names.js';
import { isTestFile } from '../test-files.js';
import { matchingCloseParen, skipSpace, someName } from './regions.js';
import { CREDENTIAL_NAME, type GateContext } from './shared.js';

/** The rule's `TOKEN_KEY`: storage keys that hold a credential even when the name classifier would not say so. */
export const TOKEN_KEY = /(?:^|[^a-z])(?:jwt|bearer|auth[_-]?token|access[_-]?token|refresh[_-]?token|id[_-]?token)(?:$|[^a-z])/iu;

/** A storage key or value name that holds a credential (the rule's test, and the gate's). */
export function credentialKindOf(name: string | undefined): CredentialKind | undefined {
  if (name === undefined) return undefined;
  if (TOKEN_KEY.test(name) || /^(?:token|jwt)$/iu.test(name)) return 'token';
  if (!CREDENTIAL_NAME.test(name)) return undefined;
  const kind = classifySecretName(name)?.kind;
  return kind === 'client-id' ? undefined : kind;
}

const isCredential = (name: string): boolean => credentialKindOf(name) !== undefined;

/** Identifiers of a slice that the rule may resolve through a constant (`const KEY = 'access_token'`). */
const IDENTIFIER = /(?<![\w$.])[A-Za-z_$][\w$]*/gu;
const KEYWORDS = new Set(['JSON', 'stringify', 'toString', 'window', 'globalThis', 'self', 'localStorage', 'sessionStorage', 'document', 'cookie', 'this', 'null', 'undefined', 'true', 'false', 'new', 'typeof', 'await']);

/**
 * Whether a slice of arguments or a right-hand side names a credential: a name in it, or an
 * identifier that a declaration in the file (`NAME = …`) binds to text with a credential word.
 */
function namesCredential(text: string, slice: string): boolean {
  if (someName(slice, isCredential)) return true;
  IDENTIFIER.lastIndex = 0;
  for (let match = IDENTIFIER.exec(slice); match; match = IDENTIFIER.exec(slice)) {
    if (KEYWORDS.has(match[0])) continue;
    // `resolveString` follows a binding written once to a string expression: its initializer starts with a quote, a parenthesis or a name (not a call).
    const declaration = new RegExp(`(?<![\\w$.])${match[0].replace(/\$/gu, '\\$')}\\s*(?::[^=;]{0,120})?=(?![=>])\\s*(?=['"\`(]|[\\w$.]+\\s*(?:[+;,)\\n]|$))([^;\\n]{0,300})`, 'gu');
    for (let found = declaration.exec(text); found; found = declaration.exec(text)) {
      const init = found[1] ?? '';
      if (CREDENTIAL_NAME.test(init) || /jwt/iu.test(init)) return true;
    }
  }
  return false;
}

/** The text of the argument list of the call whose `(` follows `index` (after spaces), or undefined. */
function argumentsAt(text: string, index: number): string | undefined {
  const open = skipSpace(text, index);
  if (text[open] !== '(') return undefined;
  return text.slice(open + 1, matchingCloseParen(text, open));
}

/** The right-hand side of an assignment whose target ends at `index`: up to the end of the statement (300 characters at most). */
function assignedAt(text: string, index: number): string | undefined {
  const at = skipSpace(text, index);
  if (text[at] !== '=' || text[at + 1] === '=' || text[at + 1] === '>') return undefined;
  const rest = text.slice(at + 1, at + 301);
  const end = rest.search(/;|\n\s*\n/u);
  return end < 0 ? rest : rest.slice(0, end);
}

/** `localStorage.setItem(…)`, `localStorage.x = …`, `localStorage['x'] = …` after the storage name ending at `index`, with a credential in the key or value. */
function webStorageWriteAt(text: string, index: number): boolean {
  // Past a type wrapper (`(localStorage as Storage).setItem`), then `.name` or `[`.
  const member = /(?:\s*!|\s+as\s+[\w$.]+)?\s*\)?\s*(?:(?:\?\.|\.)\s*([A-Za-z_$][\w$]*)|(?:\?\.)?\s*\[)/uy;
  member.lastIndex = index;
  const access = member.exec(text);
  if (!access) return false;
  const name = access[1];
  const after = member.lastIndex;
  if (name === 'setItem') {
    const args = argumentsAt(text, after);
    return args !== undefined && namesCredential(text, args);
  }
  if (name === undefined) {
    // `localStorage['setItem'](…)`, `localStorage[key] = v`: the bracket and what follows.
    const close = text.indexOf(']', after);
    if (close < 0) return false;
    const key = text.slice(after, close);
    const call = /^\s*['"`]setItem['"`]\s*$/u.test(key) ? argumentsAt(text, close + 1) : undefined;
    if (call !== undefined && namesCredential(text, call)) return true;
    const value = assignedAt(text, close + 1);
    return value !== undefined && (namesCredential(text, key) || namesCredential(text, value));
  }
  const value = assignedAt(text, after);
  return value !== undefined && (isCredential(name) || namesCredential(text, value));
}

/** `document.cookie = …` (or `['cookie']`), the member ending at `index`, with a credential in the assigned text. */
function cookieWriteAt(text: string, index: number): boolean {
  const value = assignedAt(text, index);
  return value !== undefined && namesCredential(text, value);
}

/** `objectStore(…).put(…)` / `.add(…)`, the call's `(` at `open`, with a credential in the arguments. */
function objectStoreWriteAt(text: string, open: number): boolean {
  if (text[open] !== '(') return false;
  const method = /\s*(?:\?\.|\.)\s*(?:put|add)(?![\w$])/uy;
  method.lastIndex = matchingCloseParen(text, open);
  if (!method.exec(text)) return false;
  const args = argumentsAt(text, method.lastIndex);
  return args !== undefined && namesCredential(text, args);
}

/** `cacheLocation: 'localStorage'`, `cacheLocation: BrowserCacheLocation.LocalStorage`, or a constant that may hold it, the key ending at `index`. */
function localStorageCacheAt(text: string, index: number): boolean {
  const key = /['"`]?\s*(:|[,}])/uy;
  key.lastIndex = index;
  const match = key.exec(text);
  if (!match) return false;
  // `{ cacheLocation }`: the value is a binding declared elsewhere.
  if (match[1] !== ':') return /localstorage/iu.test(text);
  const value = text.slice(skipSpace(text, key.lastIndex), key.lastIndex + 200);
  const head = /^[^,}\n]*/u.exec(value)?.[0] ?? '';
  if (/localstorage/iu.test(head)) return true;
  // A bare identifier may be a constant holding `'localStorage'`.
  return /^[A-Za-z_$][\w$]*\s*(?:$|[,}\n]|as\b)/u.test(head) && /localstorage/iu.test(text);
}

/** oidc-client-ts `new WebStorageStateStore({ store: window.localStorage })`, the name starting at `index`. */
function localStorageStateStoreAt(text: string, index: number): boolean {
  return /\bstore['"`]?\s*:[^,}]{0,100}\blocalStorage\b/u.test(text.slice(index, index + 400));
}

/** Whether the character at `index` may be part of an identifier (outside the text it is not). */
function isIdentifierCharAt(text: string, index: number): boolean {
  return index >= 0 && index < text.length && /[\w$]/u.test(text[index] as string);
}

/** `.cookie` (spaces allowed after the dot) or `['cookie']` around the `cookie` at `start`: the index after it, or -1. */
function cookieMemberEnd(text: string, start: number): number {
  const end = start + 6;
  if (isIdentifierCharAt(text, end) || isIdentifierCharAt(text, start - 1)) {
    return -1;
  }
  if (/\.\s*$/u.test(text.slice(Math.max(0, start - 20), start))) return end;
  const bracket = /^['"`]\s*\]/u.exec(text.slice(end, end + 20));
  return bracket && /\[\s*['"`]$/u.test(text.slice(Math.max(0, start - 20), start)) ? end + bracket[0].length : -1;
}

/**
 * Every shape starts with one of a few words, each found by `indexOf` of a needle that begins with
 * a character rare in code (`S`, `k`, `L`, `-`, `f`): a needle starting with a common letter, or a
 * regular expression with alternatives, would test every position of the text.
 */
export function mayReport(text: string, context?: GateContext): boolean {
  // The rule skips test files (tests seed storage to exercise the app): a glob test, asked after a shape is found.
  return hasShape(text) && !(context?.filename !== undefined && isTestFile(context.filename));
}

function hasShape(text: string): boolean {
  // `localStorage`, `sessionStorage`, `WebStorageStateStore`, `objectStore`.
  for (let index = text.indexOf('Stor'); index >= 0; index = text.indexOf('Stor', index + 1)) {
    if (text.startsWith('Storage', index)) {
      for (const prefix of ['local', 'session']) {
        const start = index - prefix.length;
        if (text.startsWith(prefix, start) && !isIdentifierCharAt(text, start - 1) && !isIdentifierCharAt(text, index + 7) && webStorageWriteAt(text, index + 7)) return true;
      }
      if (text.startsWith('WebStorageStateStore', index - 3) && localStorageStateStoreAt(text, index - 3)) return true;
    } else if (text.startsWith('Store', index) && text.startsWith('object', index - 6) && objectStoreWriteAt(text, skipSpace(text, index + 5))) {
      return true;
    }
  }
  for (let index = text.indexOf('kie'); index >= 0; index = text.indexOf('kie', index + 1)) {
    if (!text.startsWith('coo', index - 3)) continue;
    const end = cookieMemberEnd(text, index - 3);
    if (end >= 0 && cookieWriteAt(text, end)) return true;
  }
  // Needles of six characters or fewer, starting with a rare one (V8 searches longer needles with a slower algorithm).
  for (let index = text.indexOf('Loc'); index >= 0; index = text.indexOf('Loc', index + 1)) {
    if (text.startsWith('cacheLocation', index - 5) && localStorageCacheAt(text, index + 8)) return true;
  }
  // `idb-keyval` and `localforage` functions may be imported under any name: the word test is kept for files that name them (as the rule's own `\b` test does).
  if (text.includes('keyval') || text.includes('forage')) {
    return /\b(?:idb-keyval|localforage)\b/u.test(text) && (CREDENTIAL_NAME.test(text) || /jwt/iu.test(text));
  }
  return false;
}

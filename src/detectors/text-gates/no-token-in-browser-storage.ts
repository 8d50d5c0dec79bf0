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

/** The rule's `credentialKindOf`: a storage key or value name that holds a credential. */
export function credentialKindOf(name: string): CredentialKind | undefined {
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

/** Where the rule's shapes start. */
const ANCHOR = /(?:localStorage|sessionStorage)(?![\w$])|WebStorageStateStore|objectStore\s*|\.\s*cookie(?![\w$])|\[\s*['"`]cookie['"`]\s*\]|cacheLocation|idb-keyval|localforage/gu;

export function mayReport(text: string, context?: GateContext): boolean {
  // The rule skips test files: tests seed storage to exercise the app.
  if (context?.filename !== undefined && isTestFile(context.filename)) return false;
  ANCHOR.lastIndex = 0;
  for (let match = ANCHOR.exec(text); match; match = ANCHOR.exec(text)) {
    const hit = match[0];
    const end = match.index + hit.length;
    let shape: boolean;
    if (hit === 'idb-keyval' || hit === 'localforage') {
      // Their functions may be imported under any name: the word test is kept for files that name them (as the rule's own `\b` test does).
      shape = /\b(?:idb-keyval|localforage)\b/u.test(text) && (CREDENTIAL_NAME.test(text) || /jwt/iu.test(text));
    } else if (hit === 'localStorage' || hit === 'sessionStorage') {
      shape = !/[\w$]/u.test(text[match.index - 1] ?? '') && webStorageWriteAt(text, end);
    } else if (hit === 'WebStorageStateStore') {
      shape = localStorageStateStoreAt(text, match.index);
    } else if (hit === 'cacheLocation') {
      shape = localStorageCacheAt(text, end);
    } else if (hit.startsWith('objectStore')) {
      shape = objectStoreWriteAt(text, end);
    } else {
      shape = cookieWriteAt(text, end);
    }
    if (shape) return true;
  }
  return false;
}

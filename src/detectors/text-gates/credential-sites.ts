/**
 * Local text tests for the sites of the three hard-coded-credential rules, so that their gates look
 * for a credential *written* somewhere rather than for a word: third-party bundles say `token` and
 * `password` everywhere, but seldom bind such a name to a literal that `classifySecretValue` would
 * report.
 *
 * Each test is an over-approximation of `collectCredentialFindings` (src/util/credential-sites.ts):
 *
 * - A name site (`clientSecret: …`, `password = …`, `this.token = …`, `<X apiKey="…">`,
 *   `params.set('client_secret', …)`, parameter and destructuring defaults, enum members, class
 *   fields with a type annotation) is found by its name followed by `:`, `=`, `||=`, `??=` (or `,`
 *   after `.set(`/`.append(`). Its value is followed the way `resolveString` follows it: string
 *   literals, templates without expressions, `as const`, parentheses, `Buffer.from(…)`/`String(…)`/
 *   `.encode(…)`, identifiers declared with `var`/`let`/`const` anywhere in the file (scopes are not
 *   told apart: every declaration of the name counts), and member reads (`config.secret`: every
 *   property named `secret` in the file counts). A `+` concatenation is not evaluated: it passes,
 *   unless the operand after the first `+` certainly resolves to no string (`this.…`, a call,
 *   `new`, a number), which makes `resolveString` give up on the whole chain.
 *   A value that is a logical, conditional or other binary expression (`a || b`, `i < 0 ? x : y`)
 *   and an object literal (`token = { type: "string", … }`) resolve to nothing, as in
 *   `resolveString`: the credential-named properties of an object literal are name sites of their
 *   own. After `name =`, `{` is read as a JSX expression container unless its first member is a
 *   key followed by `:` or `,`, a spread or a computed key. A name read as a member (`a.name`) or
 *   as the first branch of a conditional (`cond ? name : …`) is no property key before its `:`.
 * - Each string reached is classified with the core's own `classifySecretValue` (also its
 *   connection-string password and the part after an auth scheme, as the rules do), with and
 *   without the site's name, and kept when the rule could report it for the site's kind and
 *   strength. A weak value counts where the site may be a sink (a request body, a token request,
 *   a catalogue slot).
 * - Catalogue sinks: property slots (`{ auth: { clientSecret } }`) by their last key, in files that
 *   import the row's module; positional slots (`new ClientSecretCredential(t, id, '…')`) by the
 *   argument at the slot's index of every call of the row's export name, and wholesale (no local
 *   test) when the export may be renamed (`import x from`, `{ sign as s }`).
 * - HTTP token requests (`auth: { username, password }`), superagent `.auth(…)`, `client_secret=…`
 *   in query strings, JWK `d`, Acumatica ids.
 * - `Basic` headers built with `btoa`/`Buffer.from`: the literal text after the argument's first
 *   literal `:` and the expressions after it, followed as values above; an argument whose parts
 *   cannot be resolved (`${decodeURIComponent(password)}`, `opts.pass`, a parameter) does not count.
 *
 * Values hidden behind escapes in the raw text (a token written with `\x` escapes) are not seen by
 * the known-format pre-check; the name-site checks decode escapes.
 */
import { HTTP_CLIENT_ROWS } from '../../catalogue/index.js';
import type { SinkRow } from '../../catalogue/types.js';
import { sinkTableFor, type UserSinkOption } from '../../catalogue/user-sinks.js';
import { classifySecretValue, isReportedCredentialValue, type SecretValueClassification } from '../classify.js';
import { findKnownSecrets } from '../known-formats.js';
import { classifySecretName, type CredentialKind } from '../names.js';
import { taggedHits, word, type AnchoredWord } from './anchors.js';
import type { GateContext } from './shared.js';

/** Which credential kinds a rule reports. */
export type KindFilter = (kind: CredentialKind) => boolean;

/**
 * Words without which `classifySecretName` gives a name no kind (`CREDENTIAL_NAME` of `shared.ts`:
 * `secret`, `pass…`, `pwd`, `token`, `bearer`, `authoriz…`, `pat` as the last word, `client id`, and
 * `key` after `private`, `api`, `access`, `consumer`…), searched once per text for the three gates
 * (a client secret's name holds `secret`, a client id's `client id` or `consumer key`).
 * `classifySecretName` splits names at case changes and separators and lower-cases the words, so a
 * word it reads is written in lower case, Capitalised or in capitals: each form is a literal word
 * found with `indexOf` of rare anchor characters (`anchors.ts`), cheaper than lower-casing the
 * text and testing an alternation at every position.
 */
const KEY_PREFIXES = ['private', 'api', 'access', 'subscription', 'account', 'master', 'license', 'consumer', 'signing', 'jwt', 'hmac', 'encryption', 'webhook', 'session', 'cookie', 'auth'];

function isAsciiAlnum(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57);
}

/** `client[^a-z0-9]*id` (case-insensitively) from the start of `client`. */
function idFollows(text: string, start: number): boolean {
  let index = start + 'client'.length;
  const limit = index + 80;
  while (index < limit && index < text.length && !isAsciiAlnum(text.charCodeAt(index))) index++;
  return (text.charCodeAt(index) | 0x20) === 0x69 && (text.charCodeAt(index + 1) | 0x20) === 0x64;
}

/** `(?:private|api|…)[^a-z0-9]*key` (case-insensitively) from the start of `key`. */
function keyPrefixPrecedes(text: string, start: number): boolean {
  let index = start;
  const limit = Math.max(0, index - 80);
  while (index > limit && !isAsciiAlnum(text.charCodeAt(index - 1))) index--;
  const before = text.slice(Math.max(0, index - 12), index).toLowerCase();
  return KEY_PREFIXES.some((prefix) => before.endsWith(prefix));
}

function caseForms(word: string): string[] {
  return [word, `${word[0]?.toUpperCase() ?? ''}${word.slice(1)}`, word.toUpperCase()];
}

const CREDENTIAL_WORDS: readonly AnchoredWord[] = [
  ...['secret', 'pass', 'pwd', 'token', 'bearer', 'authoriz'].flatMap(caseForms).map((form): AnchoredWord => ({ word: form })),
  // `pat(?![a-z0-9])`: `pat` as the last word.
  ...caseForms('pat').map((form): AnchoredWord => ({ word: form, accept: (text, start) => !isAsciiAlnum(text.charCodeAt(start + 3)) })),
  ...caseForms('client').map((form): AnchoredWord => ({ word: form, accept: idFollows })),
  ...caseForms('key').map((form): AnchoredWord => ({ word: form, accept: keyPrefixPrecedes })),
];
const IDENT_CHAR = /[\w$\u00a0-\uffff]/u;
const IDENT_START = /[A-Za-z_$\u00a0-\uffff]/u;
const QUOTES = new Set(["'", '"', '`']);
/** `(?:^|[?&])name=` of `addQueryStringSites`, seen in the raw text (a string starts after a quote or a template's `}`). */
/** The names `addQueryStringSites` reads in a query string or form body. */
const QUERY_NAME = /^(?:client[_-]?secret|client[_-]?id|password|api[_-]?key|access[_-]?token|refresh[_-]?token|client[_-]?assertion)$/iu;
const TOKEN_URL_HINT = /token|oauth|\/connect\/|\/identity\/|\/auth\b|login/iu;
const AUTH_SCHEME = /^(?:Bearer|Basic|Token|Bot|SSWS|Digest|ApiKey)\s+(?=\S)/iu;
/** A whole string literal that is an Acumatica `<GUID>@<tenant>` client id, checked backwards from its `@`. */
const ACUMATICA_BEFORE_AT = /^['"][0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/iu;
/**
 * `(?:require|import)\s*\(\s*['"`]([^'"`\n]+)['"`]|\bfrom\s*['"]([^'"\n]+)['"]|\bimport\s*['"]([^'"\n]+)['"]`,
 * tried at each `require`, `import` and `from` found by `indexOf` (a match at every such word, so
 * never fewer specifiers than a left-to-right scan finds).
 */
const MODULE_SPECIFIER_AT = /(?:require|import)\s*\(\s*['"`]([^'"`\n]+)['"`]|(?<![\w])from\s*['"]([^'"\n]+)['"]|(?<![\w])import\s*['"]([^'"\n]+)['"]/uy;
/** Where `require`, `import` and `from` start: `indexOf` of `quire`, `mport` and `from` (rarer first characters than `r` and `i`, and no per-`m` check in JavaScript). */
function findModuleWords(text: string): number[] {
  const starts: number[] = [];
  for (const [needle, offset] of [['quire', 2], ['mport', 1], ['from', 0]] as const) {
    for (let index = text.indexOf(needle); index >= 0; index = text.indexOf(needle, index + 1)) if (index >= offset) starts.push(index - offset);
  }
  return starts;
}
const BODY_BUILDER = /^(?:URLSearchParams|stringify|encode)$/u;
const REQUEST_OPTION_KEY = /^(?:body|data|form|json|params|searchParams|query)$/u;
const NOT_A_VALUE = new Set(['true', 'false', 'null', 'undefined', 'this', 'function', 'class', 'typeof', 'void', 'delete', 'async', 'await', 'yield', 'super', 'import', 'instanceof', 'in', 'of', 'return', 'throw', 'case', 'if', 'else', 'for', 'while', 'do', 'switch', 'try', 'catch', 'var', 'let', 'const']);
/** Words that start an operand `resolveString` never resolves (`this.x`, `new X()`, `typeof x`, `null`). */
const UNRESOLVABLE_OPERAND_WORDS = new Set(['this', 'new', 'typeof', 'void', 'await', 'null', 'true', 'false', 'function', 'class', 'super']);
/** How deep values are followed (`resolveString` stops at 6; more is only wider). */
const MAX_DEPTH = 10;

/** A string a value may resolve to, and the variable it was declared under (its env-name source). */
interface Leaf {
  readonly value: string;
  readonly declared?: string;
}

/** Stand-in for a value the text test cannot evaluate (a concatenation, a type assertion): it passes. */
const UNKNOWN = Symbol('unknown');
type Leaves = Leaf[] | typeof UNKNOWN;

interface SiteQuery {
  readonly kind: CredentialKind;
  readonly name?: string;
  /** The site is a sink (weak values count, no label reading), or may be one (`maybeSink`). */
  readonly sink: boolean;
  readonly maybeSink?: boolean;
}

const nameKinds = new Map<string, CredentialKind | null>();

function kindOfName(name: string): CredentialKind | undefined {
  if (name.length > 80) return undefined;
  let kind = nameKinds.get(name);
  if (kind === undefined) {
    kind = classifySecretName(name)?.kind ?? null;
    if (nameKinds.size > 10_000) nameKinds.clear();
    nameKinds.set(name, kind);
  }
  return kind ?? undefined;
}

/** The reportable test of `resolveFindings` (not a test file: the widest reading). */
function isReportable(classification: SecretValueClassification, kind: CredentialKind, sink: boolean): boolean {
  return isReportedCredentialValue(classification, { kind, atSink: sink, isTestFile: false });
}

/** The password of a URL or `Key=value;` string, and the token after an auth scheme: the parts the rules classify. */
function secretParts(value: string): string[] {
  const parts = [value];
  const url = /^[a-z][a-z0-9+.-]*:\/\/[^/?#\s:@]*:([^@/\s]+)@/iu.exec(value);
  if (url?.[1] !== undefined) parts.push(url[1]);
  const pair = /(?:^|;)\s*(?:password|pwd|accountkey|sharedaccesskey|key)\s*=\s*([^;]+)/iu.exec(value);
  if (pair?.[1] !== undefined) parts.push(pair[1].trimEnd());
  const scheme = AUTH_SCHEME.exec(value);
  if (scheme) parts.push(value.slice(scheme[0].length));
  return parts;
}

/** Decodes the escapes of a string literal's raw text; `undefined` when unsure. */
export function unescapeJs(raw: string): string | undefined {
  if (!raw.includes('\\')) return raw;
  let out = '';
  for (let index = 0; index < raw.length; index++) {
    const char = raw[index] as string;
    if (char !== '\\') {
      out += char;
      continue;
    }
    const next = raw[++index];
    if (next === undefined) return undefined;
    switch (next) {
      case 'n': out += '\n'; break;
      case 'r': out += '\r'; break;
      case 't': out += '\t'; break;
      case 'b': out += '\b'; break;
      case 'f': out += '\f'; break;
      case 'v': out += '\v'; break;
      case '0': if (/[0-9]/u.test(raw[index + 1] ?? '')) return undefined; out += '\0'; break;
      case '\r': if (raw[index + 1] === '\n') index++; break;
      case '\n': case '\u2028': case '\u2029': break;
      case 'x': {
        const hex = raw.slice(index + 1, index + 3);
        if (!/^[0-9a-fA-F]{2}$/u.test(hex)) return undefined;
        out += String.fromCharCode(Number.parseInt(hex, 16));
        index += 2;
        break;
      }
      case 'u': {
        const braced = /^\{([0-9a-fA-F]{1,6})\}/u.exec(raw.slice(index + 1));
        if (braced?.[1] !== undefined) {
          const code = Number.parseInt(braced[1], 16);
          if (code > 0x10ffff) return undefined;
          out += String.fromCodePoint(code);
          index += braced[0].length;
          break;
        }
        const hex = raw.slice(index + 1, index + 5);
        if (!/^[0-9a-fA-F]{4}$/u.test(hex)) return undefined;
        out += String.fromCharCode(Number.parseInt(hex, 16));
        index += 4;
        break;
      }
      default:
        if (/[1-9]/u.test(next)) return undefined;
        out += next;
    }
  }
  return out;
}

/**
 * The per-text analysis shared by the three gates (the scanner runs them on the same text in a row):
 * declarations, property values and classifications are computed once per text.
 */
class TextAnalysis {
  readonly text: string;
  readonly mayBeTs: boolean;
  private readonly identLeaves = new Map<string, Leaves | 'pending'>();
  private readonly keyLeaves = new Map<string, Leaves | 'pending'>();
  private readonly classifications = new Map<string, SecretValueClassification>();
  private imported: string[] | undefined;

  private readonly memo = new Map<string, unknown>();

  /** A result computed once per text (shared by the three gates, which run on the same text in a row). */
  remember<T>(key: string, compute: () => T): T {
    if (this.memo.has(key)) return this.memo.get(key) as T;
    const value = compute();
    this.memo.set(key, value);
    return value;
  }

  constructor(text: string, filename: string | undefined) {
    this.text = text;
    this.mayBeTs = filename === undefined || !/\.(?:[cm]?js|jsx)$/iu.test(filename);
  }

  /** Module specifiers imported or required in the text. */
  importedModules(): string[] {
    if (!this.imported) {
      this.imported = [];
      for (const index of findModuleWords(this.text)) {
        MODULE_SPECIFIER_AT.lastIndex = index;
        const match = MODULE_SPECIFIER_AT.exec(this.text);
        const specifier = match?.[1] ?? match?.[2] ?? match?.[3];
        if (specifier !== undefined) this.imported.push(specifier);
      }
    }
    return this.imported;
  }

  classify(value: string, name: string | undefined, atSink: boolean): SecretValueClassification {
    const key = `${atSink ? 1 : 0}${name ?? ''}\u0000${value}`;
    let result = this.classifications.get(key);
    if (!result) {
      result = classifySecretValue(value, { name, atSink });
      this.classifications.set(key, result);
    }
    return result;
  }

  /** Whether a string reached from a site may be reported for it. */
  leafReportable(leaf: Leaf, site: SiteQuery): boolean {
    // The rule classifies under the site's property or variable name, or the name of the `const` holding the literal.
    const names = new Set<string | undefined>([site.name]);
    if (leaf.declared !== undefined) names.add(leaf.declared);
    for (const part of secretParts(leaf.value)) {
      for (const name of names) {
        if (isReportable(this.classify(part, name, site.sink), site.kind, site.sink)) return true;
        if (site.maybeSink === true && !site.sink && isReportable(this.classify(part, name, true), site.kind, true)) return true;
      }
    }
    return false;
  }

  leavesReportable(leaves: Leaves, site: SiteQuery): boolean {
    if (leaves === UNKNOWN) return true;
    return leaves.some((leaf) => this.leafReportable(leaf, site));
  }

  // ---- Lexing helpers -------------------------------------------------------------------------

  skipTrivia(position: number): number {
    const { text } = this;
    let index = position;
    for (;;) {
      const char = text.charCodeAt(index);
      if (char === 32 || char === 9 || char === 10 || char === 13 || char === 11 || char === 12 || char === 0xa0 || char === 0xfeff || char === 0x2028 || char === 0x2029) {
        index++;
      } else if (char === 47 && text.charCodeAt(index + 1) === 47) {
        const end = text.indexOf('\n', index);
        index = end < 0 ? text.length : end + 1;
      } else if (char === 47 && text.charCodeAt(index + 1) === 42) {
        const end = text.indexOf('*/', index + 2);
        index = end < 0 ? text.length : end + 2;
      } else {
        return index;
      }
    }
  }

  /** The string literal starting at `position` (a quote): its raw text and the index after it. */
  readString(position: number): { raw: string; end: number } | undefined {
    const { text } = this;
    const quote = text[position];
    let index = position + 1;
    while (index < text.length) {
      const char = text[index];
      if (char === '\\') index += 2;
      else if (char === quote) return { raw: text.slice(position + 1, index), end: index + 1 };
      else if (char === '\n' && quote !== '`') return undefined;
      else if (quote === '`' && char === '$' && text[index + 1] === '{') return { raw: text.slice(position + 1, index), end: -1 };
      else index++;
    }
    return undefined;
  }

  /** The index after the string or template literal at `position` (templates with nested expressions too). */
  skipLiteral(position: number, depth = 0): number | undefined {
    const { text } = this;
    const quote = text[position];
    if (quote !== '`') {
      const string = this.readString(position);
      return string?.end;
    }
    let index = position + 1;
    while (index < text.length) {
      const char = text[index];
      if (char === '\\') {
        index += 2;
      } else if (char === '`') {
        return index + 1;
      } else if (char === '$' && text[index + 1] === '{') {
        if (depth > 8) return undefined;
        let braces = 0;
        index += 2;
        for (; index < text.length; index++) {
          const inner = text[index] as string;
          if (inner === "'" || inner === '"' || inner === '`') {
            const end = this.skipLiteral(index, depth + 1);
            if (end === undefined) return undefined;
            index = end - 1;
          } else if (inner === '{') {
            braces++;
          } else if (inner === '}') {
            if (braces === 0) break;
            braces--;
          }
        }
        index++;
      } else {
        index++;
      }
    }
    return undefined;
  }

  readIdentifier(position: number): number {
    let index = position;
    while (index < this.text.length && IDENT_CHAR.test(this.text[index] as string)) index++;
    return index;
  }

  /** Whether `=` at `position` is an assignment (not `==`, `=>`, `<=`, `>=`, `!=`). */
  isAssign(position: number): boolean {
    const { text } = this;
    if (text[position] !== '=') return false;
    const next = text[position + 1];
    const previous = text[position - 1];
    return next !== '=' && next !== '>' && previous !== '=' && previous !== '!' && previous !== '<' && previous !== '>';
  }

  /**
   * After `name:` in TypeScript: skips a type annotation to its initializer. The index after the
   * `=`, `-1` when the annotation ends without one, `undefined` when the text test cannot tell.
   */
  skipTypeToInitializer(position: number): number | undefined {
    const { text } = this;
    let depth = 0;
    const limit = Math.min(text.length, position + 2000);
    for (let index = position; index < limit; index++) {
      const char = text[index] as string;
      if (char === "'" || char === '"' || char === '`') {
        const end = this.skipLiteral(index);
        if (end === undefined) return undefined;
        index = end - 1;
      } else if (char === '(' || char === '[' || char === '{' || char === '<') {
        depth++;
      } else if (char === ')' || char === ']' || char === '}' || char === '>') {
        if (depth === 0) return -1;
        depth--;
      } else if (char === '=') {
        if (text[index + 1] === '>') index++;
        else if (depth === 0) return index + 1;
      } else if ((char === ';' || char === ',') && depth === 0) {
        return -1;
      }
    }
    return undefined;
  }

  // ---- Values ---------------------------------------------------------------------------------

  /**
   * The strings the expression at `position` may resolve to (`resolveString`, wider): literals,
   * templates without expressions, encodings, declared identifiers and member reads.
   */
  valueLeaves(position: number, depth: number, declared?: string, brace = false, array = false): Leaves {
    if (depth > MAX_DEPTH) return UNKNOWN;
    const { text } = this;
    let index = this.skipTrivia(position);
    while (text[index] === '(') index = this.skipTrivia(index + 1);
    const char = text[index];
    if (char === undefined) return [];
    if (char === "'" || char === '"' || char === '`') {
      const string = this.readString(index);
      if (!string) return [];
      // A template with expressions is no static value (its parts are other sites' business).
      if (string.end < 0) return [];
      const value = unescapeJs(string.raw);
      if (value === undefined) return UNKNOWN;
      if (this.continuesWithPlus(string.end)) return this.plusOperandUnresolvable(string.end) ? [] : UNKNOWN;
      return [{ value, declared }];
    }
    if (char === '<') return UNKNOWN;
    if (char === '[' && array) {
      // A sink slot holding an array: every element is a secret (`keys: ['new', 'old']`).
      const starts = argumentStarts(this, index, Number.POSITIVE_INFINITY);
      if (!starts) return UNKNOWN;
      let leaves: Leaves = [];
      for (const start of starts) leaves = merge(leaves, this.valueLeaves(start, depth + 1, declared));
      return leaves;
    }
    if (char === '{') return brace && !this.opensObjectLiteral(index) ? this.valueLeaves(index + 1, depth + 1, declared) : [];
    if (!IDENT_START.test(char)) return [];
    const wordEnd = this.readIdentifier(index);
    const word = text.slice(index, wordEnd);
    if (word === 'new') {
      // `new TextEncoder().encode(x)`
      const encoder = /^new\s+[\w$.]+\s*\([^()]*\)\s*\.\s*encode\s*\(/u.exec(text.slice(index, index + 200));
      return encoder ? this.valueLeaves(index + encoder[0].length, depth + 1, declared) : [];
    }
    if (NOT_A_VALUE.has(word)) return [];
    // A member chain: `a.b['c']`.
    const segments = [word];
    let end = wordEnd;
    for (;;) {
      const next = this.skipTrivia(end);
      if (text[next] === '.' && text[next + 1] !== '.') {
        const start = this.skipTrivia(next + 1);
        const stop = this.readIdentifier(start);
        if (stop === start) break;
        segments.push(text.slice(start, stop));
        end = stop;
      } else if (text[next] === '?' && text[next + 1] === '.') {
        // `a?.b` never resolves to a static string.
        return [];
      } else if (text[next] === '[') {
        const start = this.skipTrivia(next + 1);
        const quote = text[start];
        if (quote !== "'" && quote !== '"' && quote !== '`') return [];
        const string = this.readString(start);
        if (!string || string.end < 0) return UNKNOWN;
        const close = this.skipTrivia(string.end);
        if (text[close] !== ']') return UNKNOWN;
        segments.push(unescapeJs(string.raw) ?? '');
        end = close + 1;
      } else {
        break;
      }
    }
    const after = this.skipTrivia(end);
    if (text[after] === '(') {
      const callee = segments.join('.');
      const last = segments.at(-1);
      if (callee === 'String' || callee === 'Buffer.from' || (segments.length > 1 && last === 'encode')) return this.valueLeaves(after + 1, depth + 1, declared);
      return [];
    }
    if (this.continuesWithPlus(end)) return this.plusOperandUnresolvable(end) ? [] : UNKNOWN;
    // `a || b`, `i < 0 ? x : y`, `a - b`: a logical, conditional or other binary expression, which
    // `resolveString` never resolves (nor a `+` with such an operand).
    if (this.startsNonPlusOperator(after)) return [];
    if (segments.length === 1) {
      const leaves = this.identifierLeaves(word, depth + 1);
      // `{ clientSecret: secret = '…' }`: the default of a destructuring.
      if (this.isAssign(after)) return merge(leaves, this.valueLeaves(after + 1, depth + 1, declared));
      return leaves;
    }
    return this.memberLeaves(word, segments, depth + 1);
  }

  /**
   * Whether the `{` at `position` (after `name =`) opens an object literal rather than a JSX
   * expression container: its first member is a key followed by `:` or `,` (`{ type: "string", … }`,
   * `{ a, b }`), a spread, a computed key, or nothing. `resolveString` resolves no object literal, and
   * its credential-named properties are name sites of their own.
   */
  private opensObjectLiteral(position: number): boolean {
    const { text } = this;
    const start = this.skipTrivia(position + 1);
    const char = text[start];
    if (char === '}' || char === '[' || (char === '.' && text.startsWith('...', start))) return true;
    let end: number | undefined;
    if (char === "'" || char === '"') end = this.readString(start)?.end;
    else if (char !== undefined && IDENT_START.test(char)) end = this.readIdentifier(start);
    if (end === undefined || end < 0) return false;
    const next = this.skipTrivia(end);
    return (text[next] === ':' && text[next + 1] !== ':') || text[next] === ',';
  }

  /** Whether a binary, logical or conditional operator other than `+` and `=` starts at `position`. */
  private startsNonPlusOperator(position: number): boolean {
    const { text } = this;
    const char = text[position];
    const next = text[position + 1];
    if (char === '=') return next === '=' || next === '>';
    if (char === '!') return next === '=';
    if (char === '?') return next !== '.';
    // `a\n--b`: a new statement after an inserted semicolon.
    if (char === '-' && next === '-') return false;
    return char !== undefined && '|&<>-*/%^'.includes(char);
  }

  /**
   * Whether the operand after a `+` right after `position` (no `)` between: the `+` may belong to
   * an enclosing expression) certainly resolves to no string: `this`, a call, `new`, a number, an
   * optional chain, `typeof`/`void`/`await`, `null`/`true`/`false`. Then `resolveString` resolves
   * nothing of the `+` chain (`'Bearer ' + this.credentials.id_token`).
   */
  private plusOperandUnresolvable(position: number): boolean {
    const { text } = this;
    let index = this.skipTrivia(position);
    for (;;) {
      if (text[index] === '!' && text[index + 1] !== '=') {
        index = this.skipTrivia(index + 1);
      } else if (/^(?:as|satisfies)\b/u.test(text.slice(index, index + 10))) {
        index = this.skipTrivia(this.readIdentifier(this.skipTrivia(this.readIdentifier(index))));
      } else {
        break;
      }
    }
    if (text[index] !== '+' || text[index + 1] === '+' || text[index + 1] === '=') return false;
    index = this.skipTrivia(index + 1);
    const char = text[index];
    if (char === undefined) return false;
    if (char >= '0' && char <= '9') return true;
    if (!IDENT_START.test(char)) return false;
    let end = this.readIdentifier(index);
    if (UNRESOLVABLE_OPERAND_WORDS.has(text.slice(index, end))) return true;
    for (;;) {
      const next = this.skipTrivia(end);
      if (text[next] === '(' || (text[next] === '?' && text[next + 1] === '.')) return true;
      if (text[next] !== '.' || text[next + 1] === '.') return false;
      const start = this.skipTrivia(next + 1);
      end = this.readIdentifier(start);
      if (end === start) return false;
    }
  }

  private continuesWithPlus(position: number): boolean {
    let index = this.skipTrivia(position);
    // `'…' as const`, `x satisfies T`, `x!`, `)`: no new operand.
    for (;;) {
      const { text } = this;
      if (text[index] === ')' || (text[index] === '!' && text[index + 1] !== '=')) {
        index = this.skipTrivia(index + 1);
      } else if (/^(?:as|satisfies)\b/u.test(text.slice(index, index + 10))) {
        index = this.skipTrivia(this.readIdentifier(this.skipTrivia(this.readIdentifier(index))));
      } else {
        break;
      }
    }
    return this.text[index] === '+' && this.text[index + 1] !== '+' && this.text[index + 1] !== '=';
  }

  /** Whole-word occurrences of `name` (not a property access: no `.` before). */
  private *occurrences(name: string): Generator<number> {
    const { text } = this;
    let from = 0;
    for (;;) {
      const index = text.indexOf(name, from);
      if (index < 0) return;
      from = index + name.length;
      const before = text[index - 1];
      const after = text[from];
      if (before !== undefined && (IDENT_CHAR.test(before) || before === '.' || before === '#')) continue;
      if (after !== undefined && IDENT_CHAR.test(after)) continue;
      yield index;
    }
  }

  /** Whether the text before `index` ends a `var`/`let`/`const` keyword or a `,` (a declaration list). */
  /** Whether the name at `index` is declared there (`const name`, `let a, name`). */
  isDeclaration(index: number): boolean {
    return this.declarationBefore(index) !== undefined;
  }

  private readonly shorthands = new Map<string, number[]>();

  /** Where `name` is used as a shorthand property (`{ name }`, `{ a, name }`). */
  shorthandUses(name: string): number[] {
    let uses = this.shorthands.get(name);
    if (!uses) {
      uses = [];
      for (const { valueAt, shorthand } of this.keyOccurrences(name)) if (shorthand) uses.push(valueAt);
      this.shorthands.set(name, uses);
    }
    return uses;
  }

  /** The closing `}` of the object literal or pattern that the position is in (depth 0), or `undefined`. */
  closingBrace(position: number): number | undefined {
    const { text } = this;
    let depth = 0;
    const limit = Math.min(text.length, position + 20_000);
    for (let index = position; index < limit; index++) {
      const char = text[index] as string;
      if (char === "'" || char === '"' || char === '`') {
        const end = this.skipLiteral(index);
        if (end === undefined) return undefined;
        index = end - 1;
      } else if (char === '/' && (text[index + 1] === '/' || text[index + 1] === '*')) {
        index = this.skipTrivia(index) - 1;
      } else if (char === '(' || char === '[' || char === '{') {
        depth++;
      } else if (char === ')' || char === ']') {
        if (depth === 0) return undefined;
        depth--;
      } else if (char === '}') {
        if (depth === 0) return index;
        depth--;
      }
    }
    return undefined;
  }

  /** Whether the property whose value starts at `position` is in a destructuring pattern (`{ a: b } = c`); `false` when unsure. */
  isPatternProperty(position: number): boolean {
    const close = this.closingBrace(position);
    if (close === undefined) return false;
    return this.isAssign(this.skipTrivia(close + 1));
  }

  /** In a pattern, the default of the property whose value starts at `position` (`b = '…'`), or `undefined`. */
  patternDefault(position: number): number | undefined {
    let index = this.skipTrivia(position);
    const end = this.readIdentifier(index);
    if (end === index) return undefined;
    index = this.skipTrivia(end);
    return this.isAssign(index) ? index + 1 : undefined;
  }

  private declarationBefore(index: number): 'keyword' | 'comma' | undefined {
    let cursor = index - 1;
    while (cursor >= 0 && /\s/u.test(this.text[cursor] as string)) cursor--;
    if (this.text[cursor] === ',') return 'comma';
    const word = /(?:^|[^\w$])(var|let|const)$/u.exec(this.text.slice(Math.max(0, cursor - 6), cursor + 1));
    return word ? 'keyword' : undefined;
  }

  /**
   * `root.key` (`resolveObject` of the root, then its property): the property inside each object
   * literal the root is declared with; through an alias (`const a = b.c`), any property of that
   * name in the text.
   */
  memberLeaves(root: string, segments: readonly string[], depth: number): Leaves {
    const key = segments.at(-1) as string;
    let leaves: Leaves = [];
    for (const index of this.occurrences(root)) {
      if (!this.declarationBefore(index)) continue;
      let initAt: number | undefined;
      const after = this.skipTrivia(index + root.length);
      if (this.isAssign(after)) initAt = after + 1;
      else if (this.text[after] === ':' && this.mayBeTs) {
        const initializer = this.skipTypeToInitializer(after + 1);
        if (initializer === undefined) return UNKNOWN;
        if (initializer >= 0) initAt = initializer;
      }
      if (initAt === undefined) continue;
      let init = this.skipTrivia(initAt);
      while (this.text[init] === '(') init = this.skipTrivia(init + 1);
      const char = this.text[init] as string;
      if (char === '{' && segments.length === 2) {
        const close = this.closingBrace(init + 1);
        if (close === undefined) return UNKNOWN;
        for (const { valueAt, shorthand } of this.keyOccurrences(key, init + 1, close)) {
          leaves = merge(leaves, shorthand ? this.identifierLeaves(key, depth) : this.valueLeaves(valueAt, depth));
        }
      } else if (char === '{' || IDENT_START.test(char)) {
        leaves = merge(leaves, this.propertyLeaves(key, depth));
      }
      if (leaves === UNKNOWN) return leaves;
    }
    return leaves;
  }

  /** Strings a `const`/`let`/`var` of this name may hold, over every declaration of the name in the text. */
  identifierLeaves(name: string, depth: number): Leaves {
    const cached = this.identLeaves.get(name);
    if (cached === 'pending') return [];
    if (cached !== undefined) return cached;
    this.identLeaves.set(name, 'pending');
    let leaves: Leaves = [];
    for (const index of this.occurrences(name)) {
      const declaration = this.declarationBefore(index);
      if (!declaration) continue;
      const after = this.skipTrivia(index + name.length);
      if (this.isAssign(after)) {
        leaves = merge(leaves, this.valueLeaves(after + 1, depth, name));
      } else if (this.text[after] === ':' && this.mayBeTs) {
        const initializer = this.skipTypeToInitializer(after + 1);
        if (initializer === undefined) leaves = UNKNOWN;
        else if (initializer >= 0) leaves = merge(leaves, this.valueLeaves(initializer, depth, name));
      }
      if (leaves === UNKNOWN) break;
    }
    this.identLeaves.set(name, leaves);
    return leaves;
  }

  /** Strings a property of this name may hold in any object literal of the text (`config.secret`). */
  propertyLeaves(key: string, depth: number): Leaves {
    const cached = this.keyLeaves.get(key);
    if (cached === 'pending') return [];
    if (cached !== undefined) return cached;
    this.keyLeaves.set(key, 'pending');
    let leaves: Leaves = [];
    for (const { valueAt, shorthand } of this.keyOccurrences(key)) {
      leaves = merge(leaves, shorthand ? this.identifierLeaves(key, depth) : this.valueLeaves(valueAt, depth));
      if (leaves === UNKNOWN) break;
    }
    this.keyLeaves.set(key, leaves);
    return leaves;
  }

  /** `key: value`, `'key': value`, and the shorthand `{ key }`. */
  private *keyOccurrences(key: string, begin = 0, stop = this.text.length): Generator<{ valueAt: number; shorthand: boolean }> {
    const { text } = this;
    let from = begin;
    for (;;) {
      const index = text.indexOf(key, from);
      if (index < 0 || index >= stop) return;
      from = index + key.length;
      const before = text[index - 1];
      const after = text[from];
      const quoted = before !== undefined && QUOTES.has(before) && after === before;
      if (!quoted && ((before !== undefined && (IDENT_CHAR.test(before) || before === '.')) || (after !== undefined && IDENT_CHAR.test(after)))) continue;
      const next = this.skipTrivia(quoted ? from + 1 : from);
      if (text[next] === ':' && text[next + 1] !== ':') {
        yield { valueAt: next + 1, shorthand: false };
      } else if (!quoted && (text[next] === ',' || text[next] === '}')) {
        let cursor = index - 1;
        while (cursor >= 0 && /\s/u.test(text[cursor] as string)) cursor--;
        if (text[cursor] === '{' || text[cursor] === ',') yield { valueAt: index, shorthand: true };
      }
    }
  }

  // ---- Request bodies -------------------------------------------------------------------------

  /**
   * Whether the object literal around `position` may be a request body (`objectIsRequestBody`):
   * an argument of `new URLSearchParams(…)`, `stringify(…)`, `encode(…)`, or the value of a `body`,
   * `data`, `form`, `json`, `params`, `searchParams` or `query` key. `true` when unsure.
   */
  mayBeRequestBody(position: number): boolean {
    const { text } = this;
    let depth = 0;
    let sought: 'object' | 'call' = 'object';
    let lineEnd = position;
    let scanned = 0;
    // The code before the position, line by line from the end, strings and comments blanked out.
    while (scanned < 20_000) {
      const lineStart = text.lastIndexOf('\n', lineEnd - 1) + 1;
      if (lineEnd - lineStart > 5000) return true;
      const code = blankLine(text.slice(lineStart, lineEnd));
      if (code === undefined) return true;
      for (let index = code.length - 1; index >= 0; index--) {
        const char = code[index];
        if (char === ')' || char === ']' || char === '}') {
          depth++;
        } else if (char === '(' || char === '[' || char === '{') {
          if (depth > 0) {
            depth--;
            continue;
          }
          const before = code.slice(0, index).trimEnd();
          // What opens it is on an earlier line: unsure.
          if (before === '') return true;
          if (sought === 'object') {
            if (char !== '{') return false;
            if (before.endsWith(',')) {
              sought = 'call';
              continue;
            }
            return isBodyContext(before);
          }
          if (char !== '(') return false;
          return isBodyContext(`${before}(`);
        }
      }
      if (lineStart === 0) return false;
      scanned += lineEnd - lineStart + 1;
      lineEnd = lineStart - 1;
    }
    return true;
  }
}

/**
 * A line of code with string contents and a line comment blanked out; `undefined` when it cannot
 * tell (templates, block comments, a regular expression or division with quotes or brackets).
 */
function blankLine(line: string): string | undefined {
  if (line.includes('`')) return undefined;
  let out = '';
  for (let index = 0; index < line.length; index++) {
    const char = line[index] as string;
    if (char === '*' && line[index + 1] === '/') return undefined;
    if (char === '/' && line[index + 1] === '*') {
      // A block comment closed on this line is blanked; one that goes on is not understood.
      const close = line.indexOf('*/', index + 2);
      if (close < 0) return undefined;
      out += ' '.repeat(close + 2 - index);
      index = close + 1;
    } else if (char === "'" || char === '"') {
      let end = index + 1;
      while (end < line.length && line[end] !== char) end += line[end] === '\\' ? 2 : 1;
      if (end >= line.length) return undefined;
      out += `${char}${' '.repeat(end - index - 1)}${char}`;
      index = end;
    } else if (char === '/' && line[index + 1] === '/') {
      break;
    } else if (char === '/') {
      const next = line.indexOf('/', index + 1);
      if (next >= 0 && /['"()[\]{}]/u.test(line.slice(index + 1, next))) return undefined;
      out += char;
    } else {
      out += char;
    }
  }
  return out;
}

/** Whether code ending here opens a request body: `URLSearchParams(`, `stringify(`, `encode(`, `body:`. */
function isBodyContext(before: string): boolean {
  if (before.endsWith('(')) {
    const callee = /([A-Za-z_$][\w$]*)\s*\($/u.exec(before);
    // `stringify<T>(`, `f()(`: unsure.
    if (!callee) return true;
    return BODY_BUILDER.test(callee[1] as string);
  }
  if (before.endsWith(':')) {
    const key = /([A-Za-z_$][\w$]*)['"]?\s*:$/u.exec(before);
    if (!key) return true;
    return REQUEST_OPTION_KEY.test(key[1] as string);
  }
  return false;
}

function merge(a: Leaves, b: Leaves): Leaves {
  if (a === UNKNOWN || b === UNKNOWN) return UNKNOWN;
  if (b.length === 0) return a;
  if (a.length === 0) return b;
  return [...a, ...b];
}

let lastAnalysis: TextAnalysis | undefined;

function analysisOf(text: string, filename: string | undefined): TextAnalysis {
  if (lastAnalysis?.text !== text || lastAnalysis.mayBeTs !== (filename === undefined || !/\.(?:[cm]?js|jsx)$/iu.test(filename))) {
    lastAnalysis = new TextAnalysis(text, filename);
  }
  return lastAnalysis;
}

// ---- Name sites -----------------------------------------------------------------------------

/** Kinds a name site may report beyond its name's own: `password` and `username` in token requests. */
interface NameSiteKind {
  readonly kind: CredentialKind;
  readonly sink: boolean;
  /** A property of this name may be in a request body (then a sink). */
  readonly maybeSink: boolean;
  /** Only a property of an object literal is this site (a catalogue slot, a token request's `auth`). */
  readonly propertyOnly: boolean;
  /** The name the rule classifies the value under, when not the property's own. */
  readonly classifyName?: string;
}

function nameSiteKinds(name: string, kind: CredentialKind | undefined, httpTokenRequest: boolean, passwordKey: boolean): NameSiteKind[] {
  const kinds: NameSiteKind[] = [];
  if (kind) kinds.push({ kind, sink: false, maybeSink: kind === 'client-secret' || kind === 'client-id' || kind === 'password', propertyOnly: false });
  if (httpTokenRequest && name === 'password') kinds.push({ kind: 'client-secret', sink: true, maybeSink: false, propertyOnly: true, classifyName: 'clientSecret' });
  if (httpTokenRequest && passwordKey && name === 'username') kinds.push({ kind: 'client-id', sink: true, maybeSink: false, propertyOnly: true, classifyName: 'clientId' });
  return kinds;
}

/** A name the rule may read at a hit: an identifier, a quoted name, a JSX attribute with dashes. */
interface NameReading {
  readonly name: string;
  /** The index after the name (after the closing quote of a quoted name). */
  readonly after: number;
  /** The opening quote of a quoted name. */
  readonly open?: number;
}

/** The names around a hit of a credential word, by where the identifier around it starts. */
interface NameHit {
  readonly start: number;
  readonly readings: readonly NameReading[];
}

/** `[\w$\u00a0-\uffff]` for one UTF-16 code unit (`NaN` outside the text is not). */
function isIdentCode(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57) || code === 95 || code === 36 || code >= 0xa0;
}

/** `[\w$-]`. */
function isDashNameCode(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57) || code === 95 || code === 36 || code === 45;
}

/**
 * Whether the identifier at `start` is read as a member (`a.name`, `a?.name`) or is the first branch
 * of a conditional (`cond ? name : other`): then a `:` after it starts no property value.
 */
function isMemberOrConsequent(text: string, start: number): boolean {
  let index = start - 1;
  while (index >= 0 && (text[index] === ' ' || text[index] === '\t' || text[index] === '\n' || text[index] === '\r')) index--;
  if (text[index] === '.') return text[index - 1] !== '.';
  return text[index] === '?' && text[index - 1] !== '?';
}

/** The readings around a hit at `index`. */
function nameHitAt(text: string, index: number): NameHit {
  let start = index;
  // The identifier around the start of the hit (`client[^a-z0-9]*id` may span several tokens).
  let end = index + 1;
  while (start > 0 && isIdentCode(text.charCodeAt(start - 1))) start--;
  while (end < text.length && isIdentCode(text.charCodeAt(end))) end++;
  // A quoted name: `'client-secret': …`, `"X-Api-Key": …`, `params.set('client_secret', …)`.
  const readings: NameReading[] = [{ name: text.slice(start, end), after: end }];
  // The last quote within 80 characters before the name, and the same quote within 82 after it.
  let openAt = -1;
  for (let cursor = start - 1, stop = Math.max(0, start - 80); cursor >= stop; cursor--) {
    const code = text.charCodeAt(cursor);
    if (code === 39 || code === 34 || code === 96) {
      openAt = cursor;
      break;
    }
  }
  if (openAt >= 0) {
    const quote = text.charCodeAt(openAt);
    let close = -1;
    for (let cursor = end, stop = Math.min(text.length - 1, openAt + 82); cursor <= stop; cursor++) {
      if (text.charCodeAt(cursor) === quote) {
        close = cursor;
        break;
      }
    }
    const name = close >= 0 && !/[\n'"`]/u.test(text.slice(openAt + 1, close)) ? unescapeJs(text.slice(openAt + 1, close)) : undefined;
    if (name !== undefined) readings.push({ name, after: close + 1, open: openAt });
  }
  // A JSX attribute may have dashes: `client-secret="…"`.
  let dashStart = start;
  let dashEnd = end;
  while (dashStart > 0 && isDashNameCode(text.charCodeAt(dashStart - 1))) dashStart--;
  while (dashEnd < text.length && isDashNameCode(text.charCodeAt(dashEnd))) dashEnd++;
  if (dashStart !== start || dashEnd !== end) readings.push({ name: text.slice(dashStart, dashEnd), after: dashEnd });
  return { start, readings };
}

/**
 * The hits of every credential word in the text (`CREDENTIAL_WORDS`: every name of every kind
 * contains one), with their readings: found once per text for the three gates.
 */
function nameHitsOf(analysis: TextAnalysis): readonly NameHit[] {
  return analysis.remember('nameHits', () => {
    const hits: NameHit[] = [];
    const seen = new Set<number>();
    for (const index of gateWordsOf(analysis).get('name') ?? []) {
      const hit = nameHitAt(analysis.text, index);
      if (seen.has(hit.start)) continue;
      seen.add(hit.start);
      hits.push(hit);
    }
    return hits;
  });
}

/** Whether the file may send a token request with `fetch` or a catalogue HTTP client (then `password` and `username` keys are sites). */
function httpHintsOf(analysis: TextAnalysis): { readonly httpTokenRequest: boolean; readonly passwordKey: boolean } {
  return analysis.remember('httpHints', () => {
    const { text } = analysis;
    const httpTokenRequest = ((text.includes('fetch') && /\bfetch\b/u.test(text)) || rowsForModules(HTTP_CLIENT_ROWS, analysis.importedModules()).size > 0) && TOKEN_URL_HINT.test(text);
    return { httpTokenRequest, passwordKey: httpTokenRequest && /\bpassword\b/u.test(text) };
  });
}

function nameSite(analysis: TextAnalysis, wanted: KindFilter, extraKeys: ReadonlyMap<string, readonly { kind: CredentialKind; sink: boolean }[]>): { name: string; at: number } | undefined {
  const { text } = analysis;
  const { httpTokenRequest, passwordKey } = httpHintsOf(analysis);
  const names = new Map<string, NameSiteKind[]>();
  const kindsOf = (name: string): NameSiteKind[] => {
    let kinds = names.get(name);
    if (!kinds) {
      kinds = [...nameSiteKinds(name, kindOfName(name), httpTokenRequest, passwordKey), ...(extraKeys.get(name) ?? []).map((slot) => ({ ...slot, maybeSink: false, propertyOnly: true }))].filter((entry) => wanted(entry.kind));
      names.set(name, kinds);
    }
    return kinds;
  };
  /**
   * `how`: `property` (`name: value`), `assign` (`name = value`: a variable, a field, a default),
   * `set` (`.set('name', value)`). `nameAt` is where the name starts.
   */
  const check = (name: string, valueAt: number, how: 'property' | 'assign' | 'set', nameAt: number): boolean => {
    const pattern = how === 'property' && analysis.isPatternProperty(valueAt);
    for (const site of kindsOf(name)) {
      // A property of a destructuring pattern is no site; only its default is (`{ password: p = '…' } = o`).
      let from = valueAt;
      if (pattern) {
        const defaultAt = analysis.patternDefault(valueAt);
        if (defaultAt === undefined) continue;
        from = defaultAt;
      }
      let sink = site.sink;
      let maybeSink = site.maybeSink;
      if (how === 'set') {
        sink = true;
        maybeSink = false;
      } else if (how === 'assign' || pattern) {
        // A variable is a property site only through a shorthand use (`{ password }`) of its declaration.
        const shorthand = (site.propertyOnly || site.maybeSink) && analysis.isDeclaration(nameAt) ? analysis.shorthandUses(name) : [];
        if (site.propertyOnly) {
          if (shorthand.length === 0) continue;
        } else if (site.maybeSink) {
          maybeSink = shorthand.length > 0;
        }
      }
      const query: SiteQuery = { kind: site.kind, name: site.classifyName ?? (/^(?:proxy-)?authorization$/iu.test(name) ? undefined : name), sink, maybeSink };
      const leaves = analysis.valueLeaves(from, 0, undefined, how === 'assign', sink);
      if (leaves === UNKNOWN) return true;
      for (const leaf of leaves) {
        if (!analysis.leafReportable(leaf, query)) continue;
        if (query.sink || !query.maybeSink || analysis.leafReportable(leaf, { ...query, maybeSink: false })) return true;
        // Only a sink reading reports it: a property in a request body.
        if (how === 'property' ? analysis.mayBeRequestBody(valueAt) : analysis.shorthandUses(name).some((at) => analysis.mayBeRequestBody(at))) return true;
      }
    }
    return false;
  };
  const tryHit = ({ start, readings }: NameHit): { name: string; at: number } | undefined => {
    for (const reading of readings) {
      if (kindsOf(reading.name).length === 0) continue;
      let next = analysis.skipTrivia(reading.after);
      if (text[next] === ']') next = analysis.skipTrivia(next + 1);
      if ((text[next] === '?' || text[next] === '!') && (text[next + 1] === ':' || text[next + 1] === '=')) next++;
      const char = text[next];
      // `cond ? Names.CLIENT_ID : …`, `case Kinds.token:`, `cond ? token : …`: no property key before `:`.
      if (char === ':' && text[next + 1] !== ':' && !(reading.open === undefined && isMemberOrConsequent(text, start))) {
        if (check(reading.name, next + 1, 'property', start)) return { name: reading.name, at: start };
        if (analysis.mayBeTs) {
          const initializer = analysis.skipTypeToInitializer(next + 1);
          if (initializer === undefined || (initializer >= 0 && check(reading.name, initializer, 'assign', start))) return { name: reading.name, at: start };
        }
      } else if (text[next] === '=' && next === reading.after && reading.open === undefined && QUERY_NAME.test(reading.name) && /['"`}?&]/u.test(text[start - 1] ?? '') && queryValueReportable(analysis, reading.name, next + 1, wanted)) {
        return { name: reading.name, at: start };
      } else if (analysis.isAssign(next)) {
        if (check(reading.name, next + 1, 'assign', start)) return { name: reading.name, at: start };
      } else if ((char === '|' && text[next + 1] === '|' && text[next + 2] === '=') || (char === '?' && text[next + 1] === '?' && text[next + 2] === '=')) {
        if (check(reading.name, next + 3, 'assign', start)) return { name: reading.name, at: start };
      } else if (char === ',' && reading.open !== undefined && /\.\s*(?:set|append)\s*\(\s*$/u.test(text.slice(Math.max(0, reading.open - 40), reading.open))) {
        if (check(reading.name, next + 1, 'set', start)) return { name: reading.name, at: start };
      }
    }
    return undefined;
  };
  const seen = new Set<number>();
  for (const hit of nameHitsOf(analysis)) {
    seen.add(hit.start);
    const found = tryHit(hit);
    if (found) return found;
  }
  // Keys the credential words find anyway (`clientSecret`, `private_key`) were tried above: every
  // place they stand is the start of one of those hits.
  const extra = [...extraKeys.keys(), ...(httpTokenRequest ? ['password', 'username'] : [])].filter((key) => !foundByCredentialWords(key));
  if (extra.length > 0) {
    const source = `(?<![\\w$])(?:${extra.map((key) => key.replace(/[\\^$.*+?()[\]{}|/]/gu, '\\$&')).join('|')})(?![\\w$])`;
    // The three hard-coded rules' gates ask with the same keys: one search of the text.
    const starts = analysis.remember(`keys:${source}`, () => Array.from(text.matchAll(new RegExp(source, 'gu')), (match) => match.index));
    for (const index of starts) {
      const hit = nameHitAt(text, index);
      if (seen.has(hit.start)) continue;
      seen.add(hit.start);
      const found = tryHit(hit);
      if (found) return found;
    }
  }
  return undefined;
}

const PLAIN_IDENTIFIER = /^[A-Za-z_$][\w$]*$/u;
const foundByCredentialWordsMemo = new Map<string, boolean>();

/**
 * Whether every place a key stands as a whole word is also where a name hit of the credential
 * words starts (`nameHitsOf`): a plain identifier that holds a credential word on its own (the
 * words' tests look only inside it: a key prefix before `key`, `id` after `client`, no letter or
 * digit after `pat`, and the text has none of `[\w$]` around a whole word).
 */
function foundByCredentialWords(key: string): boolean {
  let found = foundByCredentialWordsMemo.get(key);
  if (found === undefined) {
    found = PLAIN_IDENTIFIER.test(key) && (findGateWords(key).get('name')?.length ?? 0) > 0;
    foundByCredentialWordsMemo.set(key, found);
  }
  return found;
}

// ---- Catalogue sinks ------------------------------------------------------------------------

interface SinkSummary {
  /** Last keys of property slots of imported rows, with their kinds. */
  readonly keys: Map<string, { kind: CredentialKind; sink: boolean }[]>;
  /** Positional slots of imported rows: export (or method) name → slots. */
  readonly positional: Map<string, { arg: number; kind: CredentialKind }[]>;
  /** A positional slot whose callee cannot be found by name (a default export, a renamed import). */
  readonly wholesale: Set<CredentialKind>;
}

const summaryMemo = new WeakMap<TextAnalysis, Map<readonly UserSinkOption[] | undefined, SinkSummary>>();

/** The catalogue sinks of the text's imports, once per text and `sinks` option. */
function sinkSummary(analysis: TextAnalysis, sinks: readonly UserSinkOption[] | undefined): SinkSummary {
  let bySinks = summaryMemo.get(analysis);
  if (!bySinks) {
    bySinks = new Map();
    summaryMemo.set(analysis, bySinks);
  }
  let summary = bySinks.get(sinks);
  if (!summary) {
    summary = computeSinkSummary(analysis, sinks);
    bySinks.set(sinks, summary);
  }
  return summary;
}

function computeSinkSummary(analysis: TextAnalysis, sinks: readonly UserSinkOption[] | undefined): SinkSummary {
  const summary: SinkSummary = { keys: new Map(), positional: new Map(), wholesale: new Set() };
  const imported = analysis.importedModules();
  if (imported.length === 0) return summary;
  const rows = rowsForModules(sinkTableFor(sinks).rows, imported);
  const { text } = analysis;
  for (const row of rows) {
    const exported = row.method ?? row.path.at(-1);
    // A named export the text never mentions is never called.
    if (exported !== undefined && exported !== '*' && !text.includes(exported)) continue;
    for (const slot of row.slots) {
      const key = slot.path?.at(-1);
      if (key !== undefined) {
        const list = summary.keys.get(key) ?? [];
        list.push({ kind: slot.kind, sink: true });
        summary.keys.set(key, list);
        continue;
      }
      // Found by name unless the export is renamed on import or is the module itself.
      if (exported === undefined || exported === '*' || mayBeRenamed(text, exported)) {
        summary.wholesale.add(slot.kind);
        continue;
      }
      const list = summary.positional.get(exported) ?? [];
      list.push({ arg: slot.arg, kind: slot.kind });
      summary.positional.set(exported, list);
    }
  }
  return summary;
}

const rowIndexes = new WeakMap<readonly { readonly modules: readonly string[] }[], Map<string, unknown[]>>();

/** The rows with a module that one of the specifiers is, or is a subpath of (`@aws-sdk/client-s3` → `@aws-sdk`). */
function rowsForModules<Row extends { readonly modules: readonly string[] }>(rows: readonly Row[], specifiers: readonly string[]): Set<Row> {
  let index = rowIndexes.get(rows) as Map<string, Row[]> | undefined;
  if (!index) {
    index = new Map();
    for (const row of rows) {
      for (const module of row.modules) {
        const key = module.startsWith('node:') ? module.slice('node:'.length) : module;
        const list = index.get(key) ?? [];
        list.push(row);
        index.set(key, list);
      }
    }
    rowIndexes.set(rows, index);
  }
  const found = new Set<Row>();
  for (const specifier of specifiers) {
    const normalised = specifier.startsWith('node:') ? specifier.slice('node:'.length) : specifier;
    for (let cut = normalised.length; cut > 0; cut = normalised.lastIndexOf('/', cut - 1)) {
      for (const row of index.get(normalised.slice(0, cut)) ?? []) found.add(row);
    }
  }
  return found;
}

/**
 * Whether an export may be called under another name: `{ sign as s }`, `{ sign: s } = require(…)`,
 * `const s = jwt.sign` (a read of the name that is not a call).
 */
function mayBeRenamed(text: string, exported: string): boolean {
  // `(?<![\w$])NAME\s+as(?![\w$])|(?<![\w$])NAME\s*:|['"`]NAME['"`]` and
  // `(?:[.=]|\bdefault)\s*NAME(?![\w$])(?!\s*[(.])`, tested at each `indexOf` of the name (an
  // expression that starts with a class or a look-behind tries every position of the text).
  if (exported === '') return true;
  for (let start = text.indexOf(exported); start !== -1; start = text.indexOf(exported, start + 1)) {
    const end = start + exported.length;
    const next = skipSpaceAt(text, end);
    const wordStart = !isWordCharAt(text, start - 1);
    if (wordStart && next > end && text.startsWith('as', next) && !isWordCharAt(text, next + 2)) return true;
    if (wordStart && text[next] === ':') return true;
    if (QUOTES.has(text[start - 1] ?? '') && QUOTES.has(text[end] ?? '')) return true;
    if (isWordCharAt(text, end) || text[next] === '(' || text[next] === '.') continue;
    const before = skipSpaceBackAt(text, start - 1);
    if (text[before] === '.' || text[before] === '=' || (before >= 6 && text.startsWith('default', before - 6) && !isRegExpWordCharAt(text, before - 7))) return true;
  }
  return false;
}

/** Whether the character at `index` is one of `[\w$]` (NaN outside the text is not). */
function isWordCharAt(text: string, index: number): boolean {
  const code = text.charCodeAt(index);
  return isAsciiAlnum(code) || code === 95 || code === 36;
}

/** Whether the character at `index` is a word character of `\b` (`[A-Za-z0-9_]`). */
function isRegExpWordCharAt(text: string, index: number): boolean {
  const code = text.charCodeAt(index);
  return isAsciiAlnum(code) || code === 95;
}

/** Whether the character at `index` is white space (`\s`). */
function isSpaceAt(text: string, index: number): boolean {
  const code = text.charCodeAt(index);
  if (code < 128) return code === 32 || (code >= 9 && code <= 13);
  return /\s/u.test(text.charAt(index));
}

/** The first index from `index` on that is not white space. */
function skipSpaceAt(text: string, index: number): number {
  let at = index;
  while (at < text.length && isSpaceAt(text, at)) at++;
  return at;
}

/** The last index at or before `index` that is not white space, -1 if none. */
function skipSpaceBackAt(text: string, index: number): number {
  let at = index;
  while (at >= 0 && isSpaceAt(text, at)) at--;
  return at;
}

/** The start of each argument of the call whose `(` is at `open`, up to `count` arguments. */
function argumentStarts(analysis: TextAnalysis, open: number, count: number): number[] | undefined {
  const { text } = analysis;
  const starts = [open + 1];
  let depth = 0;
  const limit = Math.min(text.length, open + 20_000);
  for (let index = open + 1; index < limit; index++) {
    const char = text[index] as string;
    if (char === "'" || char === '"' || char === '`') {
      const end = analysis.skipLiteral(index);
      if (end === undefined) return undefined;
      index = end - 1;
    } else if (char === '/' && (text[index + 1] === '/' || text[index + 1] === '*')) {
      index = analysis.skipTrivia(index) - 1;
    } else if (char === '(' || char === '[' || char === '{') {
      depth++;
    } else if (char === ')' || char === ']' || char === '}') {
      if (depth === 0) return starts;
      depth--;
    } else if (char === ',' && depth === 0) {
      starts.push(index + 1);
      if (starts.length > count) return starts;
    }
  }
  return undefined;
}

function mayHavePositionalSinkSite(analysis: TextAnalysis, summary: SinkSummary, wanted: KindFilter): boolean {
  const { text } = analysis;
  for (const [exported, slots] of summary.positional) {
    const relevant = slots.filter((slot) => wanted(slot.kind));
    if (relevant.length === 0) continue;
    const maxArg = Math.max(...relevant.map((slot) => slot.arg));
    // `(?<![\w$])NAME\s*\(`, at each `indexOf` of the name.
    for (let at = exported === '' ? -1 : text.indexOf(exported); at !== -1; at = text.indexOf(exported, at + 1)) {
      const open = skipSpaceAt(text, at + exported.length);
      if (isWordCharAt(text, at - 1) || text[open] !== '(') continue;
      const starts = argumentStarts(analysis, open, maxArg);
      if (!starts) return true;
      for (const slot of relevant) {
        const start = starts[slot.arg];
        if (start === undefined) continue;
        if (analysis.leavesReportable(analysis.valueLeaves(start, 0, undefined, false, true), { kind: slot.kind, sink: true })) return true;
      }
    }
  }
  return false;
}

// ---- Other shapes ---------------------------------------------------------------------------

/**
 * `'Basic ' + btoa('id:secret')`, `Buffer.from(\`${id}:${secret}\`)` in an authorization header
 * (`addBasicCredentialSites`): the rule splits the argument into the literal parts and expressions
 * of its `+` chain or template, and reports what follows the first literal `:` when that is a
 * literal tail or one expression `resolveString` resolves. So the call counts when the literal text
 * after the colon, or any expression after it (followed like any other value: consts, member reads
 * of const objects, `String(…)`), may be reported as a password or client secret. Expressions the
 * rule cannot resolve (`decodeURIComponent(password)`, `opts.auth`, `this._clientSecret`, a
 * parameter) do not count; an argument the text test cannot split passes.
 */
function mayHaveBasicHeader(analysis: TextAnalysis, wanted: KindFilter): boolean {
  const kinds = (['client-secret', 'password'] as const).filter((kind) => wanted(kind));
  if (kinds.length === 0) return false;
  const values = analysis.remember('basicValues', () => basicHeaderValues(analysis));
  return kinds.some((kind) => analysis.remember(`basic:${kind}`, () => values.some((leaves) => analysis.leavesReportable(leaves, { kind, sink: true }))));
}

/** The values after the colon of every `btoa`/`Buffer.from` call that may build a `Basic` header (`UNKNOWN` when unsure). */
function basicHeaderValues(analysis: TextAnalysis): Leaves[] {
  const { text } = analysis;
  const values: Leaves[] = [];
  if (!(text.includes('btoa') || text.includes('Buffer')) || !/basic|auth/iu.test(text)) return values;
  for (const match of text.matchAll(/(?<![\w$])(?:btoa|Buffer\s*\.\s*from)\s*\(/gu)) {
    // `inBasicHeader`: within a few ancestors, a `'Basic ' +`, an `authorization` or `basic…` key, or a variable named `…basic…`/`…auth…`.
    if (!/basic|auth/iu.test(text.slice(Math.max(0, match.index - 400), match.index))) continue;
    const open = match.index + match[0].length - 1;
    const starts = argumentStarts(analysis, open, 1);
    const end = starts === undefined ? undefined : starts.length > 1 ? (starts[1] as number) - 1 : closingParen(analysis, open);
    const parts = end === undefined ? undefined : basicParts(analysis, open + 1, end);
    if (parts === undefined) {
      values.push(UNKNOWN);
      continue;
    }
    const colon = parts.findIndex((part) => typeof part === 'string' && part.includes(':'));
    if (colon < 0) continue;
    const colonText = parts[colon] as string;
    const tail = [colonText.slice(colonText.indexOf(':') + 1), ...parts.slice(colon + 1).filter((part): part is string => typeof part === 'string')].join('');
    let leaves: Leaves = tail === '' ? [] : [{ value: tail }];
    for (const part of parts.slice(colon + 1)) if (typeof part === 'number') leaves = merge(leaves, analysis.valueLeaves(part, 0));
    values.push(leaves);
  }
  return values;
}

/**
 * The parts of a `+` chain of string literals, templates and other operands between `from` and
 * `to` (`flattenParts`): literal text as strings, an expression as the index where it starts.
 * `undefined` when the text test cannot split it (an operator that binds looser than `+`, a
 * parenthesised or regular-expression operand, an unreadable literal).
 */
function basicParts(analysis: TextAnalysis, from: number, to: number): (string | number)[] | undefined {
  const { text } = analysis;
  const parts: (string | number)[] = [];
  let index = analysis.skipTrivia(from);
  while (index < to) {
    const char = text[index];
    if (char === "'" || char === '"') {
      const string = analysis.readString(index);
      if (!string || string.end < 0) return undefined;
      const value = unescapeJs(string.raw);
      if (value === undefined) return undefined;
      parts.push(value);
      index = string.end;
    } else if (char === '`') {
      const end = templateParts(analysis, index, parts);
      if (end === undefined) return undefined;
      index = end;
    } else if (char === '(') {
      return undefined;
    } else {
      const end = operandEnd(analysis, index, to);
      if (end === undefined) return undefined;
      parts.push(index);
      index = end;
    }
    index = analysis.skipTrivia(index);
    if (index >= to) break;
    if (text[index] !== '+' || text[index + 1] === '+' || text[index + 1] === '=') return undefined;
    index = analysis.skipTrivia(index + 1);
  }
  return parts;
}

/** Pushes the quasis and expression starts of the template at `position`; the index after it. */
function templateParts(analysis: TextAnalysis, position: number, parts: (string | number)[]): number | undefined {
  const { text } = analysis;
  let quasi = position + 1;
  let index = quasi;
  while (index < text.length) {
    const char = text[index];
    if (char === '\\') {
      index += 2;
    } else if (char === '`' || (char === '$' && text[index + 1] === '{')) {
      const value = unescapeJs(text.slice(quasi, index));
      if (value === undefined) return undefined;
      parts.push(value);
      if (char === '`') return index + 1;
      const close = closingParen(analysis, index + 1);
      if (close === undefined || text[close] !== '}') return undefined;
      parts.push(index + 2);
      quasi = close + 1;
      index = quasi;
    } else {
      index++;
    }
  }
  return undefined;
}

/** The end of a non-literal operand starting at `position` (at a top-level `+` or `to`); `undefined` when unsure. */
function operandEnd(analysis: TextAnalysis, position: number, to: number): number | undefined {
  const { text } = analysis;
  let depth = 0;
  for (let index = position; index < to; index++) {
    const char = text[index] as string;
    if (char === "'" || char === '"' || char === '`') {
      const end = analysis.skipLiteral(index);
      if (end === undefined) return undefined;
      index = end - 1;
    } else if (char === '(' || char === '[' || char === '{') {
      depth++;
    } else if (char === ')' || char === ']' || char === '}') {
      if (depth === 0) return undefined;
      depth--;
    } else if (depth === 0) {
      if (char === '+' && text[index + 1] !== '+' && text[index + 1] !== '=' && text[index - 1] !== '+') return index;
      // Operators that bind looser than `+` (`?:`, `||`, `&&`, `??`, comparisons, `=`, `=>`), a `,`, a regular expression or a comment.
      if ('?|&=<>,/'.includes(char)) return undefined;
    }
  }
  return depth === 0 ? to : undefined;
}

function closingParen(analysis: TextAnalysis, open: number): number | undefined {
  const { text } = analysis;
  let depth = 0;
  const limit = Math.min(text.length, open + 20_000);
  for (let index = open + 1; index < limit; index++) {
    const char = text[index] as string;
    if (char === "'" || char === '"' || char === '`') {
      const end = analysis.skipLiteral(index);
      if (end === undefined) return undefined;
      index = end - 1;
    } else if (char === '(' || char === '[' || char === '{') {
      depth++;
    } else if (char === ')' || char === ']' || char === '}') {
      if (depth === 0) return index;
      depth--;
    }
  }
  return undefined;
}

/**
 * `grant_type=client_credentials&client_secret=…` in a string (`addQueryStringSites`): the name
 * right after the string's start, a template's `}`, `?` or `&`, and the value after its `=`. Every
 * such name holds a credential word (`CREDENTIAL_WORDS`), so the name search finds it.
 */
function queryValueReportable(analysis: TextAnalysis, name: string, start: number, wanted: KindFilter): boolean {
  const kind = kindOfName(name);
  if (!kind || !wanted(kind)) return false;
  const raw = /^[^&#\s'"`;)]*/u.exec(analysis.text.slice(start, start + 4096))?.[0] ?? '';
  if (raw === '') return false;
  if (raw.includes('\\')) return true;
  const values = raw.includes('${') ? [raw, raw.slice(0, raw.indexOf('${'))] : [raw];
  return values.some((value) => value !== '' && analysis.leafReportable({ value }, { kind, name, sink: true }));
}

/** A string literal that is all an Acumatica `<GUID>@<tenant>` client id (reported wherever it stands). */
function mayHaveAcumaticaClientId(text: string): boolean {
  for (let at = text.indexOf('@', 37); at >= 0; at = text.indexOf('@', at + 1)) {
    if (!/[0-9a-fA-F]/u.test(text[at - 1] as string)) continue;
    if (ACUMATICA_BEFORE_AT.test(text.slice(at - 37, at))) return true;
  }
  return false;
}

const KTY_KEY = /kty['"]?\s*:/u;

/** The private `d` of a JWK: a `d` key in the same object literal as a `kty` key. */
function mayHaveJwkD(analysis: TextAnalysis, wanted: KindFilter): boolean {
  const { text } = analysis;
  if (!wanted('private-key') || !text.includes('kty')) return false;
  const reportable = (valueAt: number): boolean => analysis.leavesReportable(analysis.valueLeaves(valueAt, 0), { kind: 'private-key', sink: true });
  const D_KEY = /(?<![\w$.])(?:d|'d'|"d")\s*:/gu;
  // `d` before `kty`: the rest of its object holds `kty`.
  for (const match of text.matchAll(D_KEY)) {
    const valueAt = match.index + match[0].length;
    const close = analysis.closingBrace(valueAt);
    const rest = text.slice(valueAt, close ?? valueAt + 10_000);
    if (KTY_KEY.test(rest) && reportable(valueAt)) return true;
  }
  // `d` after `kty`: in the rest of the object after `kty`.
  for (const match of text.matchAll(new RegExp(KTY_KEY.source, 'gu'))) {
    const after = match.index + match[0].length;
    const close = analysis.closingBrace(after);
    if (close === undefined) return true;
    D_KEY.lastIndex = 0;
    for (const inner of text.slice(after, close).matchAll(D_KEY)) if (reportable(after + inner.index + inner[0].length)) return true;
  }
  return false;
}

/** superagent `.auth(user, pass)`: checked wholesale in files that import superagent. */
function mayHaveSuperagentAuth(analysis: TextAnalysis, wanted: KindFilter): boolean {
  if (!(wanted('client-secret') || wanted('client-id') || wanted('password'))) return false;
  if (!analysis.importedModules().some((specifier) => specifier === 'superagent' || specifier.startsWith('superagent/'))) return false;
  return /\.\s*auth\s*\(/u.test(analysis.text);
}

/** The credential kinds one rule reports. */
export interface SiteKinds {
  readonly wanted: KindFilter;
}

export const CLIENT_SECRET_SITES: SiteKinds = { wanted: (kind) => kind === 'client-secret' };
export const CLIENT_ID_SITES: SiteKinds = { wanted: (kind) => kind === 'client-id' };
/** Passwords, API keys, tokens, private keys, signing secrets and plain secrets. */
export const OTHER_CREDENTIAL_SITES: SiteKinds = { wanted: (kind) => kind !== 'client-secret' && kind !== 'client-id' };

/**
 * Whether the hard-coded-credential collection may report a site of the given kinds in `text`:
 * the local tests described at the top of this file.
 */
export function mayHaveCredentialSiteOfKind(text: string, kinds: SiteKinds, context?: GateContext): boolean {
  return credentialSiteReason(text, kinds, context) !== undefined;
}

/** Why `mayHaveCredentialSiteOfKind` lets a text through (`name password at 1234`), for tests and tuning. */
export function credentialSiteReason(text: string, kinds: SiteKinds, context?: GateContext): string | undefined {
  const analysis = analysisOf(text, context?.filename);
  const option = (context?.options as { sinks?: readonly UserSinkOption[] } | undefined)?.sinks;
  const sinks = Array.isArray(option) ? option : undefined;
  // The scanner's prefilter and then the rule's own `create()` ask the same question of the same text.
  let byKinds = reasonMemo.get(analysis);
  if (!byKinds) {
    byKinds = new Map();
    reasonMemo.set(analysis, byKinds);
  }
  let bySinks = byKinds.get(kinds);
  if (!bySinks) {
    bySinks = new Map();
    byKinds.set(kinds, bySinks);
  }
  if (bySinks.has(sinks)) return bySinks.get(sinks);
  const reason = siteReason(analysis, kinds.wanted, sinks);
  bySinks.set(sinks, reason);
  return reason;
}

const reasonMemo = new WeakMap<TextAnalysis, Map<SiteKinds, Map<readonly UserSinkOption[] | undefined, string | undefined>>>();

function siteReason(analysis: TextAnalysis, wanted: KindFilter, sinks: readonly UserSinkOption[] | undefined): string | undefined {
  const { text } = analysis;
  const summary = sinkSummary(analysis, sinks);
  const wholesale = [...summary.wholesale].find(wanted);
  if (wholesale) return `sink slot of kind ${wholesale} (callee not found by name)`;
  if (wanted('client-id') && mayHaveAcumaticaClientId(text)) return 'Acumatica client id';
  if (mayHaveBasicHeader(analysis, wanted)) return 'Basic header';
  if (mayHaveSuperagentAuth(analysis, wanted)) return 'superagent auth';
  if (mayHaveJwkD(analysis, wanted)) return 'JWK d';
  if (mayHavePositionalSinkSite(analysis, summary, wanted)) return 'positional sink slot';
  const site = nameSite(analysis, wanted, summary.keys);
  return site === undefined ? undefined : `name ${site.name} at ${site.at}`;
}

// ---- Known formats --------------------------------------------------------------------------

/**
 * A substring (or a loose form) of every format `findKnownSecrets` recognises in a code file:
 * secretlint's recommended preset (the AWS secret key, private keys, npm tokens and `x-oauth-basic`
 * URLs, basic-auth and database URLs with a password, Slack, SendGrid, Shopify, GitHub, OpenAI,
 * Anthropic, Linear and 1Password tokens; the AWS ids are off in the preset) and the OAuth formats
 * (Google client secrets and API keys, Azure AD client secrets, Stripe keys, JWTs).
 */
export const KNOWN_FORMAT_LOOSE =
  /PRIVATE KEY|npm_|x-oauth-basic|_authToken|xox[bpaor]-|xapp-|SG\.|shp(?:pa|ca|at|ss)_|gh[pousr]_|github_pat_|T3BlbkFJ|sk-ant-api0|lin_api_|ops_ey|GOCSPX-|AIza|Q~|[sr]k_(?:live|test)_|eyJ[\w-]{8,}\.eyJ|:\/\/[^:/\s]{1,256}:[^@/\s]{1,256}@|(?:SECRET|[Ss]ecret)_?(?:ACCESS|[Aa]ccess)|slack|Slack|SLACK/u;

const JWT_REST = /[\w-]{8,}\.eyJ/y;
const URL_PASSWORD_REST = /[^:/\s]{1,256}:[^@/\s]{1,256}@/y;

function matchesAt(pattern: RegExp, text: string, index: number): boolean {
  pattern.lastIndex = index;
  return pattern.test(text);
}

/**
 * `KNOWN_FORMAT_LOOSE` as literal words found with `indexOf` of a few rare anchor characters
 * (see `anchors.ts`), each alternative spelled out; the JWT and URL-password forms check the rest
 * of their pattern at the hit. One alternation regex tests every position of every file.
 */
const KNOWN_FORMAT_WORDS: readonly AnchoredWord[] = [
  ...[
    'PRIVATE KEY', 'npm_', 'x-oauth-basic', '_authToken', ...'bpaor'.split('').map((c) => `xox${c}-`), 'xapp-', 'SG.',
    ...['pa', 'ca', 'at', 'ss'].map((c) => `shp${c}_`), ...'pousr'.split('').map((c) => `gh${c}_`), 'github_pat_', 'T3BlbkFJ', 'sk-ant-api0',
    'lin_api_', 'ops_ey', 'GOCSPX-', 'AIza', 'Q~', ...['sk', 'rk'].flatMap((p) => ['live', 'test'].map((m) => `${p}_${m}_`)),
    ...['SECRET', 'Secret', 'secret'].flatMap((secret) => ['', '_'].flatMap((sep) => ['ACCESS', 'Access', 'access'].map((access) => `${secret}${sep}${access}`))),
    'slack', 'Slack', 'SLACK',
  ].map((form): AnchoredWord => ({ word: form })),
  { word: 'eyJ', accept: (text, start) => matchesAt(JWT_REST, text, start + 3) },
  { word: '://', accept: (text, start) => matchesAt(URL_PASSWORD_REST, text, start + 3) },
];

/**
 * The credential words of names (tag `name`) and the loose known-format forms (tag `known`), found
 * in one set of `indexOf` passes: the two lists share anchor characters (`K`, `S`, `k`…).
 */
const findGateWords = taggedHits([...CREDENTIAL_WORDS.map((entry) => word(entry, 'name')), ...KNOWN_FORMAT_WORDS.map((entry) => word(entry, 'known'))]);

function gateWordsOf(analysis: TextAnalysis): ReadonlyMap<string, number[]> {
  return analysis.remember('words', () => findGateWords(analysis.text));
}

/**
 * Whether the text spells a word that a credential name needs (`CREDENTIAL_WORDS`: a name
 * `classifySecretName` gives a kind holds one of them, in lower case, Capitalised or in capitals),
 * from the search the hard-coded rules' gates make of the same text (asked right after them with
 * the same text and file name, it costs nothing more).
 */
export function mayNameCredential(text: string, filename?: string): boolean {
  return (gateWordsOf(analysisOf(text, filename)).get('name') ?? []).some((start) => !startsWithPass(text, start) || passNamesCredential(text, start));
}

/**
 * Where the text spells a credential word (`CREDENTIAL_WORDS`), in ascending order: every name
 * `classifySecretName` gives a kind holds one. From the search the hard-coded rules' gates make of
 * the same text, so asked right after them it costs nothing more.
 */
export function credentialWordStarts(text: string, filename?: string): readonly number[] {
  return gateWordsOf(analysisOf(text, filename)).get('name') ?? [];
}

function startsWithPass(text: string, start: number): boolean {
  return text.slice(start, start + 4).toLowerCase() === 'pass';
}

/** `passw`, `passphrase` or `pass` as a whole word (`CREDENTIAL_NAME`), not `passive` or `compass`. */
function passNamesCredential(text: string, start: number): boolean {
  const next = text.charCodeAt(start + 4);
  return (next | 0x20) === 0x77 || !isAsciiAlnum(next) || text.slice(start + 4, start + 10).toLowerCase() === 'phrase';
}

/** Whether the text holds a loose known-format form (`KNOWN_FORMAT_LOOSE`). */
export function hasKnownFormatLooseForm(text: string, filename?: string): boolean {
  return (gateWordsOf(analysisOf(text, filename)).get('known')?.length ?? 0) > 0;
}

/**
 * Whether `findKnownSecrets` may find a token in the text: a cheap pass for the loose forms, then
 * the detector itself on the whole text (strings and comments are parts of it).
 */
export function mayHaveKnownFormatToken(text: string, filename?: string): boolean {
  // The GCP rule of the preset reads whole JSON files; a code file never is one.
  if (filename !== undefined && /\.json$/iu.test(filename)) return findKnownSecrets(text, { filePath: filename }).length > 0;
  if (!hasKnownFormatLooseForm(text, filename)) return false;
  return findKnownSecrets(text).length > 0;
}

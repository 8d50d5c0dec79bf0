/**
 * Text gate of `no-insecure-oauth-endpoint`. The rule reports the `allowInsecureRequests` switch
 * and strings whose static text starts with `http://` and whose host is not loopback (`localhost`,
 * `127.x.x.x`, `[::1]`, `*.localhost`) or is dynamic, when the string is
 *
 * - the value of an endpoint property (`issuer`, `tokenUrl`, `authority`… in canonical form),
 *   written there or held by a constant (`issuer: ISSUER`, `issuer: config.idp.url`);
 * - a string whose path is an OAuth endpoint (`/oauth/token`, `/.well-known/openid-configuration`,
 *   `/jwks`…), also when the path comes from a constant joined to it (`IDP + '/oauth/token'`);
 * - the issuer argument of a catalogue discovery API (`discovery(new URL('http://…'))`).
 *
 * So the gate looks at each `http://` string that does not start a loopback URL: its own path, the
 * key before it, and — when it is a constant (`const IDP = 'http://…'`, `{ url: 'http://…' }`) —
 * whether that name is used after an endpoint key, as a shorthand key (`{ baseUrl }`) or joined
 * with `+`. A string continued by `+` before its path ends, and files that import a discovery
 * module, pass on any such string (their path or use is not decided locally).
 *
 * A template continued by `${…}` is decided on its own text: the rule reads its expressions as
 * dynamic parts, and no endpoint path ends with one, so the template needs an `ENDPOINT_TAIL` word
 * in its text (or a `+` after it) to pass on its path (`new URL(\`http://n${req.url}\`)` does
 * not). A variable or member named like an endpoint key (`baseUrl = \`http://${x}\``) counts
 * where its value is used as one, not where it is assigned; a quote escaped inside another string
 * (`\`http://\`` in a template's text) starts no string.
 */
import { ENDPOINT_PATHS, ENDPOINT_PROPERTIES } from '../../catalogue/flows.js';
import { canonicalName, scanRegion } from './js-scan.js';

/** The rule's loopback hosts (`isLoopbackHost` in `src/util/urls.ts`, kept equal by a test). */
export const LOOPBACK_HOST = /^(?:localhost|127(?:\.\d{1,3}){3}|\[::1\]|\[0:0:0:0:0:0:0:1\]|[\w.-]+\.localhost)$/iu;
/** Modules whose discovery APIs take an issuer URL (the catalogue's `issuer-url` rows). */
const DISCOVERY_MODULE = /['"`](?:openid-client|oauth4webapi)(?:\/[^'"`\n]*)?['"`]/u;
/** `http://` at the start of a string, also escaped as `http:\/\/`. */
const HTTP_STRING = /(['"`])http:(?:\/\/|\\\/\\\/)/giu;

/**
 * Words one of which every path of `ENDPOINT_PATHS` ends with (a test ties them): a template whose
 * text holds none of them has no endpoint path.
 */
export const ENDPOINT_TAIL = /token|auth|userinfo|introspect|revoke|openid-configuration|jwks|certs/iu;

/** Whether the character at `index` is escaped (an odd run of backslashes before it). */
function escapedAt(text: string, index: number): boolean {
  let at = index - 1;
  while (at >= 0 && text.charCodeAt(at) === 92) at--;
  return (index - 1 - at) % 2 === 1;
}

/**
 * The text of the template whose `${` is at `index`, from there to its closing backquote (the
 * expressions left out), and whether a `+` follows it.
 */
function templateRest(text: string, index: number): { text: string; joined: boolean } {
  let at = index;
  let rest = '';
  while (at < text.length) {
    const code = text.charCodeAt(at);
    if (code === 92) {
      rest += text[at + 1] ?? '';
      at += 2;
    } else if (code === 96) {
      return { text: rest, joined: /^\s*\+/u.test(text.slice(at + 1, at + 40)) };
    } else if (code === 36 && text.charCodeAt(at + 1) === 123) {
      at = scanRegion(text, at + 2, '}');
      rest += ' ';
    } else {
      rest += text[at];
      at++;
    }
  }
  return { text: rest, joined: true };
}

function isEndpointKey(name: string): boolean {
  return ENDPOINT_PROPERTIES.has(canonicalName(name));
}

/** The name (key or declared constant) a string at `index` is assigned to, and whether it is a key. */
function assignedName(text: string, index: number): { name: string; key: boolean } | undefined {
  const before = text.slice(Math.max(0, index - 120), index);
  // `issuer: 'http://…'`, `'issuer': new URL('http://…')`, `const IDP: string = ('http://…'`.
  const match = /([A-Za-z_$][\w$-]*)['"]?\s*(?:(:)|(?::[^=;,(){}]*)?(=))\s*(?:new\s+URL\s*\(\s*|\(\s*|<[\w$.]+>\s*)*$/u.exec(before);
  if (!match) return undefined;
  return { name: match[1] ?? '', key: match[2] !== undefined };
}

export function mayReport(text: string): boolean {
  if (text.includes('allowInsecureRequests')) return true;
  if (!/http:/iu.test(text)) return false;
  const http = HTTP_STRING;
  let discovery: boolean | undefined;
  const endpointUses = new Map<string, boolean>();
  http.lastIndex = 0;
  for (let match = http.exec(text); match; match = http.exec(text)) {
    const quote = match[1] ?? '';
    // An escaped quote (`\`http://\`` in a template's text) starts no string: the string around it
    // starts elsewhere, and its own `http:` match is looked at there.
    if (escapedAt(text, match.index)) continue;
    const start = match.index + match[0].length;
    // The rest of the string: host, path, and whatever ends it (escapes read as the character
    // they stand for when it is a `/` or a quote, which only a string's end or its URL may hold).
    let end = start;
    let rest = '';
    while (end < text.length && end - start < 2000) {
      const char = text[end] as string;
      if (char === '\\') {
        const escaped = text[end + 1] ?? '';
        if (escaped !== '/' && escaped !== "'" && escaped !== '"' && escaped !== '`') break;
        rest += escaped;
        end += 2;
        continue;
      }
      if (char === quote || (char === '\n' && quote !== '`') || (quote === '`' && char === '$' && text[end + 1] === '{')) break;
      rest += char;
      end++;
    }
    const stop = text[end];
    const host = (/^[^/?#]*/u.exec(rest)?.[0] ?? '').replace(/^[^@]*@/u, '');
    // The host name is fixed once the string goes on past it (a path, or a `:port`).
    const hostEnds = rest.length > host.length || (!host.startsWith('[') && host.includes(':'));
    const continued = stop === '$' || stop === '\\' || (stop === quote && /^\s*\+/u.test(text.slice(end + 1, end + 40)));
    const hostname = host.startsWith('[') ? host.replace(/(\])(?::.*)?$/u, '$1') : host.replace(/:[^:]*$/u, '');
    // A loopback host written out in full is never reported.
    if (hostname !== '' && LOOPBACK_HOST.test(hostname) && (hostEnds || !continued)) continue;
    const path = /^[^/?#]*([^?#]*)/u.exec(rest)?.[1] ?? '';
    const pathEnds = /[?#]/u.test(rest) || !continued;
    if (pathEnds && ENDPOINT_PATHS.some((pattern) => pattern.test(path))) return true;
    if (!pathEnds) {
      // A concatenation may take its path from constants anywhere in the file: not decided here.
      if (stop !== '$') return true;
      // A template's path ends in its own text (its expressions are dynamic parts, which no
      // endpoint path ends with), unless the template is joined to more with `+`.
      const template = templateRest(text, end);
      if (template.joined || ENDPOINT_TAIL.test(template.text)) return true;
    }
    // The string is the URL, or a URL whose path is no endpoint. Who receives it?
    const assigned = assignedName(text, match.index);
    // Under an endpoint key it is reported; a variable or member named like one (`baseUrl = …`)
    // only where its value is used as one.
    if (assigned?.key === true && isEndpointKey(assigned.name)) return true;
    if ((discovery ??= DISCOVERY_MODULE.test(text))) return true;
    if (assigned && usedAsEndpoint(text, assigned.name, endpointUses)) return true;
  }
  return false;
}

/**
 * Whether a constant (or an object key holding the URL) is used where the rule would follow it:
 * after an endpoint key (`issuer: IDP`, `tokenUrl: config.idp.url`, `issuer: new URL(IDP)`), or at
 * the head of a concatenation (`IDP + '/oauth/token'`).
 */
function usedAsEndpoint(text: string, name: string, cache: Map<string, boolean>): boolean {
  const cached = cache.get(name);
  if (cached !== undefined) return cached;
  const escaped = name.replace(/\$/gu, '\\$');
  // The name, a non-null assertion or a type assertion, closing parentheses, then what follows the value.
  const uses = new RegExp(`(?<![\\w$])${escaped}(?![\\w$])(?:\\s*!)?(?:\\s+(?:as|satisfies)\\s+[\\w$.]+(?:<[^>\\n]*>)?(?:\\[\\])?)?\\s*\\)*\\s*(\\+|[,;}\\n\\])]|$)`, 'gu');
  let found = false;
  for (let match = uses.exec(text); match && !found; match = uses.exec(text)) {
    if (match[1] === '+') {
      found = true;
      break;
    }
    // The text before the use, back to the key: `issuer: config.idp.` / `issuer: new URL(`.
    const before = text.slice(Math.max(0, match.index - 120), match.index);
    const key = /([A-Za-z_$][\w$-]*)['"]?\s*:\s*(?:new\s+URL\s*\(\s*)?(?:[\w$]+\s*(?:\?\.|\.|!\.)\s*)*$/u.exec(before);
    if (key && isEndpointKey(key[1] ?? '')) found = true;
    // Shorthand `{ issuer }` of a constant named like an endpoint key.
    else if (isEndpointKey(name) && /^\s*[,}]/u.test(text.slice(match.index + name.length, match.index + name.length + 40)) && /(?:^|[^$]\{|,)\s*$/u.test(before)) found = true;
  }
  cache.set(name, found);
  return found;
}

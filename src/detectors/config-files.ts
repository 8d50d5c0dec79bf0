/**
 * Credentials in committed configuration files: JSON (`keycloak.json`, Google
 * `client_secret*.json`, `appsettings.json`), YAML (`okta.yaml`), `.env`, `.properties`, `.npmrc`,
 * INI and TOML-like `key = value` files. Pure: text in, findings out. The scanner calls it for
 * non-code files and the secretlint rule wraps it, so both report the same keys with the same
 * classifier (`classifySecretValue`) and masking.
 *
 * The readers below are tolerant on purpose: a committed config file is often invalid (JSON with
 * comments, YAML with tabs), and a half-readable file must still yield what it can. They never
 * throw; unreadable parts are skipped.
 */
import { basename } from 'node:path';
import { classifySecretValue, type SecretValueClassification } from './classify.js';
import { classifySecretName, splitIdentifierWords, type CredentialKind } from './names.js';
import { isTestFile as isTestFilePath } from './test-files.js';

export type ConfigFileFormat = 'json' | 'yaml' | 'dotenv' | 'properties' | 'ini';

export interface ConfigSecretFinding {
  /** What the key holds. */
  readonly kind: CredentialKind;
  /** The key path, dotted: `credentials.secret`, `web.client_secret`, `KENSIUM_CLIENT_SECRET`. */
  readonly key: string;
  /** `[start, end)` offsets of the value (without quotes) in the text. */
  readonly range: readonly [number, number];
  readonly classification: SecretValueClassification;
}

export interface ConfigFileOptions {
  /** Used to pick the format and to recognise test fixtures. */
  readonly filePath?: string;
  /** Overrides the format guessed from the file name and content. */
  readonly format?: ConfigFileFormat;
  /** Overrides the test-file decision made from `filePath`. */
  readonly isTestFile?: boolean;
}

/** One scalar value of the file with the path of keys that leads to it. */
export interface ConfigEntry {
  readonly path: readonly string[];
  readonly value: string;
  readonly range: readonly [number, number];
}

/** Kinds reported for any value that is not harmless (weak values included: a weak client secret is still committed). */
const ALWAYS_REPORTED: ReadonlySet<CredentialKind> = new Set(['client-secret', 'signing-secret', 'secret']);

/** Parent keys under which a bare `secret` is an OAuth client secret (keycloak.json `credentials.secret`, realm exports `clients[].secret`). */
const CLIENT_SECRET_PARENTS = new Set(['credentials', 'client', 'clients', 'oauth', 'oauth2', 'oidc', 'openid', 'auth', 'keycloak']);

/** Lower-case words joined by `-`, `_` or `.`: a name, not a random id. */
const SLUG = /^[a-z][a-z0-9]*(?:[-_.][a-z][a-z0-9]*)+$/u;

/** Picks the reader from the file name; falls back to the content for unknown names. */
export function detectConfigFormat(filePath: string | undefined, text = ''): ConfigFileFormat | undefined {
  const name = basename(filePath ?? '').toLowerCase();
  if (/\.(?:json|jsonc|json5)$/u.test(name) || name === '.secretlintrc' || name === '.babelrc') return 'json';
  if (/\.ya?ml$/u.test(name)) return 'yaml';
  if (name === '.env' || name.startsWith('.env.') || name.endsWith('.env')) return 'dotenv';
  if (name.endsWith('.properties')) return 'properties';
  if (name === '.npmrc' || name === '.yarnrc' || /\.(?:ini|cfg|conf|toml)$/u.test(name)) return 'ini';
  if (filePath !== undefined && name !== '') return undefined;
  const start = text.trimStart();
  if (start.startsWith('{') || start.startsWith('[')) return 'json';
  return undefined;
}

/**
 * Finds OAuth client secrets, client ids and other credentials written into a configuration file.
 * Returns nothing for formats it does not know (pass `format` to force one).
 */
export function findConfigFileSecrets(text: string, options: ConfigFileOptions = {}): ConfigSecretFinding[] {
  const format = options.format ?? detectConfigFormat(options.filePath, text);
  if (!format) return [];
  const testFile = options.isTestFile ?? isTestFilePath(options.filePath);
  const findings: ConfigSecretFinding[] = [];
  for (const entry of readConfigEntries(text, format)) {
    const finding = classifyEntry(entry, testFile);
    if (finding) findings.push(finding);
  }
  return findings;
}

/** Reads the scalar entries of a config file in one of the supported formats. */
export function readConfigEntries(text: string, format: ConfigFileFormat): ConfigEntry[] {
  switch (format) {
    case 'json':
      return readJsonEntries(text);
    case 'yaml':
      return readYamlEntries(text);
    case 'dotenv':
    case 'properties':
    case 'ini':
      return readKeyValueEntries(text, format);
  }
}

function classifyEntry(entry: ConfigEntry, isTestFile: boolean): ConfigSecretFinding | undefined {
  const key = entry.path[entry.path.length - 1];
  if (key === undefined) return undefined;
  const kind = kindForPath(entry.path);
  if (!kind) return undefined;
  // Translation files: `"secret": "Secret"`, `"clientSecret": "Client Secret"` are display labels.
  if (/^[A-Z]/u.test(entry.value) && splitIdentifierWords(entry.value).join(' ') === splitIdentifierWords(key).join(' ')) return undefined;
  const classification = classifySecretValue(entry.value, { name: key, isTestFile, expectedKind: kind });
  const { kind: valueKind } = classification;
  if (valueKind === 'empty' || valueKind === 'placeholder' || valueKind === 'reference' || valueKind === 'dummy' || valueKind === 'not-secret') return undefined;
  // A weak password or token in a config file is usually a local default; only credential-shaped
  // values and recognised formats are reported for those kinds.
  if (valueKind === 'weak' && !ALWAYS_REPORTED.has(kind)) return undefined;
  // Client ids are often readable slugs (`pos-sync`, `nodejs-connect`) that only name the app.
  if (kind === 'client-id' && valueKind === 'credential' && SLUG.test(entry.value)) return undefined;
  return { kind, key: entry.path.join('.'), range: entry.range, classification };
}

function kindForPath(path: readonly string[]): CredentialKind | undefined {
  const key = path[path.length - 1] ?? '';
  const parent = (path[path.length - 2] ?? '').toLowerCase();
  if (key.toLowerCase() === 'secret' && CLIENT_SECRET_PARENTS.has(parent)) return 'client-secret';
  return classifySecretName(key)?.kind;
}

// ---------------------------------------------------------------------------------------------
// JSON (with comments and trailing commas tolerated)

function readJsonEntries(text: string): ConfigEntry[] {
  const entries: ConfigEntry[] = [];
  let index = 0;

  function skipTrivia(): void {
    while (index < text.length) {
      const char = text[index];
      if (char === ' ' || char === '\t' || char === '\n' || char === '\r' || char === '\uFEFF') index++;
      else if (char === '/' && text[index + 1] === '/') {
        const end = text.indexOf('\n', index);
        index = end < 0 ? text.length : end + 1;
      } else if (char === '/' && text[index + 1] === '*') {
        const end = text.indexOf('*/', index + 2);
        index = end < 0 ? text.length : end + 2;
      } else return;
    }
  }

  /** Reads a string starting at the opening quote; returns its value and the range of its content. */
  function readString(): { value: string; range: [number, number] } | undefined {
    const quote = text[index];
    const start = index + 1;
    let end = start;
    while (end < text.length && text[end] !== quote) {
      if (text[end] === '\n') return undefined;
      end += text[end] === '\\' ? 2 : 1;
    }
    if (end >= text.length) return undefined;
    index = end + 1;
    const raw = text.slice(start, end);
    let value = raw;
    if (raw.includes('\\')) {
      try {
        value = JSON.parse(`"${quote === "'" ? raw.replace(/"/gu, '\\"') : raw}"`) as string;
      } catch {
        value = raw;
      }
    }
    return { value, range: [start, end] };
  }

  function skipBareValue(): void {
    while (index < text.length && !',}]\n'.includes(text[index] as string)) index++;
  }

  // An explicit stack instead of recursion: deeply nested files cannot overflow it.
  const stack: { type: 'object' | 'array'; key: string | undefined }[] = [];
  const path: string[] = [];
  let pendingKey: string | undefined;
  let guard = 0;
  while (index < text.length && guard++ < text.length * 2 + 10) {
    skipTrivia();
    const char = text[index];
    if (char === undefined) break;
    const top = stack[stack.length - 1];
    if (char === '{' || char === '[') {
      const key = top?.type === 'object' ? pendingKey : undefined;
      if (top?.type === 'object' && key !== undefined) path.push(key);
      stack.push({ type: char === '{' ? 'object' : 'array', key });
      pendingKey = undefined;
      index++;
    } else if (char === '}' || char === ']') {
      const closed = stack.pop();
      if (closed?.key !== undefined) path.pop();
      pendingKey = undefined;
      index++;
    } else if (char === ',' ) {
      pendingKey = undefined;
      index++;
    } else if (char === '"' || char === "'") {
      const string = readString();
      if (!string) {
        skipBareValue();
        continue;
      }
      skipTrivia();
      if (top?.type === 'object' && pendingKey === undefined && text[index] === ':') {
        pendingKey = string.value;
        index++;
      } else {
        if (top?.type === 'object' && pendingKey !== undefined) entries.push({ path: [...path, pendingKey], value: string.value, range: string.range });
        pendingKey = undefined;
      }
    } else if (top?.type === 'object' && pendingKey === undefined && /[A-Za-z_$]/u.test(char)) {
      // JSON5 unquoted key.
      const match = /^[A-Za-z_$][\w$]*/u.exec(text.slice(index, index + 200));
      index += match?.[0].length ?? 1;
      skipTrivia();
      if (text[index] === ':') {
        pendingKey = match?.[0];
        index++;
      }
    } else {
      skipBareValue();
      pendingKey = undefined;
    }
  }
  return entries;
}

// ---------------------------------------------------------------------------------------------
// YAML (block mappings; flow collections and block scalars are skipped)

const YAML_KEY_VALUE = /^(?<key>"[^"]*"|'[^']*'|[^\s#:"'][^:#]*?)\s*:(?:\s+(?<value>.*))?$/u;

function readYamlEntries(text: string): ConfigEntry[] {
  const entries: ConfigEntry[] = [];
  const stack: { indent: number; key: string }[] = [];
  let offset = 0;
  let blockIndent = -1;
  for (const line of text.split('\n')) {
    const lineStart = offset;
    offset += line.length + 1;
    const content = line.replace(/\r$/u, '');
    const trimmed = content.trimStart();
    let indent = content.length - trimmed.length;
    if (blockIndent >= 0) {
      if (trimmed === '' || indent > blockIndent) continue;
      blockIndent = -1;
    }
    if (trimmed === '' || trimmed.startsWith('#') || trimmed.startsWith('---') || trimmed.startsWith('...')) continue;
    let body = trimmed;
    // `- key: value` opens a mapping inside a list item, one level deeper.
    while (body.startsWith('- ')) {
      const rest = body.slice(2).trimStart();
      indent += body.length - rest.length;
      body = rest;
    }
    const match = YAML_KEY_VALUE.exec(body);
    if (!match?.groups) continue;
    const rawKey = match.groups['key'] ?? '';
    const key = /^["']/u.test(rawKey) ? rawKey.slice(1, -1) : rawKey.trim();
    while (stack.length > 0 && (stack[stack.length - 1]?.indent ?? 0) >= indent) stack.pop();
    const rawValue = match.groups['value'];
    if (rawValue === undefined || rawValue.trim() === '' || rawValue.trim().startsWith('#')) {
      stack.push({ indent, key });
      continue;
    }
    const valueStartInLine = content.length - body.length + body.length - rawValue.length;
    const scalar = readScalar(rawValue, 'yaml');
    if (scalar === undefined) {
      if (/^[|>]/u.test(rawValue.trim())) blockIndent = indent;
      continue;
    }
    const start = lineStart + valueStartInLine + scalar.start;
    entries.push({ path: [...stack.map((item) => item.key), key], value: scalar.value, range: [start, start + scalar.length] });
  }
  return entries;
}

/** A quoted or plain scalar: its value and where its text sits inside `raw`. */
function readScalar(raw: string, format: ConfigFileFormat): { value: string; start: number; length: number } | undefined {
  const leading = raw.length - raw.trimStart().length;
  const text = raw.trimStart();
  const quote = text[0];
  if (quote === '"' || quote === "'" || (quote === '`' && format !== 'yaml')) {
    const end = text.indexOf(quote, 1);
    if (end < 0) return undefined;
    const inner = text.slice(1, end);
    return { value: quote === '"' ? unescapeDoubleQuoted(inner) : inner, start: leading + 1, length: inner.length };
  }
  if (format === 'yaml' && /^[|>[{&*!]/u.test(text)) return undefined;
  // A ` #` starts a comment in YAML, dotenv and INI; `.properties` has no inline comments.
  const commentAt = format === 'properties' ? -1 : text.search(/\s[#;]/u);
  const value = (commentAt < 0 ? text : text.slice(0, commentAt)).trimEnd();
  if (value === '') return undefined;
  return { value, start: leading, length: value.length };
}

function unescapeDoubleQuoted(inner: string): string {
  if (!inner.includes('\\')) return inner;
  try {
    return JSON.parse(`"${inner}"`) as string;
  } catch {
    return inner;
  }
}

// ---------------------------------------------------------------------------------------------
// .env, .properties, .npmrc, INI, TOML-like `key = value`

const KEY_VALUE_LINE = /^(?:export\s+)?(?<key>[^\s=:#;[][^=:]*?)\s*(?<sep>[=:])(?<rest>.*)$/u;

function readKeyValueEntries(text: string, format: ConfigFileFormat): ConfigEntry[] {
  const entries: ConfigEntry[] = [];
  let section: string[] = [];
  let offset = 0;
  for (const line of text.split('\n')) {
    const lineStart = offset;
    offset += line.length + 1;
    const content = line.replace(/\r$/u, '');
    const trimmed = content.trimStart();
    if (trimmed === '' || trimmed.startsWith('#') || trimmed.startsWith(';') || trimmed.startsWith('!')) continue;
    const sectionMatch = /^\[+\s*([^\]]+?)\s*\]+\s*(?:[#;].*)?$/u.exec(trimmed);
    if (sectionMatch) {
      section = (sectionMatch[1] ?? '').split('.').map((part) => part.replace(/^["']|["']$/gu, ''));
      continue;
    }
    const match = KEY_VALUE_LINE.exec(trimmed);
    if (!match?.groups) continue;
    // `.npmrc` keys are registry URLs (`//registry.npmjs.org/:_authToken`): keep the part after the last `:`.
    let rawKey = (match.groups['key'] ?? '').trim();
    let rest = match.groups['rest'] ?? '';
    if (match.groups['sep'] === ':' && rest.startsWith('//')) continue;
    if (rawKey.startsWith('//')) {
      const full = `${rawKey}${match.groups['sep'] ?? ''}${rest}`;
      const equals = full.indexOf('=');
      if (equals < 0) continue;
      rawKey = full.slice(0, equals).trim();
      rest = full.slice(equals + 1);
      rawKey = rawKey.slice(rawKey.lastIndexOf(':') + 1);
    }
    const key = rawKey.replace(/^["']|["']$/gu, '');
    const scalar = readScalar(rest, format);
    if (!scalar) continue;
    const restStart = content.length - rest.length;
    const start = lineStart + restStart + scalar.start;
    const keyPath = format === 'properties' || format === 'ini' ? key.split('.') : [key];
    entries.push({ path: [...section, ...keyPath], value: scalar.value, range: [start, start + scalar.length] });
  }
  return entries;
}

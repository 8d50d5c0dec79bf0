/**
 * Credentials in committed configuration files: JSON (`keycloak.json`, Google
 * `client_secret*.json`, `appsettings.json`), YAML (`okta.yaml`, Kubernetes `env:` lists,
 * docker-compose `environment:` lists), `.env`, `.properties`, `.npmrc`, INI and TOML-like
 * `key = value` files, Terraform (`*.tf`, `*.tfvars`) and Dockerfile `ENV`/`ARG`. Pure: text in, findings out. The scanner calls it for
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

export type ConfigFileFormat = 'json' | 'yaml' | 'dotenv' | 'properties' | 'ini' | 'hcl' | 'dockerfile';

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

/** `.env.test`, `.env.testing`, `.env.e2e`: the test runner's settings, where obvious dummies are allowed as in test files. */
const TEST_ENV_FILE = /^\.env\.(?:test|testing|e2e)(?:\.local)?$/u;

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
  if (/\.(?:tf|tfvars|hcl)$/u.test(name)) return 'hcl';
  if (isDockerfileName(name)) return 'dockerfile';
  if (filePath !== undefined && name !== '') return undefined;
  const start = text.trimStart();
  if (start.startsWith('{') || start.startsWith('[')) return 'json';
  return undefined;
}

/** `Dockerfile`, `Dockerfile.prod`, `api.Dockerfile`, `Containerfile` (lower-cased base name). */
export function isDockerfileName(lowerCaseName: string): boolean {
  return /^(?:docker|container)file(?:\.[\w.-]+)?$/u.test(lowerCaseName) || lowerCaseName.endsWith('.dockerfile');
}

/**
 * Finds OAuth client secrets, client ids and other credentials written into a configuration file.
 * Returns nothing for formats it does not know (pass `format` to force one).
 */
export function findConfigFileSecrets(text: string, options: ConfigFileOptions = {}): ConfigSecretFinding[] {
  const format = options.format ?? detectConfigFormat(options.filePath, text);
  if (!format) return [];
  const testFile = options.isTestFile ?? (isTestFilePath(options.filePath) || TEST_ENV_FILE.test(basename(options.filePath ?? '')));
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
    case 'hcl':
      return readHclEntries(text);
    case 'dockerfile':
      return readDockerfileEntries(text);
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
// YAML (block mappings, one-line flow collections; block scalars are skipped)
//
// Two list shapes carry environment variables and are read as `KEY: value`:
// - Kubernetes `env: [{ name: KEY, value: "…" }]`, in block or flow style;
// - docker-compose `environment: ["KEY=value"]`, in block or flow style.

const YAML_KEY_VALUE = /^(?<key>"[^"]*"|'[^']*'|[^\s#:"'][^:#]*?)\s*:(?:\s+(?<value>.*))?$/u;

/** `KEY=value` as a list item (docker-compose `environment:`, GitHub Actions `env` lists). */
const ENV_ASSIGNMENT = /^(?<key>[A-Za-z_][\w.-]*)=(?<value>.*)$/u;

function readYamlEntries(text: string): ConfigEntry[] {
  const entries: ConfigEntry[] = [];
  const stack: { indent: number; key: string }[] = [];
  /** The mapping of the list item being read, with its `name:` once seen (Kubernetes env lists). */
  let item: { indent: number; name: string | undefined } | undefined;
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
    let listItem = false;
    // `- key: value` opens a mapping inside a list item, one level deeper.
    while (body.startsWith('- ') || body === '-') {
      const rest = body.slice(1).trimStart();
      indent += body.length - rest.length;
      body = rest;
      listItem = true;
    }
    const bodyStart = lineStart + content.length - body.length;
    if (item && (indent < item.indent || (listItem && indent === item.indent))) item = undefined;
    const flowItem = listItem && (body.startsWith('{') || body.startsWith('['));
    const match = flowItem ? undefined : YAML_KEY_VALUE.exec(body);
    if (!match?.groups) {
      // A scalar or flow list item: `- KEY=value`, `- "KEY=value"`, `- { name: KEY, value: "…" }`.
      if (listItem) {
        while (stack.length > 0 && (stack[stack.length - 1]?.indent ?? 0) >= indent) stack.pop();
        const path = stack.map((entry) => entry.key);
        if (flowItem) readYamlFlow(body, bodyStart, path, entries);
        else pushEnvAssignment(body, bodyStart, path, entries);
      }
      continue;
    }
    const rawKey = match.groups['key'] ?? '';
    const key = /^["']/u.test(rawKey) ? rawKey.slice(1, -1) : rawKey.trim();
    while (stack.length > 0 && (stack[stack.length - 1]?.indent ?? 0) >= indent) stack.pop();
    if (listItem) item = { indent, name: undefined };
    const rawValue = match.groups['value'];
    if (rawValue === undefined || rawValue.trim() === '' || rawValue.trim().startsWith('#')) {
      stack.push({ indent, key });
      continue;
    }
    const valueStart = bodyStart + body.length - rawValue.length;
    const path = stack.map((entry) => entry.key);
    const flow = rawValue.trimStart();
    if (flow.startsWith('{') || flow.startsWith('[')) {
      readYamlFlow(flow, valueStart + rawValue.length - flow.length, [...path, key], entries);
      continue;
    }
    const scalar = readScalar(rawValue, 'yaml');
    if (scalar === undefined) {
      if (/^[|>]/u.test(rawValue.trim())) blockIndent = indent;
      continue;
    }
    const start = valueStart + scalar.start;
    const range: [number, number] = [start, start + scalar.length];
    if (item && indent === item.indent) {
      if (key === 'name') item.name = scalar.value;
      else if (key === 'value' && item.name !== undefined && item.name !== '') {
        entries.push({ path: [...path, item.name], value: scalar.value, range });
        continue;
      }
    }
    entries.push({ path: [...path, key], value: scalar.value, range });
  }
  return entries;
}

/** A list item `KEY=value` (quoted or not) as the entry `KEY` with its value. */
function pushEnvAssignment(raw: string, rawStart: number, path: readonly string[], entries: ConfigEntry[]): void {
  const scalar = readScalar(raw, 'yaml');
  if (!scalar) return;
  // The range is computed on the raw text: skip values that escapes would shift.
  if (raw.slice(scalar.start, scalar.start + scalar.length) !== scalar.value) return;
  const match = ENV_ASSIGNMENT.exec(scalar.value);
  if (!match?.groups) return;
  const key = match.groups['key'] ?? '';
  const value = match.groups['value'] ?? '';
  const start = rawStart + scalar.start + key.length + 1;
  entries.push({ path: [...path, key], value, range: [start, start + value.length] });
}

/**
 * A one-line YAML flow collection (`{ existingSecret: erp-credentials }`, `[{ name: K, value: v }]`,
 * `["KEY=value"]`). Mappings with `name` and `value` become `name: value`; sequence items keep the
 * parent path, as block lists do. Stops quietly at anything it does not understand.
 */
function readYamlFlow(text: string, textStart: number, basePath: readonly string[], entries: ConfigEntry[]): void {
  let index = 0;
  let depth = 0;
  const skipSpaces = (): void => {
    while (text[index] === ' ' || text[index] === '\t') index++;
  };
  /** A quoted or plain scalar at `index`; plain scalars end at `,`, `:`+space (keys only), `}`, `]` or ` #`. */
  const readFlowScalar = (asKey: boolean): { value: string; range: [number, number] } | undefined => {
    skipSpaces();
    const quote = text[index];
    if (quote === '"' || quote === "'") {
      const end = text.indexOf(quote, index + 1);
      if (end < 0) return undefined;
      const inner = text.slice(index + 1, end);
      const range: [number, number] = [textStart + index + 1, textStart + end];
      index = end + 1;
      return { value: quote === '"' ? unescapeDoubleQuoted(inner) : inner, range };
    }
    const start = index;
    while (index < text.length) {
      const char = text[index] as string;
      if (char === ',' || char === '}' || char === ']' || char === '{' || char === '[') break;
      if (char === ':' && (asKey || /[\s,}\]]/u.test(text[index + 1] ?? ' '))) break;
      if (char === '#' && /\s/u.test(text[index - 1] ?? '')) return undefined;
      index++;
    }
    const raw = text.slice(start, index);
    const value = raw.trim();
    const valueStart = start + raw.length - raw.trimStart().length;
    return { value, range: [textStart + valueStart, textStart + valueStart + value.length] };
  };
  const readValue = (path: readonly string[]): { value: string; range: [number, number] } | undefined | false => {
    skipSpaces();
    const char = text[index];
    if (char === '{') return readMap(path) ? undefined : false;
    if (char === '[') return readSequence(path) ? undefined : false;
    return readFlowScalar(false) ?? false;
  };
  const readMap = (path: readonly string[]): boolean => {
    if (++depth > 32) return false;
    index++;
    const scalars: { key: string; value: string; range: [number, number] }[] = [];
    for (;;) {
      skipSpaces();
      if (text[index] === '}') {
        index++;
        break;
      }
      const key = readFlowScalar(true);
      skipSpaces();
      if (!key || text[index] !== ':') return false;
      index++;
      const value = readValue([...path, key.value]);
      if (value === false) return false;
      if (value && value.value !== '') scalars.push({ key: key.value, ...value });
      skipSpaces();
      if (text[index] === ',') index++;
      else if (text[index] !== '}') return false;
    }
    depth--;
    const name = scalars.find((scalar) => scalar.key === 'name')?.value;
    for (const scalar of scalars) {
      const key = scalar.key === 'value' && name !== undefined ? name : scalar.key;
      entries.push({ path: [...path, key], value: scalar.value, range: scalar.range });
    }
    return true;
  };
  const readSequence = (path: readonly string[]): boolean => {
    if (++depth > 32) return false;
    index++;
    for (;;) {
      skipSpaces();
      if (text[index] === ']') {
        index++;
        break;
      }
      const itemStart = index;
      const value = readValue(path);
      if (value === false) return false;
      if (value) pushEnvAssignment(text.slice(itemStart, index), textStart + itemStart, path, entries);
      skipSpaces();
      if (text[index] === ',') index++;
      else if (text[index] !== ']') return false;
    }
    depth--;
    return true;
  };
  readValue(basePath);
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

// ---------------------------------------------------------------------------------------------
// Terraform / HCL: `key = "value"` at any nesting (`provider "azuread" { client_secret = "…" }`,
// `terraform.tfvars`). Only quoted literals are values; `var.x`, `local.x`, function calls and
// strings with `${…}` interpolation are references. `variable "client_secret" { default = "…" }`
// is read as `client_secret`.

function readHclEntries(text: string): ConfigEntry[] {
  const entries: ConfigEntry[] = [];
  /** Open blocks and object literals, each with the words before its `{`. */
  const blocks: string[][] = [];
  /** Tokens of the statement being read: identifiers, quoted labels, `=`. */
  let statement: { token: string; quoted: boolean }[] = [];
  let index = 0;
  const length = text.length;
  while (index < length) {
    const char = text[index] as string;
    if (char === '\n' || char === ',' || char === ';') {
      statement = [];
      index++;
    } else if (char === ' ' || char === '\t' || char === '\r') {
      index++;
    } else if (char === '#' || (char === '/' && text[index + 1] === '/')) {
      const end = text.indexOf('\n', index);
      index = end < 0 ? length : end;
    } else if (char === '/' && text[index + 1] === '*') {
      const end = text.indexOf('*/', index + 2);
      index = end < 0 ? length : end + 2;
    } else if (char === '<' && text[index + 1] === '<') {
      // Heredoc: `<<EOF` or `<<-EOF` up to a line holding only the marker.
      const marker = /^<<-?\s*([A-Za-z_]\w*)/u.exec(text.slice(index, index + 100))?.[1];
      if (marker === undefined) {
        index += 2;
        continue;
      }
      const close = new RegExp(`\\n[ \\t]*${marker}[ \\t]*(?:\\r?\\n|$)`, 'u').exec(text.slice(index));
      index = close ? index + close.index + close[0].length : length;
      statement = [];
    } else if (char === '{' || char === '[') {
      blocks.push(statement.filter((part) => part.token !== '=').map((part) => part.token));
      statement = [];
      index++;
    } else if (char === '}' || char === ']') {
      blocks.pop();
      statement = [];
      index++;
    } else if (char === '"') {
      const end = hclStringEnd(text, index);
      if (end < 0) break;
      const value = text.slice(index + 1, end);
      const [first, second] = statement;
      const after = /^[ \t]*(?:[\r\n,;}\]#]|\/[/*]|$)/u.test(text.slice(end + 1, end + 80));
      if (statement.length === 2 && first && second?.token === '=' && !second.quoted && after && !value.includes('${') && !value.includes('%{')) {
        const parents = blocks.map((words) => words.join('.')).filter((part) => part !== '');
        const block = blocks[blocks.length - 1];
        // `variable "client_secret" { default = "…" }`: the variable's name says what the default is.
        const key = first.token === 'default' && block?.[0] === 'variable' && block[1] !== undefined ? block[1] : first.token;
        entries.push({ path: [...parents.slice(0, key === first.token ? undefined : -1), key], value: unescapeDoubleQuoted(value), range: [index + 1, end] });
      }
      statement.push({ token: value, quoted: true });
      index = end + 1;
    } else if (char === '=' && text[index + 1] !== '=' && text[index + 1] !== '>') {
      statement.push({ token: '=', quoted: false });
      index++;
    } else {
      const word = /^[\w.-]+/u.exec(text.slice(index, index + 200))?.[0];
      if (word) {
        statement.push({ token: word, quoted: false });
        index += word.length;
      } else {
        // Operators, calls, anything else: the statement is an expression, not a literal assignment.
        statement.push({ token: char, quoted: false });
        index++;
      }
    }
  }
  return entries;
}

/** Index of the quote closing the HCL string that opens at `start`, skipping `${ … }` interpolations. */
function hclStringEnd(text: string, start: number): number {
  let index = start + 1;
  while (index < text.length) {
    const char = text[index];
    if (char === '\\') index += 2;
    else if (char === '"') return index;
    else if (char === '\n') return -1;
    else if ((char === '$' || char === '%') && text[index + 1] === '{') {
      let depth = 1;
      index += 2;
      while (index < text.length && depth > 0) {
        if (text[index] === '{') depth++;
        else if (text[index] === '}') depth--;
        else if (text[index] === '\n') return -1;
        index++;
      }
    } else index++;
  }
  return -1;
}

// ---------------------------------------------------------------------------------------------
// Dockerfile: `ENV KEY=value KEY2="value 2"`, the legacy `ENV KEY value`, and `ARG KEY=value`.
// Values that read another variable (`$VAR`, `${VAR}`) are references.

function readDockerfileEntries(text: string): ConfigEntry[] {
  const entries: ConfigEntry[] = [];
  const instruction = /^[ \t]*(ENV|ARG)[ \t]+/iu;
  let lineStart = 0;
  while (lineStart < text.length) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd < 0) lineEnd = text.length;
    const head = instruction.exec(text.slice(lineStart, Math.min(lineEnd, lineStart + 64)));
    if (head) {
      // Continuation lines (`\` at the end) belong to the same instruction.
      let end = lineEnd;
      while (/\\\r?$/u.test(text.slice(lineStart, end)) && end < text.length) {
        const next = text.indexOf('\n', end + 1);
        end = next < 0 ? text.length : next;
      }
      readDockerfileArguments(text, lineStart + head[0].length, end, (head[1] ?? '').toUpperCase() === 'ENV', entries);
      lineStart = end + 1;
      continue;
    }
    lineStart = lineEnd + 1;
  }
  return entries;
}

function readDockerfileArguments(text: string, start: number, end: number, isEnv: boolean, entries: ConfigEntry[]): void {
  const args = text.slice(start, end);
  const firstPair = /^([A-Za-z_]\w*)=/u.exec(args);
  if (!firstPair) {
    // Legacy `ENV KEY the rest of the line`.
    const legacy = /^([A-Za-z_]\w*)[ \t]+(\S.*?)[ \t]*\r?$/u.exec(args);
    if (!isEnv || !legacy?.[1] || legacy[2] === undefined) return;
    pushDockerValue(legacy[1], legacy[2], start + args.indexOf(legacy[2], legacy[1].length), entries);
    return;
  }
  const pair = /([A-Za-z_]\w*)=("(?:[^"\\\n]|\\.)*"|'[^'\n]*'|[^\s"']*)/gu;
  let match: RegExpExecArray | null;
  while ((match = pair.exec(args)) !== null) {
    const key = match[1] as string;
    const raw = match[2] ?? '';
    if (match.index > 0 && !/\s/u.test(args[match.index - 1] ?? '')) continue;
    const quoted = raw.startsWith('"') || raw.startsWith("'");
    const value = quoted ? raw.slice(1, -1) : raw;
    pushDockerValue(key, value, start + match.index + key.length + 1 + (quoted ? 1 : 0), entries);
  }
}

function pushDockerValue(key: string, value: string, start: number, entries: ConfigEntry[]): void {
  if (value === '' || /\$(?:\{|[A-Za-z_])/u.test(value)) return;
  entries.push({ path: [key], value, range: [start, start + value.length] });
}

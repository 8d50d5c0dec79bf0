/**
 * The env file, `.env.example` and `.gitignore` edits. Values are written so that Node's own
 * parser (`node --env-file`, `util.parseEnv`) and dotenv read back exactly the original string;
 * a value that cannot be written that way is refused rather than changed.
 */
import { parseEnv } from 'node:util';
import type { TextEdit } from './types.js';

/** Reads an env file the way `node --env-file` does. */
export function readEnvText(text: string): Map<string, string> {
  const parsed = parseEnv(text);
  return new Map(Object.entries(parsed).filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
}

/** Names declared in an env-style file, including those with empty values (`.env.example`). */
export function declaredEnvNames(text: string): Set<string> {
  const names = new Set<string>();
  for (const match of text.matchAll(/^[ \t]*(?:export[ \t]+)?([A-Za-z_][A-Za-z0-9_.-]*)[ \t]*=/gmu)) {
    if (match[1]) names.add(match[1]);
  }
  return names;
}

/**
 * `NAME=value` with the quoting that reads back as `value`: single quotes (no escapes at all)
 * when possible, then double quotes, then backticks. Multi-line values (PEM keys) use double
 * quotes with `\n`, which Node and dotenv both expand. `undefined` when nothing round-trips.
 */
export function serializeEnvEntry(name: string, value: string): string | undefined {
  const candidates: string[] = [];
  if (!value.includes('\n') && !value.includes('\r')) {
    if (!value.includes("'")) candidates.push(`'${value}'`);
    if (!value.includes('"')) candidates.push(`"${value}"`);
    if (!value.includes('`')) candidates.push(`\`${value}\``);
  } else if (!value.includes('"') && !value.includes('\\n') && !value.includes('\r')) {
    candidates.push(`"${value.replace(/\n/gu, '\\n')}"`);
  }
  for (const quoted of candidates) {
    const line = `${name}=${quoted}`;
    if (readEnvText(`${line}\n`).get(name) === value) return line;
  }
  return undefined;
}

/** The edit that appends `lines` to a file, adding a newline first if the file lacks one. */
export function appendEdit(before: string, lines: readonly string[]): TextEdit {
  const eol = before.includes('\r\n') ? '\r\n' : '\n';
  const separator = before.length > 0 && !before.endsWith('\n') ? eol : '';
  return { start: before.length, end: before.length, text: `${separator}${lines.join(eol)}${eol}` };
}

/** True when a `.gitignore` text ignores `relativePath` (a path relative to its directory). */
export function gitignoreIgnores(gitignore: string, relativePath: string): boolean {
  const base = relativePath.split('/').at(-1) ?? relativePath;
  let ignored = false;
  for (const rawLine of gitignore.split(/\r?\n/u)) {
    const line = rawLine.trim();
    if (line === '' || line.startsWith('#')) continue;
    const negated = line.startsWith('!');
    let pattern = negated ? line.slice(1) : line;
    const anchored = pattern.startsWith('/') || pattern.slice(0, -1).includes('/');
    pattern = pattern.replace(/^\//u, '');
    if (pattern.endsWith('/')) continue; // directory patterns do not name a file
    const regex = new RegExp(`^${pattern.split('*').map((part) => part.replace(/[.+?^${}()|[\]\\]/gu, '\\$&')).join('[^/]*')}$`, 'u');
    const matches = anchored ? regex.test(relativePath) : regex.test(base) || regex.test(relativePath);
    if (matches) ignored = !negated;
  }
  return ignored;
}

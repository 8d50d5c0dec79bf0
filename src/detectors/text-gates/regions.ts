/**
 * Local text checks for the gates: names in a slice of text, the env variable an `env` member
 * names, the object pattern before `} = process.env`. Each check looks only at a few hundred
 * characters around a hit, so a gate costs one regular-expression pass over a file plus a little
 * work per hit.
 *
 * Windows are generous on purpose (a gate must let through everything its rule can report): the
 * shapes they miss are code with a comment or a type longer than the window between the parts of
 * one expression, which formatted and generated code does not contain.
 */

import { rememberLast } from './anchors.js';

/** Identifiers and the contents of quoted strings on one line: the names a rule can read in a slice. */
const NAME_TOKEN = /[A-Za-z_$][\w$]*|'([^'\\\n]*(?:\\.[^'\\\n]*)*)'|"([^"\\\n]*(?:\\.[^"\\\n]*)*)"|`([^`\\]*(?:\\.[^`\\]*)*)`/gu;

/** Whether some identifier or string content in `slice` is a name `accept` takes. */
export function someName(slice: string, accept: (name: string) => boolean): boolean {
  NAME_TOKEN.lastIndex = 0;
  for (let match = NAME_TOKEN.exec(slice); match; match = NAME_TOKEN.exec(slice)) {
    const content = match[1] ?? match[2] ?? match[3];
    if (content === undefined) {
      if (accept(match[0])) return true;
    } else if (accept(content) || someStringPart(content, accept)) {
      return true;
    }
  }
  return false;
}

/**
 * Parts of a string a rule may read as a name: the pieces between `=`, `;`, `&`, `?`, `,`,
 * spaces and template braces (a cookie name before its `=`, a query key), and the identifiers of
 * template expressions (`${tokenName}`).
 */
function someStringPart(content: string, accept: (name: string) => boolean): boolean {
  for (const part of content.split(/[=;&?,\s{}$]+/u)) {
    if (part !== '' && part !== content && accept(part)) return true;
  }
  return false;
}

const IDENTIFIER_CHAR = /[\w$]/u;

/** The identifier that covers `[start, end)` of `text` (grown to identifier characters on both sides). */
export function identifierAround(text: string, start: number, end: number): { name: string; start: number; end: number } {
  let from = start;
  let to = end;
  while (from > 0 && IDENTIFIER_CHAR.test(text[from - 1] as string)) from--;
  while (to < text.length && IDENTIFIER_CHAR.test(text[to] as string)) to++;
  return { name: text.slice(from, to), start: from, end: to };
}

/** The contents of the quoted string on one line (of 200 characters at most) that covers `index`, if the nearest quotes on the line match. */
export function stringAround(text: string, index: number): { name: string; start: number; end: number } | undefined {
  let from = index;
  const limit = Math.max(0, index - 200);
  while (from > limit && !`'"\`\n`.includes(text[from - 1] as string)) from--;
  const quote = text[from - 1];
  if (quote === undefined || !`'"\``.includes(quote)) return undefined;
  const close = /['"`\n]/gu;
  close.lastIndex = index;
  const found = close.exec(text.slice(0, index + 200));
  if (found?.[0] !== quote) return undefined;
  return { name: text.slice(from, found.index), start: from - 1, end: found.index + 1 };
}

/** Index of the first character after whitespace and comments from `index` on. */
export function skipSpace(text: string, index: number): number {
  let at = index;
  for (;;) {
    while (at < text.length && /\s/u.test(text[at] as string)) at++;
    if (text.startsWith('//', at)) {
      const end = text.indexOf('\n', at);
      at = end < 0 ? text.length : end + 1;
    } else if (text.startsWith('/*', at)) {
      const end = text.indexOf('*/', at + 2);
      at = end < 0 ? text.length : end + 2;
    } else {
      return at;
    }
  }
}

/** Index after whitespace going backwards: the index just after the last non-space character before `index`. */
export function skipSpaceBack(text: string, index: number): number {
  let at = index;
  while (at > 0 && /\s/u.test(text[at - 1] as string)) at--;
  return at;
}

export interface EnvMemberRead {
  /** The variable name when the read spells it (`.X`, `?.X`, `['X']`, `.get('X')`); undefined when a type wrapper comes first. */
  readonly name: string | undefined;
  /** Index just after the read (after the name, its closing bracket or parenthesis). */
  readonly end: number;
}

const AFTER_ENV = /(?:['"`]\s*\])?\s*(?:!\s*)?(?:(?:\?\.|\.)\s*(?:get\s*\(\s*(['"`])([^'"`\n]*)\1\s*\)|([A-Za-z_$][\w$]*))|(?:\?\.\s*)?\[\s*(['"`])([^'"`\n]*)\4\s*\])/uy;

/**
 * The read that follows the word `env` ending at `index`: `process.env.X`, `import.meta.env?.X`,
 * `process.env['X']`, `Deno.env.get('X')`. When the env object is wrapped first
 * (`(process.env as Env).X`) the name is not spelled next to it: `name` is undefined and `end` is
 * `index`, and callers look at a wider window.
 */
export function envMemberRead(text: string, index: number): EnvMemberRead {
  AFTER_ENV.lastIndex = index;
  const match = AFTER_ENV.exec(text);
  if (!match) return { name: undefined, end: index };
  return { name: match[2] ?? match[3] ?? match[5], end: AFTER_ENV.lastIndex };
}

/**
 * The object pattern destructured from an env object whose word `env` starts at `index`
 * (`const { A, B = 'x' } = process.env`, `({ A } = import.meta.env)`), as the text between its
 * braces; undefined when the `env` member is not the right side of a destructuring.
 */
export function envPatternBefore(text: string, index: number): string | undefined {
  const before = text.slice(Math.max(0, index - 200), index);
  // `}`, an optional type annotation, `=`, then the env object path (`process.`, `globalThis.process.`, `import.meta.`, `process['`).
  const match = /\}\s*(?::[^=;]{0,120})?=\s*\(?\s*(?:[\w$]+\s*(?:\?\.|\.|!\.)\s*|import\s*\.\s*meta\s*\.\s*|[\w$]+\s*(?:\?\.)?\s*\[\s*['"`])+$/u.exec(before);
  if (!match) return undefined;
  const close = index - before.length + match.index;
  return matchingOpenBrace(text, close);
}

/**
 * The text between the `{` that matches the `}` at `close` and that `}`, counting braces only (an
 * unbalanced brace in a string of the pattern ends the region early). A region longer than
 * 20,000 characters is returned whole up to that length.
 */
export function matchingOpenBrace(text: string, close: number): string {
  let depth = 0;
  const limit = Math.max(0, close - 20_000);
  for (let at = close; at >= limit; at--) {
    const char = text[at];
    if (char === '}') depth++;
    else if (char === '{' && --depth === 0) return text.slice(at + 1, close);
  }
  return text.slice(limit, close);
}

/** Index after the parenthesis matching the `(` at `open` (counting parentheses only), or `open + limit`. */
export function matchingCloseParen(text: string, open: number, limit = 2000): number {
  let depth = 0;
  const end = Math.min(text.length, open + limit);
  for (let at = open; at < end; at++) {
    const char = text[at];
    if (char === '(') depth++;
    else if (char === ')' && --depth === 0) return at + 1;
  }
  return end;
}

/** `.env`, or `env` quoted (`process['env']`): one expression rather than four `indexOf` passes. */
const ENV_MEMBER = /\.env|['"`]env['"`]/gu;

/**
 * Where the text has `.env` or a quoted `env` (the match's start: the `.` or the quote), for the
 * gates that look at env reads; found once per text, since the scanner runs every gate on the same
 * text in a row.
 */
export const envMemberStarts: (text: string) => readonly number[] = rememberLast((text) => {
  const starts: number[] = [];
  if (!text.includes('env')) return starts;
  ENV_MEMBER.lastIndex = 0;
  for (let match = ENV_MEMBER.exec(text); match; match = ENV_MEMBER.exec(text)) starts.push(match.index);
  return starts;
});

/**
 * A small lexical walker over JavaScript / TypeScript source text for the text gates: it finds the
 * end of a bracketed region (an argument list, an object literal) and reports the words in it,
 * skipping comments, string contents and template text, without parsing. It is a heuristic lexer
 * (a `/` is read as a regular expression after an operator or a keyword, as a division otherwise),
 * cheap enough to run around the few places of a file where a rule's shape may be.
 */

/** A word met by {@link scanRegion}. */
export interface ScannedWord {
  readonly word: string;
  /** Offset of the word's first character in the text. */
  readonly index: number;
  /** `code` for identifiers and keywords, `string` for a string literal's content. */
  readonly kind: 'code' | 'string';
  /** Whether a `.` or `?.` comes right before it (a member name). */
  readonly member: boolean;
}

const OPENERS: Readonly<Record<string, string>> = { '(': ')', '[': ']', '{': '}' };
/** Keywords after which a `/` starts a regular expression. */
const REGEX_KEYWORDS = new Set(['return', 'typeof', 'case', 'in', 'of', 'void', 'delete', 'throw', 'new', 'instanceof', 'yield', 'await', 'else', 'do']);

function isWordChar(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57) || code === 95 || code === 36 || code > 127;
}

/** Index just past the string literal whose opening quote is at `start` (the end of the line for an unterminated one). */
function skipQuoted(text: string, start: number): number {
  const quote = text.charCodeAt(start);
  let index = start + 1;
  while (index < text.length) {
    const code = text.charCodeAt(index);
    if (code === 92) index += 2;
    else if (code === quote) return index + 1;
    else if (code === 10) return index;
    else index++;
  }
  return text.length;
}

/** Index just past a regular-expression literal whose `/` is at `start`. */
function skipRegex(text: string, start: number): number {
  let index = start + 1;
  let inClass = false;
  while (index < text.length) {
    const char = text[index];
    if (char === '\\') index += 2;
    else if (char === '\n') return index;
    else {
      if (char === '[') inClass = true;
      else if (char === ']') inClass = false;
      else if (char === '/' && !inClass) return index + 1;
      index++;
    }
  }
  return text.length;
}

/**
 * Walks the region that starts right after an opening bracket (at `start`) up to its matching
 * `closer`, calling `onWord` for every identifier, keyword and string content in it (the text of
 * a template without expressions counts as a string; other template texts are skipped, their
 * `${…}` expressions walked). Returns the index just past the closer, or
 * the text's length when it never closes.
 *
 * With `expression`, the region is an expression that ends at the first `,` or `;` outside
 * brackets or at a closing bracket it did not open (an initializer: `= …`); the index returned is
 * that of the character that ends it.
 */
export function scanRegion(text: string, start: number, closer: string, onWord?: (word: ScannedWord) => void, expression = false): number {
  const stack: string[] = [closer];
  let index = start;
  // What the last significant token was, to tell a regular expression from a division.
  let lastChar = '(';
  let lastWord = '';
  let member = false;
  while (index < text.length) {
    const char = text[index] as string;
    const code = text.charCodeAt(index);
    if (code === 32 || code === 9 || code === 10 || code === 13) {
      index++;
      continue;
    }
    if (isWordChar(code)) {
      let end = index + 1;
      while (end < text.length && isWordChar(text.charCodeAt(end))) end++;
      const word = text.slice(index, end);
      onWord?.({ word, index, kind: 'code', member });
      member = false;
      lastChar = 'a';
      lastWord = word;
      index = end;
      continue;
    }
    const wordBefore = lastWord;
    lastWord = '';
    if (char === '"' || char === "'") {
      const end = skipQuoted(text, index);
      if (onWord && end - index > 2) onWord({ word: text.slice(index + 1, end - 1), index: index + 1, kind: 'string', member: false });
      member = false;
      lastChar = 'a';
      index = end;
      continue;
    }
    if (char === '`') {
      // Template text is skipped; each `${` opens an expression region closed by `}`. A template
      // without expressions is a string (`[\`client_secret\`]: v` is a key to the rules).
      const open = index;
      let plain = true;
      index++;
      while (index < text.length) {
        const inner = text.charCodeAt(index);
        if (inner === 92) index += 2;
        else if (inner === 96) {
          index++;
          break;
        } else if (inner === 36 && text[index + 1] === '{') {
          plain = false;
          index = scanRegion(text, index + 2, '}', onWord);
        } else index++;
      }
      if (plain && onWord && index - open > 2 && text.charCodeAt(index - 1) === 96) onWord({ word: text.slice(open + 1, index - 1), index: open + 1, kind: 'string', member: false });
      member = false;
      lastChar = 'a';
      continue;
    }
    if (char === '/') {
      const next = text[index + 1];
      if (next === '/') {
        const end = text.indexOf('\n', index);
        index = end === -1 ? text.length : end;
        continue;
      }
      if (next === '*') {
        const end = text.indexOf('*/', index + 2);
        index = end === -1 ? text.length : end + 2;
        continue;
      }
      const regex = lastChar !== 'a' && lastChar !== ')' && lastChar !== ']' ? true : lastChar === 'a' && REGEX_KEYWORDS.has(wordBefore);
      if (regex) {
        index = skipRegex(text, index);
        lastChar = 'a';
        continue;
      }
    }
    if (expression && stack.length === 1 && (char === ',' || char === ';' || char === ')' || char === ']' || char === '}')) return index;
    // A member name follows `.` and `?.`, not the spread `...`.
    member = (char === '.' && text[index - 1] !== '.' && text[index + 1] !== '.') || (char === '?' && text[index + 1] === '.');
    if (char === '?' && member) index++;
    const opened = OPENERS[char];
    if (opened !== undefined) stack.push(opened);
    else if (char === ')' || char === ']' || char === '}') {
      // A stray closer of another kind is tolerated (a mis-read regex or division, a broken file).
      if (stack.at(-1) === char) stack.pop();
      if (stack.length === 0) return index + 1;
    }
    lastChar = char;
    index++;
  }
  return text.length;
}

/** Canonical form of a name as the rules compare it: lower case, `_` and `-` removed. */
export function canonicalName(name: string): string {
  return name.toLowerCase().replace(/[_-]/gu, '');
}

/** A regular-expression source matching `word` with any `_` / `-` between its letters (as canonical names allow). */
export function separatedWordSource(word: string): string {
  return [...word].map((char) => char.replace(/[\\^$.*+?()[\]{}|/]/gu, '\\$&')).join('[-_]*');
}

/**
 * Whether `index` sits on a comment line: one that starts with `//`, or with `*` (the lines of a
 * block comment, such as the JSDoc examples `*   console.log(res.data);`; no code line starts with
 * a `*` followed by the shapes the gates look for). Only the first 200 characters of a line are
 * looked at (minified code has lines of megabytes).
 */
export function onCommentLine(text: string, index: number): boolean {
  let at = index;
  while (at > 0 && index - at < 200 && text.charCodeAt(at - 1) !== 10) at--;
  if (at > 0 && text.charCodeAt(at - 1) !== 10) return false;
  while (at < index && (text.charCodeAt(at) === 32 || text.charCodeAt(at) === 9)) at++;
  const first = text[at];
  return (first === '/' && text[at + 1] === '/') || (first === '*' && text[at + 1] !== '/');
}

/**
 * Cheap searches for a set of literal words in a file's text, for the text gates.
 *
 * A regular expression with alternatives (`/rejectUnauthorized|strictSSL|…/`) makes V8's regexp
 * engine try every position of the text: about 35–200 ms over the 113 MiB of the bench corpus,
 * per gate. `String#indexOf` of a needle whose first character is rare in code runs a `memchr`
 * over the text and costs a few milliseconds. So each word is found through one of its rare
 * characters (an *anchor*), and a small set of anchor characters is chosen to cover all the words
 * of a gate: each anchor costs one pass over the text, whatever the number of words it covers.
 * A hit is then checked around its position (the word itself, then the caller's own test).
 */

/**
 * How often each character occurs in JavaScript and TypeScript code, per thousand characters
 * (measured on the bench corpus: third-party packages, bundles included). Characters not listed
 * count as common.
 */
const FREQUENCY: Readonly<Record<string, number>> = {
  '~': 0.04, Z: 0.11, '%': 0.12, '#': 0.21, '^': 0.23, X: 0.23, '@': 0.27, J: 0.29, Y: 0.33, '<': 0.36, K: 0.47, '7': 0.52, Q: 0.55, G: 0.58,
  '9': 0.62, '8': 0.67, '>': 0.68, '5': 0.69, z: 0.71, '6': 0.71, W: 0.75, '4': 0.83, '3': 0.87, V: 0.87, H: 0.88, '`': 0.91, '?': 1.0,
  '\\': 1.1, B: 1.28, '*': 1.37, F: 1.47, U: 1.48, '2': 1.48, '!': 1.59, L: 1.6, N: 1.62, M: 1.63, '+': 1.65, D: 1.85, q: 1.91, j: 1.95,
  '-': 1.95, $: 2.18, ']': 2.22, '&': 2.23, '[': 2.25, '|': 2.36, T: 3.2, I: 3.21, E: 3.42, R: 3.6, O: 3.62, P: 3.65, w: 3.66, A: 3.76,
  '0': 3.77, x: 3.8, '1': 4.05, S: 4.34, C: 4.87, _: 4.88, '/': 5.28, "'": 5.28, v: 5.71, ':': 5.98, k: 6.13, y: 6.53, '}': 6.93,
  '{': 7.01, '"': 7.98, b: 8.16, ';': 8.76, g: 9.09, h: 10.67, f: 10.81, '.': 12.89, ')': 13.06, m: 13.1, '(': 13.15, '=': 13.46,
  ',': 13.9, d: 14.9, u: 17.85, p: 18.77, c: 23.04, l: 25.76, i: 30.79, s: 34.69, n: 36.68, o: 38.22, a: 40.05, r: 44.6, t: 49.58, e: 67.58,
};

/**
 * Relative cost of one pass for an anchor character. A pass over a rare character is little more
 * than a `memchr`; every hit of a common one returns to JavaScript to be checked, which soon costs
 * more than several rare passes (measured: one pass over `h` costs about as much as five over `z`,
 * `U`, `4`, `-`), hence the square.
 */
export function anchorCost(char: string): number {
  const frequency = FREQUENCY[char] ?? 40;
  return 1 + frequency * frequency;
}

/** A literal word to find, and what must hold around it for the hit to count. */
export interface AnchoredWord {
  readonly word: string;
  /** Called with the text and the word's start; the hit counts when it returns `true` (default: always). */
  readonly accept?: (text: string, start: number) => boolean;
}

/**
 * Something to find, with a choice of words to find it by: each alternative is a list of words,
 * one of which occurs wherever the thing does (a catalogue API call needs its method name, and
 * also one of its modules). The scan anchors whichever alternative is cheapest with the anchors
 * it needs anyway. `tag` names what was found, for `taggedWords`.
 */
export interface Findable {
  readonly alternatives: readonly (readonly AnchoredWord[])[];
  readonly tag?: string;
}

interface Placed {
  readonly word: string;
  /** Index of the anchor character in `word`. */
  readonly offset: number;
  readonly accept?: (text: string, start: number) => boolean;
  readonly tag: string;
}

interface Anchor {
  /** What `indexOf` looks for: the anchor character and the characters all its words share after it. */
  readonly needle: string;
  /** Words that end with the needle. */
  readonly always: readonly Placed[];
  /** The other words, by the character that follows the needle in them. */
  readonly byNext: ReadonlyMap<number, readonly Placed[]>;
}

/** Longest common prefix of some strings. */
function commonPrefix(strings: readonly string[]): string {
  let prefix = strings[0] ?? '';
  for (const text of strings) {
    let length = 0;
    while (length < prefix.length && length < text.length && prefix[length] === text[length]) length++;
    prefix = prefix.slice(0, length);
  }
  return prefix;
}

/** The alternative of `item` whose every word contains `char`, if any. */
function alternativeWith(item: Findable, char: string): readonly AnchoredWord[] | undefined {
  return item.alternatives.find((words) => words.length > 0 && words.every(({ word }) => word.includes(char)));
}

/**
 * Chooses anchor characters: greedily, the character that covers the most things not yet covered
 * per unit of cost, until everything is covered. A thing is covered by a character that every word
 * of one of its alternatives contains.
 */
function chooseAnchors(items: readonly Findable[]): Anchor[] {
  const uncovered = new Set(items);
  const assigned = new Map<Findable, string>();
  const chars: string[] = [];
  while (uncovered.size > 0) {
    const counts = new Map<string, number>();
    for (const item of uncovered) {
      const coverable = new Set<string>();
      for (const words of item.alternatives) for (const char of words[0]?.word ?? '') if (words.every(({ word }) => word.includes(char))) coverable.add(char);
      for (const char of coverable) counts.set(char, (counts.get(char) ?? 0) + 1);
    }
    let best: string | undefined;
    let bestScore = 0;
    for (const [char, count] of counts) {
      const score = count / anchorCost(char);
      if (score > bestScore || (score === bestScore && best !== undefined && char < best)) {
        best = char;
        bestScore = score;
      }
    }
    if (best === undefined) throw new Error('text gate: a word list cannot be anchored (an empty word?)');
    chars.push(best);
    for (const item of [...uncovered]) {
      if (!alternativeWith(item, best)) continue;
      assigned.set(item, best);
      uncovered.delete(item);
    }
  }
  // A cheap character chosen early can turn out redundant once a costlier one had to be chosen
  // anyway (every word of a list has a `w`): drop it when the others cover all its things without
  // shortening their needles (a shorter needle sends more hits back to JavaScript).
  const needleOf = (char: string, group: readonly Findable[]): string =>
    commonPrefix(group.flatMap((item) => (alternativeWith(item, char) ?? []).map(({ word }) => word.slice(word.indexOf(char))))).slice(0, 6);
  const groupOf = (char: string): Findable[] => [...assigned].filter(([, assignedChar]) => assignedChar === char).map(([item]) => item);
  for (const char of [...chars].sort((a, b) => anchorCost(a) - anchorCost(b))) {
    const others = chars.filter((other) => other !== char);
    const moves = groupOf(char).map((item) => [item, others.find((other) => alternativeWith(item, other) && needleOf(other, [...groupOf(other), item]) === needleOf(other, groupOf(other)))] as const);
    if (others.length === 0 || moves.some(([, other]) => other === undefined)) continue;
    for (const [item, other] of moves) if (other !== undefined) assigned.set(item, other);
    chars.splice(chars.indexOf(char), 1);
  }
  const chosen = chars.map((char) => {
    const placed: Placed[] = [];
    for (const [item, assignedChar] of assigned) {
      if (assignedChar !== char) continue;
      for (const { word, accept } of alternativeWith(item, char) ?? []) placed.push({ word, offset: word.indexOf(char), tag: item.tag ?? '', ...(accept ? { accept } : {}) });
    }
    return { char, placed };
  });
  return chosen.map(({ placed }) => {
    // Up to six characters: V8 searches short needles with a `memchr` on their first character.
    const needle = commonPrefix(placed.map(({ word, offset }) => word.slice(offset))).slice(0, 6);
    const always: Placed[] = [];
    const byNext = new Map<number, Placed[]>();
    for (const entry of placed) {
      const next = entry.offset + needle.length;
      if (next >= entry.word.length) always.push(entry);
      else {
        const code = entry.word.charCodeAt(next);
        byNext.set(code, [...(byNext.get(code) ?? []), entry]);
      }
    }
    return { needle, always, byNext };
  });
}

/**
 * Runs the anchors over a text: `found(tag)` for every accepted hit whose tag `wanted` still
 * wants; stops when `found` returns `true`.
 */
function scan(text: string, anchors: readonly Anchor[], wanted: (tag: string) => boolean, found: (tag: string) => boolean): void {
  const tryList = (list: readonly Placed[] | undefined, index: number): boolean => {
    if (list === undefined) return false;
    for (const { word, offset, accept, tag } of list) {
      const start = index - offset;
      if (start >= 0 && wanted(tag) && text.startsWith(word, start) && (!accept || accept(text, start)) && found(tag)) return true;
    }
    return false;
  };
  for (const { needle, always, byNext } of anchors) {
    for (let index = text.indexOf(needle); index !== -1; index = text.indexOf(needle, index + 1)) {
      if (always.length > 0 && tryList(always, index)) return;
      if (byNext.size > 0 && tryList(byNext.get(text.charCodeAt(index + needle.length)), index)) return;
    }
  }
}

/** A plain word as a `Findable`. */
export function word(entry: AnchoredWord, tag?: string): Findable {
  return { alternatives: [[entry]], ...(tag === undefined ? {} : { tag }) };
}

/** A test for "something of the set occurs (and is accepted)", one `indexOf` pass per anchor. */
export function anchoredWords(items: readonly (Findable | AnchoredWord)[]): (text: string) => boolean {
  const anchors = chooseAnchors(items.map((item) => ('alternatives' in item ? item : word(item))));
  return (text) => {
    let hit = false;
    scan(
      text,
      anchors,
      () => true,
      () => (hit = true),
    );
    return hit;
  };
}

/**
 * A test that says which tags of a set of things occur (and are accepted), one `indexOf` pass per
 * anchor: for gates that share one scan of the text (with `rememberLast`). Stops when every tag is
 * found.
 */
export function taggedWords(items: readonly Findable[]): (text: string) => ReadonlySet<string> {
  const anchors = chooseAnchors(items);
  const allTags = new Set(items.map((item) => item.tag ?? ''));
  return (text) => {
    const found = new Set<string>();
    scan(
      text,
      anchors,
      (tag) => !found.has(tag),
      (tag) => found.add(tag).size === allTags.size,
    );
    return found;
  };
}

/**
 * A search for every accepted occurrence of a set of words, one `indexOf` pass per anchor: the
 * start of each hit, in ascending order (a start where several words are accepted appears once).
 */
export function anchoredHits(items: readonly (Findable | AnchoredWord)[]): (text: string) => number[] {
  const search = taggedHits(items.map((item) => ('alternatives' in item ? { ...item, tag: '' } : word(item, ''))));
  return (text) => search(text).get('') ?? [];
}

/**
 * `anchoredHits` for things of several tags at once (searches that share anchor characters share
 * their passes): by tag, the starts of the accepted hits in ascending order.
 */
export function taggedHits(items: readonly Findable[]): (text: string) => ReadonlyMap<string, number[]> {
  const anchors = chooseAnchors(items);
  return (text) => {
    const starts = new Map<string, Set<number>>();
    const tryList = (list: readonly Placed[] | undefined, index: number): void => {
      if (list === undefined) return;
      for (const { word: placed, offset, accept, tag } of list) {
        const start = index - offset;
        if (start < 0 || starts.get(tag)?.has(start) === true || !text.startsWith(placed, start) || (accept && !accept(text, start))) continue;
        let set = starts.get(tag);
        if (!set) {
          set = new Set();
          starts.set(tag, set);
        }
        set.add(start);
      }
    };
    for (const { needle, always, byNext } of anchors) {
      for (let index = text.indexOf(needle); index !== -1; index = text.indexOf(needle, index + 1)) {
        if (always.length > 0) tryList(always, index);
        if (byNext.size > 0) tryList(byNext.get(text.charCodeAt(index + needle.length)), index);
      }
    }
    const result = new Map<string, number[]>();
    for (const [tag, set] of starts) result.set(tag, [...set].sort((x, y) => x - y));
    return result;
  };
}

/** The anchor needles chosen for a set of things (for tests and the cost notes). */
export function anchorNeedles(items: readonly (Findable | AnchoredWord)[]): string[] {
  return chooseAnchors(items.map((item) => ('alternatives' in item ? item : word(item)))).map((anchor) => anchor.needle);
}

/**
 * A text test that remembers its answer for the last text it saw: several gates share a test
 * (the scanner runs every rule's gate on the same text in a row, and so do the rules' `create()`).
 */
export function rememberLast<T>(test: (text: string) => T): (text: string) => T {
  let lastText: string | undefined;
  let lastResult: T | undefined;
  return (text) => {
    if (text !== lastText || lastResult === undefined) {
      lastResult = test(text);
      lastText = text;
    }
    return lastResult;
  };
}

/** Whether the character at `index` can be part of an identifier (so a word there is not a whole word). */
export function isIdentifierCharAt(text: string, index: number): boolean {
  const code = text.charCodeAt(index);
  // NaN (outside the text) is not.
  return (code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a) || (code >= 0x30 && code <= 0x39) || code === 0x5f || code === 0x24 || code > 0x7f;
}

/** Whether `word` at `start` is a whole word (no identifier character on either side). */
export function isWholeWord(text: string, start: number, word: string): boolean {
  return !isIdentifierCharAt(text, start - 1) && !isIdentifierCharAt(text, start + word.length);
}

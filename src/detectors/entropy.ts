/** Shannon entropy of a string, in bits per character (code points). */
export function shannonEntropy(value: string): number {
  const chars = Array.from(value);
  if (chars.length === 0) return 0;
  const counts = new Map<string, number>();
  for (const char of chars) counts.set(char, (counts.get(char) ?? 0) + 1);
  let entropy = 0;
  for (const count of counts.values()) {
    const p = count / chars.length;
    entropy -= p * Math.log2(p);
  }
  return entropy;
}

/** How many of the four character classes (lower, upper, digit, symbol) a value uses. */
export function characterClassCount(value: string): number {
  let classes = 0;
  if (/[a-z]/u.test(value)) classes++;
  if (/[A-Z]/u.test(value)) classes++;
  if (/[0-9]/u.test(value)) classes++;
  if (/[^a-zA-Z0-9]/u.test(value)) classes++;
  return classes;
}

/**
 * The cheap text prefilter: a code file whose text contains none of the words any enabled rule
 * could fire on is not parsed for the per-file rules. The keywords live here, in one table keyed
 * by rule id; a rule without a row turns the prefilter off (every file is parsed), so a new rule
 * can never be silently skipped. `test/scanner/prefilter.test.ts` checks that no file with a
 * finding is ever filtered out.
 */

/**
 * Words (case-insensitive) without which a rule cannot report. They are over-approximations: the
 * name of a secret slot always contains one of them (see `classifySecretName`).
 */
export const RULE_KEYWORDS: Readonly<Record<string, readonly string[]>> = {
  // Every client-secret name has `secret` in it: clientSecret, CLIENT_SECRET, consumer_secret, appSecret.
  'no-hardcoded-client-secret': ['secret'],
};

function escapeRegExp(text: string): string {
  return text.replace(/[\\^$.*+?()[\]{}|]/gu, '\\$&');
}

/**
 * The prefilter for a set of enabled rule ids: `undefined` when some rule has no keyword row
 * (then nothing is filtered), otherwise a test that says whether a text needs parsing.
 */
export function createPrefilter(enabledRules: Iterable<string>, { reportUnusedDisableDirectives = false } = {}): ((text: string) => boolean) | undefined {
  // An unused `eslint-disable credential-hygiene/…` comment is itself a report.
  const words = new Set<string>(reportUnusedDisableDirectives ? ['credential-hygiene/'] : []);
  for (const rule of enabledRules) {
    const keywords = RULE_KEYWORDS[rule];
    if (!keywords) return undefined;
    for (const word of keywords) words.add(word);
  }
  if (words.size === 0) return () => false;
  const pattern = new RegExp([...words].map(escapeRegExp).join('|'), 'iu');
  return (text) => pattern.test(text);
}

/**
 * Words without which a file cannot use a value under a secret name (`classifySecretName` needs
 * one of them), so it cannot be a sink of a cross-file flow.
 */
export const SECRET_NAME_KEYWORDS: readonly string[] = ['secret', 'pass', 'pwd', 'token', 'key', 'bearer', 'authorization', 'pat', 'credential'];
const SECRET_NAME_PATTERN = new RegExp(SECRET_NAME_KEYWORDS.join('|'), 'iu');

/** Whether a file may use a value under a secret name (cheap over-approximation). */
export function mayUseSecretName(text: string): boolean {
  return SECRET_NAME_PATTERN.test(text);
}

/**
 * Whether a file may be client-side by its text: a directive, a client module, a browser global
 * or a public env prefix from the catalogue. Files that match none (and no client glob) are never
 * roots of the client-bundle walk, so they need no parse for it.
 */
export function createClientSignalTest(words: readonly string[]): (text: string) => boolean {
  const pattern = new RegExp(words.map((word) => word.replace(/\*$/u, '').replace(/[\\^$.*+?()[\]{}|]/gu, '\\$&')).join('|'), 'u');
  return (text) => pattern.test(text);
}

/**
 * Masked previews of secret values. Every message of every front end goes through
 * `maskSecret`, so that no output (editor, CI log, SARIF, baseline) ever carries a whole secret.
 */

/** Below this many characters a preview shows no character of the value at all. */
const MIN_LENGTH_FOR_PREVIEW = 16;

/**
 * Returns a short preview that can never reveal the secret: at most a quarter of the characters,
 * split between the start and the end, and none at all for short values. Characters are counted
 * as code points, so a preview never splits a surrogate pair.
 */
export function maskSecret(value: string): string {
  const chars = Array.from(value);
  const length = chars.length;
  if (length < MIN_LENGTH_FOR_PREVIEW) {
    return `${'*'.repeat(4)} (${length} chars)`;
  }
  const shown = length >= 32 ? 4 : 2;
  const head = chars.slice(0, shown).join('');
  const tail = chars.slice(-shown).join('');
  return `${sanitizePreview(head)}…${sanitizePreview(tail)} (${length} chars)`;
}

/** Keeps control characters and line breaks out of one-line messages. */
function sanitizePreview(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/gu, '?');
}

/**
 * Replaces every occurrence of each secret in `text` with its masked preview. Front ends use it as
 * a last line of defence on text they did not build themselves (error messages, diffs).
 */
export function redactSecrets(text: string, secrets: Iterable<string>): string {
  let result = text;
  const sorted = [...new Set(secrets)].filter((secret) => secret.length > 0).sort((a, b) => b.length - a.length);
  for (const secret of sorted) {
    result = result.split(secret).join(maskSecret(secret));
  }
  return result;
}

/** Below this length a value also spells words and paths; see `redactValuesInCode`. */
const SHORT_VALUE = 12;

/**
 * `redactSecrets` for code and diffs of code, where the fix command shows its values. A value over
 * several lines (a PEM key) stands in a diff one line at a time, each behind its `-`, `+` or space,
 * so every line of it is masked too. A long value is masked wherever it stands. A short one (a
 * client id such as `dev` or `admin-cli`, a weak password) also spells words and paths
 * (`/dev/null`, `@keycloak/keycloak-admin-client`, a `password` parameter), so it is masked only
 * where it stands as a value: between quotes, after `=` or `:`, or as a quoted literal itself.
 */
export function redactValuesInCode(text: string, values: Iterable<string>): string {
  const all = new Set<string>();
  for (const value of values) {
    if (value.length === 0) continue;
    all.add(value);
    if (value.includes('\n')) for (const line of value.split(/\r?\n/u)) if (line.trim().length >= 8) all.add(line.trim());
  }
  const long = [...all].filter((value) => value.length >= SHORT_VALUE || /^(['"`]).*\1$/su.test(value));
  let result = redactSecrets(text, long);
  for (const value of [...all].filter((candidate) => !long.includes(candidate)).sort((a, b) => b.length - a.length)) {
    const escaped = value.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');
    const masked = maskSecret(value);
    result = result.replace(new RegExp(`(?<=['"\`]|=|:[ \\t]*)${escaped}(?=['"\`]|[ \\t]*$)`, 'gmu'), () => masked);
  }
  return result;
}

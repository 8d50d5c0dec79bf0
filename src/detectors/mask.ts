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

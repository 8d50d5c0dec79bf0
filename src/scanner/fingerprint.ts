/**
 * Finding fingerprints: `ruleId + path + a salted hash of the normalised value`, so a baseline
 * entry survives the finding moving to another line, and never contains or reveals the value.
 */
import { createHash } from 'node:crypto';

/**
 * The salt mixed into every value hash. A project can set its own (`fingerprintSalt` in the
 * config) so fingerprints from one repository cannot be checked against guessed values elsewhere.
 */
export const DEFAULT_FINGERPRINT_SALT = 'credential-hygiene/fingerprint/v1';

export interface FingerprintInput {
  readonly ruleId: string;
  /** Path relative to the scan's cwd, with `/` separators. */
  readonly file: string;
  /** The text at the reported range (a literal with its quotes, an env name…). */
  readonly value: string;
  readonly salt?: string;
}

/**
 * Strips what changes without the value changing: surrounding whitespace, the quotes or backticks
 * of a literal, and `\r`.
 */
export function normaliseFingerprintValue(value: string): string {
  let text = value.replace(/\r/gu, '').trim();
  const first = text[0];
  if (text.length >= 2 && (first === "'" || first === '"' || first === '`') && text.at(-1) === first) text = text.slice(1, -1);
  return text;
}

/** `<ruleId>:<sha256 hex, 32 chars>`; the path is hashed in, so equal values in two files differ. */
export function computeFingerprint({ ruleId, file, value, salt = DEFAULT_FINGERPRINT_SALT }: FingerprintInput): string {
  const hash = createHash('sha256');
  hash.update(salt);
  hash.update('\0');
  hash.update(ruleId);
  hash.update('\0');
  hash.update(file.replace(/\\/gu, '/'));
  hash.update('\0');
  hash.update(normaliseFingerprintValue(value));
  return `${ruleId}:${hash.digest('hex').slice(0, 32)}`;
}

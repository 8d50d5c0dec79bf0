/**
 * Usage errors quote what the user typed. An argument that looks like a credential (a secret
 * pasted after the wrong flag, or a shell variable expanded in the wrong place) is quoted as a
 * masked preview instead, so that a typo never puts a secret into a CI log.
 */
import { classifySecretValue, maskSecret, redactSecrets } from '../detectors/index.js';

const MAX_QUOTED_LENGTH = 40;

/** Known token formats, and credential-shaped values mixing letters and digits (not `no-such-command`). */
function looksLikeCredential(text: string): boolean {
  if (text.length < 8) return false;
  const { kind } = classifySecretValue(text);
  return kind === 'known-format' || (kind === 'credential' && /\d/u.test(text) && /[A-Za-z]/u.test(text));
}

/** An argument as it may appear in a message: masked when credential-shaped, else cut to 40 characters. */
export function describeArgument(value: string): string {
  return looksLikeCredential(value) ? maskSecret(value) : value.slice(0, MAX_QUOTED_LENGTH);
}

/** The credential-shaped parts of an argument: the whole, without leading dashes, and after `=`. */
function sensitiveParts(argument: string): string[] {
  const parts = new Set([argument, argument.replace(/^-+/u, ''), ...argument.split('=').slice(1)]);
  return [...parts].filter(looksLikeCredential);
}

/** Masks every credential-shaped argument of `argv` found in `message` (e.g. a parser's error). */
export function redactArguments(message: string, argv: readonly string[]): string {
  return redactSecrets(message, argv.flatMap(sensitiveParts));
}

/**
 * Distinctive fake secrets of every kind the classifier knows, for the leak audit. Each one is
 * assembled from fragments here at run time, so that the repository never holds one as a literal
 * (and secret scanners on the repository stay quiet), and each is checked in
 * `leak-audit.test.ts` to be recognised as the kind it stands for.
 */
import { createHash } from 'node:crypto';

export interface SeededSecret {
  /** Short id used in file names and failure messages (never the value). */
  readonly id: string;
  /** The whole value as it is written into the seeded project. */
  readonly value: string;
  /**
   * The part that must never leave in clear. Defaults to `value`; differs where the value wraps the
   * secret in public text (a URL's host, a PEM header).
   */
  readonly secret?: string;
  /** Identifier the value is bound to in seeded source (decides the credential kind). */
  readonly slot: string;
  /** What the detection core must say about it: a known format id, or a classifier format. */
  readonly expected: { readonly knownFormat: string } | { readonly valueFormat: string };
}

const j = (...parts: string[]): string => parts.join('');

const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const HEX_DIGITS = '0123456789abcdef';
const UPPER_DIGITS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
const BASE64_CHARS = `${ALNUM}+/`;

/**
 * Deterministic pseudo-random characters for one seed: the same on every run (so classification
 * does not flicker), different between seeds (so a leak names the right one), and never a literal
 * in the repository.
 */
function chars(label: string, length: number, alphabet = ALNUM): string {
  let out = '';
  for (let block = 0; out.length < length; block++) {
    for (const byte of createHash('sha256').update(`credential-hygiene leak audit:${label}:${block}`).digest()) {
      if (out.length < length) out += alphabet[byte % alphabet.length];
    }
  }
  return out;
}

const pemBody = j('MIIEowIBAAKCAQEA', chars('pem-1', 48, BASE64_CHARS), '\n', chars('pem-2', 64, BASE64_CHARS), '\n', chars('pem-3', 24, BASE64_CHARS), '==');
const jwtSignature = chars('jwt-signature', 43);
const guid = (label: string): string => {
  const hex = chars(label, 32, HEX_DIGITS);
  return j(hex.slice(0, 8), '-', hex.slice(8, 12), '-4', hex.slice(13, 16), '-a', hex.slice(17, 20), '-', hex.slice(20));
};

export const SEEDED_SECRETS: readonly SeededSecret[] = [
  { id: 'random-client-secret', value: j(chars('random-1', 12), '!', chars('random-2', 12), '#', chars('random-3', 8)), slot: 'clientSecret', expected: { valueFormat: 'random' } },
  { id: 'acumatica-client-id', value: j(guid('acumatica'), '@KensiumPOS'), slot: 'clientId', expected: { valueFormat: 'acumatica-client-id' } },
  { id: 'google-client-id', value: j('48291', chars('google-id-digits', 7, '0123456789'), '-', chars('google-id', 32, 'abcdefghijklmnopqrstuvwxyz0123456789'), '.apps.googleusercontent.com'), secret: chars('google-id', 32, 'abcdefghijklmnopqrstuvwxyz0123456789'), slot: 'clientId', expected: { valueFormat: 'google-client-id' } },
  { id: 'hex-api-key', value: chars('hex', 40, HEX_DIGITS), slot: 'apiKey', expected: { valueFormat: 'hex' } },
  { id: 'base64-access-token', value: j(chars('base64', 43, BASE64_CHARS), '='), slot: 'accessToken', expected: { valueFormat: 'base64' } },
  { id: 'guid-signing-secret', value: guid('guid'), slot: 'webhookSecret', expected: { valueFormat: 'guid' } },
  { id: 'short-password', value: j(chars('short', 6), '2', 'Kensium'), slot: 'password', expected: { valueFormat: 'random' } },
  { id: 'url-with-password', value: j('https://pos_sync:', chars('url-password', 14), '@erp.example.com/api'), secret: chars('url-password', 14), slot: 'erpUrl', expected: { knownFormat: 'basic-auth' } },
  { id: 'postgres-password', value: j('postgres://erp_user:', chars('pg-password', 18), '@db.internal:5432/erp'), secret: chars('pg-password', 18), slot: 'databaseUrl', expected: { knownFormat: 'postgre-sql-connection' } },
  // secretlint's AWS access key id scan is off by default; the classifier still sees a credential.
  { id: 'aws-access-key-id', value: j('AKIA', chars('aws-id', 16, UPPER_DIGITS)), slot: 'accessKeyId', expected: { valueFormat: 'random' } },
  { id: 'aws-secret-access-key', value: chars('aws-secret', 40, BASE64_CHARS), slot: 'aws_secret_access_key', expected: { knownFormat: 'aws-secret-access-key' } },
  { id: 'github-token', value: j('ghp_', chars('github', 36)), slot: 'githubToken', expected: { knownFormat: 'github-token' } },
  { id: 'slack-token', value: j('xoxb-', chars('slack-1', 10, '0123456789'), '-', chars('slack-2', 13, '0123456789'), '-', chars('slack-3', 24)), slot: 'slackToken', expected: { knownFormat: 'slack-token' } },
  { id: 'npm-token', value: j('npm_', chars('npm', 36)), slot: 'npmToken', expected: { knownFormat: 'npm-access-token' } },
  { id: 'google-oauth-client-secret', value: j('GOCSPX-', chars('gocspx', 28)), slot: 'clientSecret', expected: { knownFormat: 'google-oauth-client-secret' } },
  { id: 'google-api-key', value: j('AIza', chars('aiza', 35)), slot: 'apiKey', expected: { knownFormat: 'google-api-key' } },
  { id: 'azure-ad-client-secret', value: j(chars('azure-1', 3), '8Q~', chars('azure-2', 34)), slot: 'clientSecret', expected: { knownFormat: 'azure-ad-client-secret' } },
  { id: 'stripe-secret-key', value: j('sk_', 'live_', chars('stripe', 32)), slot: 'stripeKey', expected: { knownFormat: 'stripe-secret-key' } },
  { id: 'jwt', value: j('eyJhbGciOiJIUzI1NiJ9', '.eyJzdWIiOiJrZW5zaXVtLXBvcyJ9', '.', jwtSignature), secret: jwtSignature, slot: 'bearerToken', expected: { knownFormat: 'jwt' } },
  { id: 'openai-key', value: j('sk-', chars('openai-1', 20), 'T3BlbkFJ', chars('openai-2', 20)), secret: j(chars('openai-1', 20), chars('openai-2', 20)), slot: 'openaiApiKey', expected: { knownFormat: 'openai-token' } },
  { id: 'sendgrid-key', value: j('SG.', chars('sendgrid-1', 22), '.', chars('sendgrid-2', 43)), slot: 'sendgridApiKey', expected: { knownFormat: 'sendgrid-key' } },
  {
    id: 'private-key',
    value: j('-----BEGIN RSA ', 'PRIVATE KEY-----\n', pemBody, '\n-----END RSA ', 'PRIVATE KEY-----'),
    secret: pemBody,
    slot: 'privateKey',
    expected: { knownFormat: 'private-key' },
  },
];

/** Windows of this many consecutive characters count as a leak (see `maskSecret`: a preview shows at most 4). */
export const LEAK_WINDOW = 8;

/** The strings whose presence in an output is a leak: every 8-character window, or the whole of a shorter secret. */
export function leakNeedles(seed: SeededSecret): string[] {
  const secrets = (seed.secret ?? seed.value).split('\n').filter((part) => part.length > 0);
  const needles: string[] = [];
  for (const secret of secrets) {
    if (secret.length < 16) needles.push(secret);
    else for (let i = 0; i + LEAK_WINDOW <= secret.length; i++) needles.push(secret.slice(i, i + LEAK_WINDOW));
  }
  return needles;
}

/**
 * Lists each seeded secret that appears (whole or by a long enough window) in `output`. The
 * result names the seed and the offset of the window, never the characters, so a failing test does
 * not print the secret either.
 */
export function findLeaks(output: string, seeds: readonly SeededSecret[] = SEEDED_SECRETS): string[] {
  const leaks: string[] = [];
  for (const seed of seeds) {
    const needles = leakNeedles(seed);
    const index = needles.findIndex((needle) => output.includes(needle));
    if (index >= 0) leaks.push(`${seed.id} (window ${index})`);
  }
  return leaks;
}

/** Masked previews are allowed; their presence shows the secret was seen and masked. */
export { maskSecret } from '../../../src/detectors/index.js';

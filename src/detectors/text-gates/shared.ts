/**
 * Pieces shared by the text gates: words, modules and formats that more than one rule's gate
 * looks for. A gate is an over-approximation of what its rule can report, decided on the raw text
 * before any parse (see `index.ts`).
 */
import { FLOW_API_ROWS } from '../../catalogue/flows.js';
import { HTTP_CLIENT_ROWS, SINK_ROWS } from '../../catalogue/index.js';
import { userSinkModules, type UserSinkOption } from '../../catalogue/user-sinks.js';
import { findKnownSecrets } from '../known-formats.js';

/** What a gate may look at besides the text: the file name and the rule's options. */
export interface GateContext {
  /** The file's path (absolute or relative), for rules whose triggers depend on it. */
  readonly filename?: string;
  /** The rule's options object (its first option), as configured. */
  readonly options?: object;
}

/** Whether a rule may report anything in a text: `false` only when it certainly cannot. */
export type TextGate = (text: string, context?: GateContext) => boolean;

export function escapeRegExp(text: string): string {
  return text.replace(/[\\^$.*+?()[\]{}|/]/gu, '\\$&');
}

/**
 * Text without which no identifier, property key or env-var name is a credential name for
 * `classifySecretName`: every kind needs one of these words (`secret`, `password`, `token`,
 * `client id`, `api key`, `pat` as the last word…), written with any separator or casing.
 */
export const CREDENTIAL_NAME =
  /secret|passw|pwd|passphrase|pass(?![a-z0-9])|token|bearer|authoriz|pat(?![a-z0-9])|client[^a-z0-9]*id|(?:private|api|access|secret|subscription|account|master|license|consumer|signing|jwt|hmac|encryption|webhook|session|cookie|auth)[^a-z0-9]*key/iu;

/** Every module of the sink and flow catalogues, as a quoted import specifier (`'openid-client'`, `"@aws-sdk/…"`). */
export const CATALOGUE_MODULE = new RegExp(
  `['"\`](?:node:)?(?:${[...new Set([...SINK_ROWS, ...HTTP_CLIENT_ROWS, ...FLOW_API_ROWS].flatMap((row) => row.modules))].map(escapeRegExp).join('|')})(?:/[^'"\`\\n]*)?['"\`]`,
  'u',
);

/** Cheap literal hints of `findKnownSecrets` (its own gate, per string). */
const KNOWN_FORMAT_HINT =
  /A3T|AKIA|AGPA|AIDA|AROA|AIPA|ANPA|ANVA|ASIA|key|account|x-oauth-basic|_auth|npm_|xox|xapp|hooks\.slack|:\/\/|sk-|sk_|rk_|lin_api|PRIVATE KEY|SG\.|shp|gh[pousr]_|github_pat|ops_|GOCSPX-|AIza|Q~|eyJ/iu;

/** Where the credential rules find sites: credential names, catalogue sinks, JWK `d`, `Basic` headers built with `btoa`/`Buffer`. */
export function mayHaveCredentialSite(text: string): boolean {
  return CREDENTIAL_NAME.test(text) || CATALOGUE_MODULE.test(text) || text.includes('kty') || (/btoa|Buffer/u.test(text) && /basic|auth/iu.test(text));
}

/**
 * A recognised token format anywhere in the text (strings and comments are parts of it). Runs the
 * detector on the whole file, which costs one regular-expression pass per format: far less than a
 * parse, and only for files that pass the detector's own literal hints.
 */
export function mayHaveKnownFormat(text: string): boolean {
  return KNOWN_FORMAT_HINT.test(text) && findKnownSecrets(text).length > 0;
}

/** Path and property words of OAuth endpoints (`ENDPOINT_PATHS`, `ENDPOINT_PROPERTIES`). */
export const ENDPOINT_WORD = /issuer|authority|auth|token|userinfo|userprofile|jwks|certs|introspect|revo|endsession|well-?known|openid|discovery|metadata|org[^a-z0-9]*ur[il]|base[^a-z0-9]*ur[il]/iu;

/** Storage APIs of `no-token-in-browser-storage`. */
export const BROWSER_STORAGE = /localstorage|sessionstorage|objectstore|cookie|idb-keyval|localforage|cachelocation/iu;

/** Whether the text names a module of the project's own sinks (the hard-coded rules' `sinks` option). */
export function mentionsUserSinkModule(text: string, context: GateContext | undefined): boolean {
  const sinks = (context?.options as { sinks?: unknown } | undefined)?.sinks;
  if (!Array.isArray(sinks) || sinks.length === 0) return false;
  return userSinkModules(sinks as readonly UserSinkOption[]).some((module) => text.includes(module));
}

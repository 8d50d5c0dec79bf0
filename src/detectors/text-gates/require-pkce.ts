/**
 * Text gate of `require-pkce`. The rule reports:
 * - hand-built authorization requests for a code (query strings, `URLSearchParams`, `qs.stringify`
 *   objects, `.set()` writes), which it reads only in a text naming `response_type` and which
 *   need `client_id`;
 * - `code_challenge_method` `plain` under that name anywhere (object key, `.set()`, query);
 * - Auth.js `checks: [...]` without `'pkce'`;
 * - the catalogue's flow APIs without PKCE and calls that build an authorization URL
 *   (`PKCE_ROWS`), which need the API's name and an import of its module.
 */
import { mayHaveAuthorizationRequest, mentionsCodeChallengeMethod, redirectFlowTags } from './flow-text.js';

export { PKCE_ROWS as ROWS } from './flow-text.js';

export function mayReport(text: string): boolean {
  if (mayHaveAuthorizationRequest(text) || mentionsCodeChallengeMethod(text)) return true;
  const tags = redirectFlowTags(text);
  return tags.has('pkce-checks') || tags.has('pkce-api');
}

/**
 * Text gate of `require-oauth-state`. The rule reports:
 * - hand-built authorization requests for a code without `state` (or with a constant one), which
 *   it reads only in a text naming `response_type` and which need `client_id`;
 * - Auth.js `checks: [...]` with `'none'` or without any of `'pkce'`, `'state'`, `'nonce'`;
 * - the catalogue's flow APIs without CSRF protection and calls that build an authorization URL
 *   (`STATE_ROWS`), which need the API's name and an import of its module.
 */
import { mayHaveAuthorizationRequest, redirectFlowTags } from './flow-text.js';

export { STATE_ROWS as ROWS } from './flow-text.js';

export function mayReport(text: string): boolean {
  if (mayHaveAuthorizationRequest(text)) return true;
  const tags = redirectFlowTags(text);
  return tags.has('state-checks') || tags.has('state-api');
}

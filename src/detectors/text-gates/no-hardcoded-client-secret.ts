/**
 * Text gate of `no-hardcoded-client-secret`: a client-secret site bound to a value the rule could
 * report (names such as `clientSecret`, catalogue slots, token requests, Basic headers, query
 * strings; see `credential-sites.ts`), or a module of the project's own sinks. A `Basic` header
 * counts only when the text after its `:` is a literal or an expression that may resolve to one
 * (`${decodeURIComponent(password)}`, `this._clientSecret`, a parameter do not).
 */
import { CLIENT_SECRET_SITES, mayHaveCredentialSiteOfKind } from './credential-sites.js';
import { mentionsUserSinkModule, type GateContext } from './shared.js';

export function mayReport(text: string, context?: GateContext): boolean {
  return mentionsUserSinkModule(text, context) || mayHaveCredentialSiteOfKind(text, CLIENT_SECRET_SITES, context);
}

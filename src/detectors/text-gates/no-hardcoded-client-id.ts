/**
 * Text gate of `no-hardcoded-client-id`: a client-id site bound to a value the rule could report
 * (the same sites as `no-hardcoded-client-secret`, see `credential-sites.ts`), a client id
 * recognised by its shape wherever it stands (Acumatica's `<GUID>@<tenant>`), or a module of the
 * project's own sinks.
 */
import { CLIENT_ID_SITES, mayHaveCredentialSiteOfKind } from './credential-sites.js';
import { mentionsUserSinkModule, type GateContext } from './shared.js';

export function mayReport(text: string, context?: GateContext): boolean {
  return mentionsUserSinkModule(text, context) || mayHaveCredentialSiteOfKind(text, CLIENT_ID_SITES, context);
}

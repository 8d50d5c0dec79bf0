/**
 * Text gate of `no-hardcoded-client-secret`: names (`clientSecret`, `CLIENT_ID`), sinks of catalogue modules, Basic headers, JWKs, and the project's own sinks.
 */
import { mayHaveCredentialSite, mentionsUserSinkModule, type GateContext } from './shared.js';

export function mayReport(text: string, context?: GateContext): boolean {
  return mayHaveCredentialSite(text) || mentionsUserSinkModule(text, context);
}

/**
 * Text gate of `no-hardcoded-credentials`: the credential sites, and every recognised token format in a string or a comment.
 */
import { mayHaveCredentialSite, mayHaveKnownFormat, mentionsUserSinkModule, type GateContext } from './shared.js';

export function mayReport(text: string, context?: GateContext): boolean {
  return mayHaveCredentialSite(text) || mentionsUserSinkModule(text, context) || mayHaveKnownFormat(text);
}

/**
 * Text gate of `no-hardcoded-client-id`: the same sites as `no-hardcoded-client-secret`, and
 * client ids recognised by their shape wherever they stand (Acumatica's `<GUID>@<tenant>`, Google's).
 */
import { mayHaveCredentialSite, mentionsUserSinkModule, type GateContext } from './shared.js';

export function mayReport(text: string, context?: GateContext): boolean {
  return mayHaveCredentialSite(text) || mentionsUserSinkModule(text, context) || /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}@|\.apps\.googleusercontent\.com/iu.test(text);
}

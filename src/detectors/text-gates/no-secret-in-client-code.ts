/**
 * Text gate of `no-secret-in-client-code`: credential names (client secrets, secret env vars), the client-credentials grant, catalogue flows.
 */
import { CATALOGUE_MODULE, CREDENTIAL_NAME } from './shared.js';

export function mayReport(text: string): boolean {
  return CREDENTIAL_NAME.test(text) || /client[^a-z0-9]*credentials/iu.test(text) || CATALOGUE_MODULE.test(text);
}

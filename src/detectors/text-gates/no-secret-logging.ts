/**
 * Text gate of `no-secret-logging`: credential names, token APIs (`grant`, `clientCredentials`, `exchangeCode…`) and token endpoints.
 */
import { CREDENTIAL_NAME } from './shared.js';

export function mayReport(text: string): boolean {
  return CREDENTIAL_NAME.test(text) || /grant|credentials|exchangecode/iu.test(text);
}

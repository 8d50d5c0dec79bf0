/**
 * Text gate of `no-secret-in-url`: query parameters `client_secret`, `password`, `access_token`, `refresh_token`, `api_key`.
 */
import { CREDENTIAL_NAME } from './shared.js';

export function mayReport(text: string): boolean {
  return CREDENTIAL_NAME.test(text);
}

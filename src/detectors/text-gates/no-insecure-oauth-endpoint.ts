/**
 * Text gate of `no-insecure-oauth-endpoint`: an `http:` URL near endpoint words or catalogue modules, or the `allowInsecureRequests` switch.
 */
import { CATALOGUE_MODULE, ENDPOINT_WORD } from './shared.js';

export function mayReport(text: string): boolean {
  return /allowInsecureRequests/iu.test(text) || (/http:/iu.test(text) && (ENDPOINT_WORD.test(text) || CATALOGUE_MODULE.test(text)));
}

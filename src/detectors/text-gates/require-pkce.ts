/**
 * Text gate of `require-pkce`: hand-built requests, catalogue flow APIs, Auth.js `checks`, `code_challenge_method`, `nopkce`.
 */
import { CATALOGUE_MODULE } from './shared.js';

export function mayReport(text: string): boolean {
  return /response[_-]?type|checks|code[^a-z0-9]*challenge|nopkce/iu.test(text) || CATALOGUE_MODULE.test(text);
}

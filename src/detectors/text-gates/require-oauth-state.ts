/**
 * Text gate of `require-oauth-state`: hand-built requests (`response_type`), catalogue flow APIs, Auth.js `checks`.
 */
import { CATALOGUE_MODULE } from './shared.js';

export function mayReport(text: string): boolean {
  return /response[_-]?type|checks/iu.test(text) || CATALOGUE_MODULE.test(text);
}

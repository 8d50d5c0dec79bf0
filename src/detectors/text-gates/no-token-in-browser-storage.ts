/**
 * Text gate of `no-token-in-browser-storage`: Web Storage, cookies, IndexedDB object stores, storage libraries and `cacheLocation` options.
 */
import { BROWSER_STORAGE } from './shared.js';

export function mayReport(text: string): boolean {
  return BROWSER_STORAGE.test(text);
}

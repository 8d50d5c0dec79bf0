/**
 * Text gate of `no-secret-env-fallback`: a credential name: an env read (`process.env`, `import.meta.env`, `Deno.env`,
 * `Bun.env`) under it, or a parameter default.
 */
import { CREDENTIAL_NAME } from './shared.js';

export function mayReport(text: string): boolean {
  return CREDENTIAL_NAME.test(text);
}

/**
 * Module specifiers as text, for the catalogue and the scanner's main thread, which match module
 * names without loading the AST helpers of `imports.ts`.
 */

/** Module specifiers match with or without the `node:` prefix, and on subpaths (`googleapis/build/src`). */
export function moduleMatches(specifier: string, module: string): boolean {
  const normalised = specifier.startsWith('node:') ? specifier.slice('node:'.length) : specifier;
  const target = module.startsWith('node:') ? module.slice('node:'.length) : module;
  return normalised === target || normalised.startsWith(`${target}/`);
}

/**
 * `eslint-disable` comments for findings the scanner adds itself (cross-file flow, client
 * reachability, config files in code files), with ESLint's semantics: `disable` / `enable`
 * blocks, `disable-line` and `disable-next-line`, with or without rule ids.
 */
import type { DisableDirectiveFact } from './facts.js';

function names(directive: DisableDirectiveFact, ruleId: string): boolean {
  return directive.rules.length === 0 || directive.rules.includes(ruleId);
}

/** Whether a finding of `ruleId` (with the plugin prefix) on `line` is suppressed. */
export function isSuppressed(directives: readonly DisableDirectiveFact[], ruleId: string, line: number): boolean {
  let disabled = false;
  for (const directive of directives) {
    if (!names(directive, ruleId)) continue;
    if (directive.type === 'disable-line' && directive.line === line) return true;
    if (directive.type === 'disable-next-line' && directive.line + 1 === line) return true;
    if (directive.type === 'disable' && directive.line <= line) disabled = true;
    if (directive.type === 'enable' && directive.line <= line) disabled = false;
  }
  return disabled;
}

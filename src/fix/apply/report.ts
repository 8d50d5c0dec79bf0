/**
 * What the `fix` command prints: the masked diff of a plan and the closing summary. Both are
 * built from masked previews, and the diff is redacted with every secret the plan handled as a
 * last line of defence, so no output carries a whole secret.
 */
import { maskSecret, redactValuesInCode } from '../../detectors/index.js';
import { unifiedDiff } from './edits.js';
import type { FixPlan } from './types.js';
import { relative, sep, isAbsolute } from 'node:path';

function show(cwd: string, path: string): string {
  const relativePath = relative(cwd, path);
  return (relativePath.startsWith('..') || isAbsolute(relativePath) ? path : relativePath).split(sep).join('/');
}

/** Env-file lines show `NAME=<masked>` in diffs, whatever the value's quoting. */
function maskEnvAssignments(text: string): string {
  return text.replace(/^([+\- ](?:export[ \t]+)?[A-Za-z_][A-Za-z0-9_.-]*[ \t]*=[ \t]*)(.+)$/gmu, (_line, head: string, value: string) => {
    const unquoted = value.replace(/^(['"`])(.*)\1\s*$/u, '$2');
    return `${head}${unquoted === '' ? '' : `<${maskSecret(unquoted)}>`}`;
  });
}

/** The unified diff of every file in the plan, with secrets masked. */
export function renderPlanDiff(plan: FixPlan): string {
  let output = '';
  for (const file of plan.files) {
    let diff = unifiedDiff(show(plan.cwd, file.path), file.before, file.edits);
    if (file.role === 'env') diff = maskEnvAssignments(diff);
    output += diff;
  }
  return redactValuesInCode(output, plan.secrets);
}

export interface SummaryOptions {
  readonly dryRun: boolean;
  readonly envFile: string;
}

/** The closing summary: what moved where, what was left and why, and what to rotate. */
export function renderSummary(plan: FixPlan, options: SummaryOptions): string {
  const lines: string[] = [];
  const where = (file: string, line: number, column: number): string => `${show(plan.cwd, file)}:${line}:${column}`;
  const verb = options.dryRun ? 'Would move' : 'Moved';
  if (plan.fixed.length === 0 && plan.skipped.length === 0) {
    lines.push('No hard-coded secrets to move.');
  }
  if (plan.fixed.length > 0) {
    lines.push(`${verb} ${plan.fixed.length} hard-coded ${plan.fixed.length === 1 ? 'secret' : 'secrets'} into ${show(plan.cwd, options.envFile)}:`);
    for (const entry of plan.fixed) {
      lines.push(`  ${where(entry.target.file, entry.line, entry.column)}  ${entry.target.kind} ${entry.masked} -> ${entry.envName}`);
    }
    const written = plan.files.map((file) => `${show(plan.cwd, file.path)}${file.before === undefined ? ' (new)' : ''}`);
    if (written.length > 0) lines.push(`${options.dryRun ? 'Would write' : 'Wrote'}: ${written.join(', ')}`);
  }
  const sameLiteral = plan.sameLiteral ?? [];
  if (sameLiteral.length > 0) {
    lines.push('', `Moved with the finding on the same literal (${sameLiteral.length}):`);
    for (const entry of sameLiteral) lines.push(`  ${where(entry.target.file, entry.line, entry.column)}  ${entry.target.kind} ${entry.masked} -> ${entry.envName}`);
  }
  if (plan.skipped.length > 0) {
    lines.push('', `Left unchanged (${plan.skipped.length}):`);
    for (const entry of plan.skipped) {
      lines.push(`  ${where(entry.target.file, entry.line, entry.column)}  ${entry.target.kind}${entry.masked ? ` ${entry.masked}` : ''}: ${entry.message}`);
    }
  }
  for (const notice of plan.notices) lines.push('', `Note: ${notice.file} ${notice.message}`);

  // Client ids identify the client and are not secret; every other credential is compromised.
  const toRotate = [...plan.fixed.map((entry) => ({ target: entry.target, label: entry.envName, masked: entry.masked })),
    ...plan.skipped.filter((entry) => entry.reason !== 'duplicate').map((entry) => ({ target: entry.target, label: `${show(plan.cwd, entry.target.file)}:${entry.line}`, masked: entry.masked ?? '' }))]
    .filter((entry) => entry.target.kind !== 'client-id');
  const unique = new Map<string, { label: string; masked: string; kind: string }>();
  for (const entry of toRotate) if (!unique.has(entry.label)) unique.set(entry.label, { label: entry.label, masked: entry.masked, kind: entry.target.kind });
  if (unique.size > 0) {
    lines.push(
      '',
      `Rotate ${unique.size === 1 ? 'this secret' : `these ${unique.size} secrets`} now: moving a value out of the code does not remove it from git history.`,
    );
    for (const entry of unique.values()) lines.push(`  - ${entry.label} (${entry.kind}${entry.masked ? `, ${entry.masked}` : ''})`);
    lines.push('Issue a new value at the provider, put it in the env file and your deployment secret store, then revoke the old one. See docs/migration.md.');
  }
  return redactValuesInCode(`${lines.join('\n')}\n`, plan.secrets);
}

/**
 * The `text` format: one line per finding, `file:line:col  severity  message  rule-id`, paths
 * relative to the working directory, the cross-file trace indented below, then a summary.
 */
import type { Finding } from '../../scanner/types.js';
import type { Reporter, ReporterContext } from './types.js';

const COLORS = { red: 31, yellow: 33, dim: 2, bold: 1 } as const;

function paint(context: ReporterContext, color: keyof typeof COLORS, text: string): string {
  return context.color ? `\u001B[${COLORS[color]}m${text}\u001B[0m` : text;
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

function findingLines(finding: Finding, context: ReporterContext): string[] {
  const severity = finding.severity === 'error' ? paint(context, 'red', 'error') : paint(context, 'yellow', 'warn ');
  const lines = [`${finding.file}:${finding.line}:${finding.column}  ${severity}  ${finding.message}  ${paint(context, 'dim', finding.ruleId)}`];
  if (finding.secret !== undefined) lines.push(`    unmasked value: ${finding.secret}`);
  for (const [index, hop] of (finding.trace ?? []).entries()) {
    lines.push(paint(context, 'dim', `    ${index === 0 ? 'trace:' : '      '} ${hop.file}:${hop.line}:${hop.column}  ${hop.message}`));
  }
  return lines;
}

export const textReporter: Reporter = (result, context) => {
  const lines: string[] = [];
  for (const finding of result.findings) lines.push(...findingLines(finding, context));
  if (result.errors.length > 0) {
    if (lines.length > 0) lines.push('');
    lines.push(`${plural(result.errors.length, 'file')} could not be scanned:`);
    for (const error of result.errors) lines.push(`  ${error.file}  ${error.message}`);
  }
  const errors = result.findings.filter((finding) => finding.severity === 'error').length;
  const warnings = result.findings.length - errors;
  const skippedEntries = Object.entries(result.stats.skipped).filter(([, count]) => count > 0);
  const skippedTotal = skippedEntries.reduce((sum, [, count]) => sum + count, 0);
  const skippedNote = skippedTotal > 0 ? `; ${plural(skippedTotal, 'file')} skipped (${skippedEntries.map(([reason, count]) => `${count} ${reason}`).join(', ')})` : '';
  // A file that could not be checked is a failure of the run (as a parse error is in ESLint): never summarised as clean.
  const uncheckedNote = result.errors.length > 0 ? `; ${plural(result.errors.length, 'file')} could not be checked` : '';
  if (lines.length > 0) lines.push('');
  if (result.findings.length === 0) {
    if (result.errors.length > 0) {
      lines.push(paint(context, 'bold', `✖ ${plural(result.errors.length, 'file')} could not be checked; no problems found in ${plural(result.stats.files, 'file')}${skippedNote}.`));
    } else if (!context.quiet) {
      lines.push(`No problems found in ${plural(result.stats.files, 'file')}${skippedNote}.`);
    }
  } else {
    lines.push(
      paint(
        context,
        'bold',
        `✖ ${plural(result.findings.length, 'problem')} (${plural(errors, 'error')}, ${plural(warnings, 'warning')}) in ${plural(new Set(result.findings.map((finding) => finding.file)).size, 'file')} of ${plural(result.stats.files, 'file')} checked${skippedNote}${uncheckedNote}.`,
      ),
    );
  }
  return lines.length === 0 ? '' : `${lines.join('\n')}\n`;
};

/**
 * The `json` format, documented in docs/scanner.md and kept stable: `{ version, findings, errors,
 * stats }`. Fields are copied one by one, so nothing internal (fix targets, secrets unless the user
 * passed `--no-mask`) can slip in.
 */
import type { Finding } from '../../scanner/types.js';
import type { Reporter } from './types.js';

/** Version of the JSON format (not of the package): bumped only on an incompatible change. */
export const JSON_FORMAT_VERSION = 1;

function serialiseFinding(finding: Finding): Record<string, unknown> {
  return {
    ruleId: finding.ruleId,
    severity: finding.severity,
    file: finding.file,
    line: finding.line,
    column: finding.column,
    endLine: finding.endLine,
    endColumn: finding.endColumn,
    message: finding.message,
    kind: finding.kind,
    fingerprint: finding.fingerprint,
    ...(finding.trace ? { trace: finding.trace.map(({ file, line, column, message }) => ({ file, line, column, message })) } : {}),
    ...(finding.secret === undefined ? {} : { secret: finding.secret }),
  };
}

export const jsonReporter: Reporter = (result) =>
  `${JSON.stringify(
    {
      version: JSON_FORMAT_VERSION,
      findings: result.findings.map(serialiseFinding),
      errors: result.errors.map(({ file, message }) => ({ file, message })),
      stats: { files: result.stats.files, skipped: { ...result.stats.skipped }, durationMs: result.stats.durationMs },
    },
    null,
    2,
  )}\n`;

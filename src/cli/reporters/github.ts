/**
 * GitHub Actions workflow commands: one `::error` / `::warning` annotation per finding, shown on
 * the pull request's diff. Escaping follows the runner's own rules (actions/toolkit
 * `command.ts`): in the message `%`, CR and LF are percent-encoded; in property values `:` and
 * `,` are too, since they separate properties. Without that, a crafted path or message could end
 * the annotation early or inject another workflow command on the next line.
 */
import type { Finding, ScanResult } from '../../scanner/types.js';

export function escapeData(text: string): string {
  return text.replaceAll('%', '%25').replaceAll('\r', '%0D').replaceAll('\n', '%0A');
}

export function escapeProperty(text: string): string {
  return escapeData(text).replaceAll(':', '%3A').replaceAll(',', '%2C');
}

function annotation(command: 'error' | 'warning', properties: Record<string, string | number | undefined>, message: string): string {
  const props = Object.entries(properties)
    .filter((entry): entry is [string, string | number] => entry[1] !== undefined)
    .map(([key, value]) => `${key}=${escapeProperty(String(value))}`)
    .join(',');
  return `::${command} ${props}::${escapeData(message)}\n`;
}

export function findingAnnotation(finding: Finding): string {
  const multiLine = finding.endLine > finding.line;
  return annotation(
    finding.severity === 'error' ? 'error' : 'warning',
    {
      file: finding.file,
      line: finding.line,
      // GitHub ignores columns on annotations that span lines, and says so; leave them out there.
      col: multiLine ? undefined : finding.column,
      endLine: finding.endLine,
      endColumn: multiLine ? undefined : finding.endColumn,
      title: `credential-hygiene/${finding.ruleId}`,
    },
    finding.message,
  );
}

export function formatGithub(result: ScanResult): string {
  const lines = result.findings.map(findingAnnotation);
  for (const error of result.errors) {
    lines.push(annotation('error', { file: error.file.startsWith('<') ? undefined : error.file, title: 'credential-hygiene could not scan a file' }, error.message));
  }
  return lines.join('');
}

/** The `github` entry of the reporter registry. */
export function githubReporter(result: ScanResult): string {
  return formatGithub(result);
}

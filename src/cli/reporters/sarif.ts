/**
 * SARIF 2.1.0 for code-scanning upload (GitHub, GitLab, Azure DevOps). What code-scanning UIs need
 * and other secret tools often miss:
 * - `partialFingerprints` from the baseline fingerprint (rule + path + salted hash of the value),
 *   so an alert keeps its identity when lines move, and the fingerprint never holds the secret;
 * - no `snippet`: the only text about a value is the finding's masked message;
 * - relative URIs under the `%SRCROOT%` base, so the report is the same on every runner;
 * - rules with help text, a help URI to `docs/rules/<id>.md` and a `security-severity`;
 * - cross-file `trace` hops as `relatedLocations`.
 */
import { RULE_DOCS } from '../../rule-docs.js';
import { packageInfo } from '../../package-info.js';
import { DOCS_BASE_URL } from '../../util/create-rule.js';
import type { Finding, ScanResult, Severity } from '../../scanner/types.js';

export const SARIF_SCHEMA_URI = 'https://json.schemastore.org/sarif-2.1.0.json';
export const TOOL_NAME = 'credential-hygiene';
/** The `partialFingerprints` key; bump the version if the fingerprint recipe ever changes. */
export const FINGERPRINT_KEY = 'credentialHygiene/v1';
export const SRCROOT = '%SRCROOT%';

/** Credential kinds: a hard-coded one is a leaked secret, the most severe finding. */
const CREDENTIAL_KINDS = new Set(['client-secret', 'client-id', 'password', 'api-key', 'token', 'private-key', 'signing-secret', 'secret', 'known-format']);

/**
 * GitHub buckets `security-severity` as critical ≥ 9.0, high ≥ 7.0, medium ≥ 4.0. A leaked
 * credential is critical; a forbidden flow or unsafe sourcing reported as an error is high; a
 * warning is medium. A client id alone is an identifier, not a secret: medium.
 */
export function securitySeverity(finding: Pick<Finding, 'kind' | 'severity'>): number {
  if (finding.kind === 'client-id') return 5.0;
  if (CREDENTIAL_KINDS.has(finding.kind)) return finding.severity === 'error' ? 9.1 : 7.0;
  return finding.severity === 'error' ? 7.5 : 5.0;
}

function sarifLevel(severity: Severity): 'error' | 'warning' {
  return severity === 'error' ? 'error' : 'warning';
}

/** A relative path as a URI reference: each segment percent-encoded, `/` kept. */
export function relativeUri(path: string): string {
  return path
    .replaceAll('\\', '/')
    .split('/')
    .map((segment) => encodeURIComponent(segment))
    .join('/');
}

function ruleDocs(ruleId: string): { readonly description: string } {
  return { description: (RULE_DOCS as Readonly<Record<string, { readonly description: string } | undefined>>)[ruleId]?.description ?? `credential-hygiene check ${ruleId}` };
}

export interface SarifOptions {
  /** Absolute `file://` URI of the scan root, written as `%SRCROOT%`'s value when given. */
  readonly srcRootUri?: string;
  /** `runAutomationDetails.id`, e.g. `credential-hygiene/shard-2/` to tell shards apart. */
  readonly automationId?: string;
}

type Json = Record<string, unknown>;

function region(line: number, column: number, endLine?: number, endColumn?: number): Json {
  const result: Json = { startLine: Math.max(1, line), startColumn: Math.max(1, column) };
  if (endLine !== undefined && endLine >= line) result.endLine = endLine;
  if (endColumn !== undefined && endLine !== undefined && (endLine > line || endColumn > column)) result.endColumn = endColumn;
  return result;
}

function location(file: string, regionJson: Json): Json {
  return { physicalLocation: { artifactLocation: { uri: relativeUri(file), uriBaseId: SRCROOT }, region: regionJson } };
}

/** Builds the SARIF log object (one run). */
export function buildSarif(result: ScanResult, options: SarifOptions = {}): Json {
  const ruleIds = [...new Set(result.findings.map((finding) => finding.ruleId))].sort();
  const ruleIndex = new Map(ruleIds.map((id, index) => [id, index]));
  const rules = ruleIds.map((id) => {
    const findings = result.findings.filter((finding) => finding.ruleId === id);
    const severity = Math.max(...findings.map(securitySeverity));
    const level = findings.some((finding) => finding.severity === 'error') ? 'error' : 'warning';
    const { description } = ruleDocs(id);
    const helpUri = `${DOCS_BASE_URL}/${id}.md`;
    return {
      id,
      name: id,
      shortDescription: { text: description },
      fullDescription: { text: description },
      helpUri,
      help: {
        text: `${description}. Documentation, examples and how to fix: ${helpUri}`,
        markdown: `${description}. See [docs/rules/${id}.md](${helpUri}) for examples and how to fix it.`,
      },
      defaultConfiguration: { level },
      properties: { tags: ['security', 'credentials'], precision: 'high', 'security-severity': severity.toFixed(1) },
    };
  });

  // Two findings of one rule on the same value in one file (two `rejectUnauthorized: false`) share
  // a fingerprint; code-scanning platforms would merge them into one alert. The second and later
  // ones get their occurrence number, as GitHub numbers its own line hashes; the first keeps the
  // plain fingerprint, the one the baseline uses.
  const occurrences = new Map<string, number>();
  const results = result.findings.map((finding) => {
    const occurrence = (occurrences.get(finding.fingerprint) ?? 0) + 1;
    occurrences.set(finding.fingerprint, occurrence);
    const json: Json = {
      ruleId: finding.ruleId,
      ruleIndex: ruleIndex.get(finding.ruleId),
      level: sarifLevel(finding.severity),
      message: { text: finding.message },
      locations: [location(finding.file, region(finding.line, finding.column, finding.endLine, finding.endColumn))],
      partialFingerprints: { [FINGERPRINT_KEY]: occurrence === 1 ? finding.fingerprint : `${finding.fingerprint}:${occurrence}` },
      properties: { kind: finding.kind },
    };
    if (finding.trace && finding.trace.length > 0) {
      json.relatedLocations = finding.trace.map((hop, index) => ({
        id: index + 1,
        ...location(hop.file, region(hop.line, hop.column)),
        message: { text: hop.message },
      }));
    }
    return json;
  });

  const run: Json = {
    tool: {
      driver: {
        name: TOOL_NAME,
        semanticVersion: packageInfo.version,
        version: packageInfo.version,
        informationUri: packageInfo.homepage ?? DOCS_BASE_URL.replace(/\/blob\/main\/docs\/rules$/u, ''),
        rules,
      },
    },
    originalUriBaseIds: {
      [SRCROOT]: options.srcRootUri ? { uri: options.srcRootUri.endsWith('/') ? options.srcRootUri : `${options.srcRootUri}/` } : { description: { text: 'The directory the scan ran in (the repository root in CI).' } },
    },
    invocations: [
      {
        executionSuccessful: result.errors.length === 0,
        toolExecutionNotifications: result.errors.map((error) => ({
          level: 'error',
          message: { text: error.message },
          ...(error.file.startsWith('<') ? {} : { locations: [{ physicalLocation: { artifactLocation: { uri: relativeUri(error.file), uriBaseId: SRCROOT } } }] }),
        })),
      },
    ],
    columnKind: 'utf16CodeUnits',
    results,
  };
  if (options.automationId) run.automationDetails = { id: options.automationId };
  return { $schema: SARIF_SCHEMA_URI, version: '2.1.0', runs: [run] };
}

export function formatSarif(result: ScanResult, options: SarifOptions = {}): string {
  return `${JSON.stringify(buildSarif(result, options), null, 2)}\n`;
}

/** The `sarif` entry of the reporter registry. */
export function sarifReporter(result: ScanResult): string {
  return formatSarif(result);
}

/**
 * Non-code files: `.env*`, JSON, YAML, `.properties`, `.npmrc`, credential files. Secrets under a
 * credential key come from `findConfigFileSecrets` (the same classifier as the rules and the
 * secretlint rule); recognised token formats anywhere from `findKnownSecrets` (secretlint's
 * recommended preset plus OAuth formats). A tracked `.env` is reported by itself, because env
 * files hold real values by design.
 */
import { basename } from 'node:path';
import { findConfigFileSecrets, type ConfigSecretFinding } from '../detectors/config-files.js';
import { CREDENTIAL_KIND_LABELS, findKnownSecrets, maskSecret, type CredentialKind, type KnownSecret } from '../detectors/index.js';
import { isEnvFile, isEnvTemplate } from './files.js';

/** Scanner-only rule id for an environment file that git tracks or is about to. */
export const COMMITTED_ENV_FILE_RULE = 'no-committed-env-file';

export interface TextFinding {
  readonly ruleId: string;
  readonly kind: string;
  readonly message: string;
  /** `[start, end)` in the file's text. */
  readonly range: readonly [number, number];
  /** What the fingerprint hashes: the secret text, or the path for a whole-file finding. */
  readonly fingerprintValue: string;
}

const CLIENT_SECRET_FORMATS = new Set(['google-oauth-client-secret', 'azure-ad-client-secret']);
const FORMAT_KINDS: Readonly<Record<string, string>> = {
  'google-oauth-client-secret': 'client-secret',
  'azure-ad-client-secret': 'client-secret',
  'private-key': 'private-key',
  'private-key-json': 'private-key',
  'basic-auth': 'password',
  'mongo-db-connection': 'password',
  'my-sql-connection': 'password',
  'postgre-sql-connection': 'password',
  jwt: 'token',
};

function knownSecretFinding(text: string, secret: KnownSecret): TextFinding {
  const value = text.slice(secret.range[0], secret.range[1]);
  return {
    ruleId: CLIENT_SECRET_FORMATS.has(secret.format) ? ruleForCredentialKind('client-secret') : ruleForCredentialKind('api-key'),
    kind: FORMAT_KINDS[secret.format] ?? 'api-key',
    message: `Hard-coded ${secret.label} (${maskSecret(value)}) in a committed file. Move it to an environment variable or a secret store, and rotate it: it is in version control.`,
    range: secret.range,
    fingerprintValue: value,
  };
}

/** The rule that owns a credential kind, for findings the scanner makes outside code. */
export function ruleForCredentialKind(kind: CredentialKind): string {
  if (kind === 'client-secret') return 'no-hardcoded-client-secret';
  if (kind === 'client-id') return 'no-hardcoded-client-id';
  return 'no-hardcoded-credentials';
}

function configSecretFinding(text: string, secret: ConfigSecretFinding): TextFinding {
  const value = text.slice(secret.range[0], secret.range[1]);
  return {
    ruleId: ruleForCredentialKind(secret.kind),
    kind: secret.kind,
    message: `Hard-coded ${CREDENTIAL_KIND_LABELS[secret.kind]} under \`${secret.key}\` (${maskSecret(value)}), ${secret.classification.reason}. Move it to an environment variable or a secret store, and rotate it: it is in version control.`,
    range: secret.range,
    fingerprintValue: value,
  };
}

function overlaps(a: readonly [number, number], b: readonly [number, number]): boolean {
  return a[0] < b[1] && b[0] < a[1];
}

/** Overlapping reports of one secret (two preset rules, or a key and a format): the tightest wins. */
function withoutOverlaps(text: string, findings: readonly TextFinding[]): TextFinding[] {
  const kept: TextFinding[] = [];
  const looksLikeKeyAndValue = (finding: TextFinding): boolean => /[=:\s]/u.test(text.slice(finding.range[0], finding.range[1]));
  for (const finding of findings) {
    const clash = kept.findIndex((other) => other.range[1] > other.range[0] && overlaps(other.range, finding.range));
    if (clash === -1) {
      kept.push(finding);
      continue;
    }
    const other = kept[clash] as TextFinding;
    if (looksLikeKeyAndValue(other) && !looksLikeKeyAndValue(finding)) kept[clash] = finding;
  }
  return kept;
}

export interface TextFileContext {
  /** Absolute path. */
  readonly path: string;
  /** True when git tracks the file, false when it is untracked but not ignored, undefined outside git. */
  readonly tracked: boolean | undefined;
}

/** Findings for one non-code file. */
export function scanTextFile(text: string, { path, tracked }: TextFileContext): TextFinding[] {
  const findings: TextFinding[] = [];
  if (isEnvFile(path) && !isEnvTemplate(path) && tracked !== undefined) {
    const name = basename(path);
    findings.push({
      ruleId: COMMITTED_ENV_FILE_RULE,
      kind: 'env-file',
      message: tracked
        ? `\`${name}\` is tracked by git: environment files hold real secrets. Remove it from the index (\`git rm --cached ${name}\`), add it to .gitignore and rotate what it contains.`
        : `\`${name}\` is not ignored by git and would be committed: add it to .gitignore and keep a \`.env.example\` with placeholders instead.`,
      // The whole file is the problem; the range stays empty so no value is ever pointed at.
      range: [0, 0],
      fingerprintValue: name,
    });
  }
  const secrets = [
    ...findConfigFileSecrets(text, { filePath: path }).map((secret) => configSecretFinding(text, secret)),
    ...findKnownSecrets(text, { filePath: path }).map((secret) => knownSecretFinding(text, secret)),
  ];
  return [...findings, ...withoutOverlaps(text, secrets)];
}

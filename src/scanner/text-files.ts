/**
 * Non-code files: `.env*`, JSON, YAML, `.properties`, `.npmrc`, credential files. Secrets under a
 * credential key come from `findConfigFileSecrets` (the same classifier as the rules and the
 * secretlint rule); recognised token formats anywhere from `findKnownSecrets` (secretlint's
 * recommended preset plus OAuth formats). A tracked `.env` that holds one of those is also
 * reported as a whole, naming the keys (never the values).
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

/** Env names that bundlers inline into client code by design. */
const PUBLIC_ENV_PREFIX = /^(?:NEXT_PUBLIC|VITE|REACT_APP|NUXT_PUBLIC|EXPO_PUBLIC|PUBLIC|GATSBY|STORYBOOK|VUE_APP)_/u;

/** The `KEY` of the dotenv line holding `offset`, if the line is a `KEY=value` assignment. */
function envKeyAt(text: string, offset: number): string | undefined {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  return /^[ \t]*(?:export[ \t]+)?([A-Za-z_][\w.-]*)[ \t]*[=:]/u.exec(text.slice(lineStart, Math.min(offset, lineStart + 300)))?.[1];
}

/** Names of the keys that hold the reported values, in file order, each once (never the values). */
function credentialKeyNames(text: string, secrets: readonly TextFinding[]): string[] {
  const names: string[] = [];
  for (const secret of [...secrets].sort((a, b) => a.range[0] - b.range[0])) {
    const name = envKeyAt(text, secret.range[0]) ?? `line ${text.slice(0, secret.range[0]).split('\n').length}`;
    if (!names.includes(name)) names.push(name);
  }
  return names;
}

/**
 * Findings for one non-code file. A tracked (or committable) `.env` is reported as a whole only
 * when it holds a credential: frameworks tell teams to commit `.env`, `.env.development`,
 * `.env.production` with public settings (`VITE_API_URL`, `NEXT_PUBLIC_*`), and those are fine.
 */
export function scanTextFile(text: string, { path, tracked }: TextFileContext): TextFinding[] {
  const secrets = withoutOverlaps(text, [
    ...findConfigFileSecrets(text, { filePath: path }).map((secret) => configSecretFinding(text, secret)),
    ...findKnownSecrets(text, { filePath: path }).map((secret) => knownSecretFinding(text, secret)),
  ]);
  if (!isEnvFile(path) || isEnvTemplate(path) || tracked === undefined) return secrets;
  // Client ids and public build-time settings (`NEXT_PUBLIC_…`, `VITE_…`) ship to every browser anyway:
  // they alone do not make committing the file a leak (their own findings stay).
  const credentials = secrets.filter((secret) => secret.kind !== 'client-id' && !PUBLIC_ENV_PREFIX.test(envKeyAt(text, secret.range[0]) ?? ''));
  if (credentials.length === 0) return secrets;
  const name = basename(path);
  const keys = credentialKeyNames(text, credentials);
  const shown = keys.slice(0, 5).map((key) => `\`${key}\``).join(', ') + (keys.length > 5 ? ` and ${keys.length - 5} more` : '');
  const envFile: TextFinding = {
    ruleId: COMMITTED_ENV_FILE_RULE,
    kind: 'env-file',
    message: tracked
      ? `\`${name}\` is tracked by git and holds credentials (${shown}). Remove it from the index (\`git rm --cached ${name}\`), add it to .gitignore and rotate them; keep public settings in a committed file without credentials.`
      : `\`${name}\` holds credentials (${shown}) and is not ignored by git, so it would be committed: add it to .gitignore and keep a \`.env.example\` with placeholders instead.`,
    // The whole file is the problem; the range stays empty so no value is ever pointed at.
    range: [0, 0],
    fingerprintValue: name,
  };
  return [envFile, ...secrets];
}

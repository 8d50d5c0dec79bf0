/**
 * Non-code files: `.env*`, JSON, YAML, `.properties`, `.npmrc`, credential files. Recognised token
 * formats come from `findKnownSecrets` (secretlint's recommended preset plus OAuth formats); a
 * tracked `.env` is reported by itself, because env files hold real values by design.
 */
import { basename } from 'node:path';
import { findKnownSecrets, maskSecret, type KnownSecret } from '../detectors/index.js';
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
    ruleId: CLIENT_SECRET_FORMATS.has(secret.format) ? 'no-hardcoded-client-secret' : 'no-hardcoded-credentials',
    kind: FORMAT_KINDS[secret.format] ?? 'api-key',
    message: `Hard-coded ${secret.label} (${maskSecret(value)}) in a committed file. Move it to an environment variable or a secret store, and rotate it: it is in version control.`,
    range: secret.range,
    fingerprintValue: value,
  };
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
  for (const secret of findKnownSecrets(text, { filePath: path })) findings.push(knownSecretFinding(text, secret));
  return findings;
}

/**
 * The fix command's names and replacement text come from `src/fix/`'s `envVarNameFor` and
 * `envLookupText`, the functions behind the ESLint suggestions, so a finding gets the same
 * variable name and the same replacement text from the editor and from `credential-hygiene fix`.
 */
import { CREDENTIAL_KIND_LABELS, type CredentialKind } from '../../detectors/index.js';
import { connectionStringEnvName, envVarNameFor } from '../naming.js';
import { envLookupText } from '../replacement.js';
import type { FixNaming } from './plan.js';

function credentialKind(kind: string): CredentialKind {
  return kind in CREDENTIAL_KIND_LABELS ? (kind as CredentialKind) : 'secret';
}

/**
 * Names: the suggested name when the target has one (a numeric suffix only when the project
 * already uses it for another value, `KENSIUM_CLIENT_SECRET_2`); else a name derived from the
 * target's naming context, or from its kind and file, with `prefix`.
 */
export function sharedFixNaming(prefix?: string): FixNaming {
  const withPrefix = prefix === undefined || prefix === '' ? {} : { prefix };
  return {
    nameFor(target, taken) {
      const kind = credentialKind(target.kind);
      if (target.envName !== undefined) return envVarNameFor({ kind, convention: target.envName, taken });
      if (target.naming) return envVarNameFor({ ...target.naming, ...withPrefix, taken });
      return envVarNameFor({ kind, fileName: target.file, ...withPrefix, taken });
    },
    urlNameFor(target, scheme, taken) {
      return connectionStringEnvName(scheme, { ...(target.naming ?? { fileName: target.file }), ...withPrefix, taken });
    },
    lookupText(name, style, helperName) {
      return envLookupText(name, { style, helperName });
    },
  };
}

/**
 * The fix command's names and replacement text come from `src/fix/`'s `envVarNameFor` and
 * `envLookupText`, the functions behind the ESLint suggestions, so a finding gets the same
 * variable name and the same replacement text from the editor and from `credential-hygiene fix`.
 */
import { CREDENTIAL_KIND_LABELS, type CredentialKind } from '../../detectors/index.js';
import { envVarNameFor } from '../naming.js';
import { envLookupText } from '../replacement.js';
import type { FixNaming } from './plan.js';

function credentialKind(kind: string): CredentialKind {
  return kind in CREDENTIAL_KIND_LABELS ? (kind as CredentialKind) : 'secret';
}

/**
 * Names: the target's own naming context when the scanner gives one, else its suggested name,
 * with `prefix` and a numeric suffix when the name is taken (`KENSIUM_CLIENT_SECRET_2`).
 */
export function sharedFixNaming(prefix?: string): FixNaming {
  const withPrefix = prefix === undefined || prefix === '' ? {} : { prefix };
  return {
    nameFor(target, taken) {
      if (target.naming) return envVarNameFor({ ...target.naming, ...withPrefix, taken });
      const kind = credentialKind(target.kind);
      if (prefix) return envVarNameFor({ kind, variableName: target.envName, prefix, taken });
      return envVarNameFor({ kind, convention: target.envName, taken });
    },
    lookupText(name, style, helperName) {
      return envLookupText(name, { style, helperName });
    },
  };
}

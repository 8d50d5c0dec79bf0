/**
 * Text gate of `no-hardcoded-credentials`: a site of any other credential kind (password, API key,
 * token, private key, signing secret) bound to a value the rule could report (see
 * `credential-sites.ts`), a recognised token format in a string or a comment (unless
 * `checkKnownFormats` is off), or a module of the project's own sinks.
 */
import { mayHaveCredentialSiteOfKind, mayHaveKnownFormatToken, OTHER_CREDENTIAL_SITES } from './credential-sites.js';
import { mentionsUserSinkModule, type GateContext } from './shared.js';

export function mayReport(text: string, context?: GateContext): boolean {
  if (mentionsUserSinkModule(text, context)) return true;
  const checkKnownFormats = (context?.options as { checkKnownFormats?: unknown } | undefined)?.checkKnownFormats !== false;
  if (checkKnownFormats && mayHaveKnownFormatToken(text, context?.filename)) return true;
  return mayHaveCredentialSiteOfKind(text, OTHER_CREDENTIAL_SITES, context);
}

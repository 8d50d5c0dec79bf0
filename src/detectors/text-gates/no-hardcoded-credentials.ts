/**
 * Text gate of `no-hardcoded-credentials`: a site of any other credential kind (password, API key,
 * token, private key, signing secret) bound to a value the rule could report (see
 * `credential-sites.ts`), a recognised token format in a string or a comment (unless
 * `checkKnownFormats` is off), or a module of the project's own sinks.
 *
 * Not sites, as for the rule: an object literal under a credential name (`token = { type: "string",
 * … }`, only its credential-named properties are), a value that is a logical, conditional or other
 * binary expression (`tokenDescriptor = i < 0 || … ? void 0 : arguments[i]`), and a `Basic` header
 * whose password is an expression that resolves to no literal (`${decodeURIComponent(password)}`).
 * The three hard-coded gates share one analysis per text (the scanner runs them in a row).
 */
import { mayHaveCredentialSiteOfKind, mayHaveKnownFormatToken, OTHER_CREDENTIAL_SITES } from './credential-sites.js';
import { mentionsUserSinkModule, type GateContext } from './shared.js';

export function mayReport(text: string, context?: GateContext): boolean {
  if (mentionsUserSinkModule(text, context)) return true;
  const checkKnownFormats = (context?.options as { checkKnownFormats?: unknown } | undefined)?.checkKnownFormats !== false;
  if (checkKnownFormats && mayHaveKnownFormatToken(text, context?.filename)) return true;
  return mayHaveCredentialSiteOfKind(text, OTHER_CREDENTIAL_SITES, context);
}

/**
 * The secretlint rule: OAuth client secrets, client ids and other credentials in committed config
 * files (`keycloak.json`, Google `client_secret*.json`, `okta.yaml`, `.env`, `.properties`,
 * `.npmrc`, INI). It wraps `findConfigFileSecrets`, so it reports what the scanner reports, with
 * the same classifier and the same masked previews.
 *
 * Load it from `.secretlintrc.json` as `{ "id": "eslint-plugin-credential-hygiene/secretlint" }`:
 * secretlint's loader first tries `secretlint-rule-<id>`, then `<id>` itself, which Node resolves
 * through the `./secretlint` entry of this package's `exports`.
 *
 * The types below mirror `@secretlint/types` (a dependency of `@secretlint/core`) structurally, so
 * that this package does not need `@secretlint/types` at install time.
 */
import { CREDENTIAL_KIND_LABELS, maskSecret } from '../detectors/index.js';
import { findConfigFileSecrets, type ConfigSecretFinding } from '../detectors/config-files.js';

/** The rule id users write in `.secretlintrc.json`. */
export const SECRETLINT_RULE_ID = 'eslint-plugin-credential-hygiene/secretlint';

const DOCS_URL = 'https://github.com/credential-hygiene/eslint-plugin-credential-hygiene/blob/main/docs/secretlint.md';

export interface SecretlintRuleOptions {
  /**
   * Values to accept: a plain string matches the whole value, `/pattern/flags` is a regular
   * expression tested against the value (secretlint's `allows` convention).
   */
  readonly allows?: readonly string[];
  /** Report hard-coded client ids as well as secrets (default `true`). */
  readonly checkClientIds?: boolean;
}

interface MessageProps {
  readonly KIND: string;
  readonly KEY: string;
  readonly MASKED: string;
  readonly REASON: string;
}

interface TranslateResult {
  readonly message: string;
  readonly messageId: string;
  readonly data?: object;
}

type Messages = Record<'ConfigFileClientSecret' | 'ConfigFileClientId', { readonly en: (props: MessageProps) => string }>;

interface RuleContext {
  createTranslator(messages: Messages): (id: keyof Messages, props: MessageProps) => TranslateResult;
  report(descriptor: { message: TranslateResult; range: readonly [number, number] }): void;
}

interface SourceCode {
  readonly content: string;
  readonly filePath: string | undefined;
}

export const messages: Messages = {
  ConfigFileClientSecret: {
    en: (props: MessageProps) =>
      `Committed ${props.KIND} in "${props.KEY}" (${props.MASKED}), ${props.REASON}. Move it to an environment variable or a secret store, replace it with a reference, and rotate it: it is in version control.`,
  },
  ConfigFileClientId: {
    en: (props: MessageProps) =>
      `Committed client id in "${props.KEY}" (${props.MASKED}), ${props.REASON}. Read it from the same place as the client secret so that environments can differ.`,
  },
};

/** Whether a value is allowed by one of the `allows` entries. */
function isAllowed(value: string, allows: readonly string[]): boolean {
  return allows.some((allow) => {
    const regExp = /^\/(.+)\/([dgimsuvy]*)$/su.exec(allow);
    if (!regExp) return allow === value;
    try {
      return new RegExp(regExp[1] ?? '', (regExp[2] ?? '').replace('g', '')).test(value);
    } catch {
      return false;
    }
  });
}

/** Runs the detector on one file and keeps what the options let through. */
export function findReportableSecrets(content: string, filePath: string | undefined, options: SecretlintRuleOptions = {}): ConfigSecretFinding[] {
  const allows = options.allows ?? [];
  const checkClientIds = options.checkClientIds ?? true;
  return findConfigFileSecrets(content, filePath === undefined ? {} : { filePath }).filter(
    (finding) => (checkClientIds || finding.kind !== 'client-id') && !isAllowed(content.slice(finding.range[0], finding.range[1]), allows),
  );
}

/** The shape of secretlint's `SecretLintRuleCreator`, restated (see the file comment). */
export interface SecretlintRuleCreator {
  readonly messages: Messages;
  readonly meta: {
    readonly id: string;
    readonly type: 'scanner' | 'filter';
    readonly recommended: boolean;
    readonly docs: { readonly url: string };
    readonly supportedContentTypes: ('text' | 'binary' | 'all')[];
  };
  create(context: RuleContext, options?: SecretlintRuleOptions): { file(source: SourceCode): void };
}

export const creator: SecretlintRuleCreator = {
  messages,
  meta: {
    id: SECRETLINT_RULE_ID,
    type: 'scanner',
    recommended: true,
    docs: { url: DOCS_URL },
    supportedContentTypes: ['text'],
  },
  create(context: RuleContext, options: SecretlintRuleOptions = {}) {
    const t = context.createTranslator(messages);
    return {
      file(source: SourceCode): void {
        for (const finding of findReportableSecrets(source.content, source.filePath, options)) {
          const value = source.content.slice(finding.range[0], finding.range[1]);
          const props: MessageProps = {
            KIND: CREDENTIAL_KIND_LABELS[finding.kind],
            KEY: finding.key,
            MASKED: maskSecret(value),
            REASON: finding.classification.reason,
          };
          // secretlint masks every `data` value in the message; ours are already safe (the value
          // only appears as a masked preview), so the data is left out to keep the message readable.
          const { message, messageId } = t(finding.kind === 'client-id' ? 'ConfigFileClientId' : 'ConfigFileClientSecret', props);
          context.report({ message: { message, messageId }, range: finding.range });
        }
      },
    };
  },
};

export default creator;

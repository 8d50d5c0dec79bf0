import { ESLintUtils } from '@typescript-eslint/utils';

/** Where each rule's doc page lives; `docs.url` of every rule points here. */
export const DOCS_BASE_URL = 'https://github.com/credential-hygiene/eslint-plugin-credential-hygiene/blob/main/docs/rules';

export interface CredentialHygieneDocs {
  /** Whether the rule is in the `recommended` config, and at which severity. */
  readonly recommended?: 'error' | 'warn';
  /** Severity in the `strict` config; defaults to the recommended severity, or `error`. */
  readonly strict?: 'error' | 'warn';
  readonly requiresTypeChecking?: boolean;
}

export const createRule = ESLintUtils.RuleCreator<CredentialHygieneDocs>((name) => `${DOCS_BASE_URL}/${name}.md`);

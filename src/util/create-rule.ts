import * as ESLintUtils from '@typescript-eslint/utils/eslint-utils';
import type { RuleModule } from '@typescript-eslint/utils/ts-eslint';

/** Where each rule's doc page lives; `docs.url` of every rule points here. */
export const DOCS_BASE_URL = 'https://github.com/credential-hygiene/eslint-plugin-credential-hygiene/blob/main/docs/rules';

export interface CredentialHygieneDocs {
  /** Whether the rule is in the `recommended` config, and at which severity. */
  readonly recommended?: 'error' | 'warn';
  /** Severity in the `strict` config; defaults to the recommended severity, or `error`. */
  readonly strict?: 'error' | 'warn';
  readonly requiresTypeChecking?: boolean;
}

export type CredentialHygieneRule<Options extends readonly unknown[], MessageIds extends string> = RuleModule<MessageIds, Options, CredentialHygieneDocs> & {
  readonly name: string;
};

/**
 * `ESLintUtils.RuleCreator` with the same contract (docs URL, `meta.defaultOptions` merged under
 * the configured options, passed as `create`'s second argument), minus its per-file cost.
 *
 * The upstream creator deep-clones and deep-merges the defaults in every `create()` call, that is
 * once per rule per linted file, although a rule almost always runs with its defaults. ESLint (9.15
 * and later) already merges `meta.defaultOptions` into `context.options`, keeping the default
 * objects themselves when nothing is configured: so when `context.options` holds exactly the
 * default objects (or nothing, as ESLint before 9.15 passes), the result is the defaults, resolved
 * once and frozen so that no rule can change them for the next file. Configured options are merged
 * as before.
 */
export function createRule<Options extends readonly unknown[], MessageIds extends string>({
  meta,
  name,
  create,
}: Readonly<ESLintUtils.RuleWithMetaAndName<Options, MessageIds, CredentialHygieneDocs>>): CredentialHygieneRule<Options, MessageIds> {
  const resolveOptions = optionsResolver((meta.defaultOptions ?? []) as unknown as Options);
  return {
    meta: { ...meta, docs: { ...meta.docs, url: `${DOCS_BASE_URL}/${name}.md` } },
    name,
    create(context) {
      return create(context, resolveOptions(context.options));
    },
  };
}

function optionsResolver<Options extends readonly unknown[]>(defaults: Options): (configured: Options) => Options {
  let resolvedDefaults: Options | undefined;
  return (configured) => {
    if (configured.length === 0 || isDefaults(configured, defaults)) {
      resolvedDefaults ??= deepFreeze(ESLintUtils.applyDefault(defaults, null) as Options);
      return resolvedDefaults;
    }
    return ESLintUtils.applyDefault(defaults, configured) as Options;
  };
}

/** Whether the configured options are the default objects themselves (ESLint's merge when nothing is configured). */
function isDefaults(configured: readonly unknown[], defaults: readonly unknown[]): boolean {
  if (configured.length !== defaults.length) return false;
  for (let i = 0; i < defaults.length; i++) {
    // A primitive equal to its default may be a user's choice: the merge would give the default all the same.
    if (configured[i] !== defaults[i]) return false;
  }
  return true;
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const item of Object.values(value)) deepFreeze(item);
  }
  return value;
}

/**
 * The ESLint plugin: one exported object whose configs point back at it, so that
 * `defineConfig({ plugins: { 'credential-hygiene': plugin }, extends: ['credential-hygiene/recommended'] })`
 * never sees two different plugin objects under one namespace.
 */
import type { ESLint, Linter } from 'eslint';
import { rules } from '../rules/index.js';
import { NAMESPACE, recommendedRules, strictRules } from './configs.js';
import { packageInfo } from './package-info.js';

type ConfigName = 'recommended' | 'strict' | 'recommended-type-checked';

/**
 * Typed as ESLint's own `Plugin`, so that TypeScript users can pass it to `defineConfig` as is;
 * `rules` keeps the precise rule modules for tests and tools.
 */
interface CredentialHygienePlugin extends ESLint.Plugin {
  meta: { name: string; version: string; namespace: string };
  rules: typeof rules & NonNullable<ESLint.Plugin['rules']>;
  configs: Record<ConfigName, Linter.Config>;
}

function config(name: ConfigName, ruleLevels: Linter.RulesRecord): Linter.Config {
  return {
    name: `${NAMESPACE}/${name}`,
    plugins: {
      get [NAMESPACE]() {
        return plugin;
      },
    },
    rules: ruleLevels,
  };
}

const plugin: CredentialHygienePlugin = {
  meta: { name: packageInfo.name, version: packageInfo.version, namespace: NAMESPACE },
  // typescript-eslint's rule type is stricter than ESLint's; at run time they are the same object.
  rules: rules as CredentialHygienePlugin['rules'],
  configs: {
    recommended: config('recommended', recommendedRules(rules, { typeChecked: false })),
    strict: config('strict', strictRules(rules, { typeChecked: false })),
    'recommended-type-checked': config('recommended-type-checked', recommendedRules(rules, { typeChecked: true })),
  },
};

export default plugin;

/**
 * Flat configs derived from each rule's `meta.docs`: `recommended` takes the rules with a
 * recommended severity, `strict` takes every rule (at its strict severity), and
 * `recommended-type-checked` adds the rules that need type information.
 */
import type { Linter } from 'eslint';
import type { CredentialHygieneDocs } from './util/create-rule.js';

type RuleMap = Record<string, { meta: { docs?: CredentialHygieneDocs } }>;

export const NAMESPACE = 'credential-hygiene';

export function recommendedRules(rules: RuleMap, { typeChecked }: { typeChecked: boolean }): Linter.RulesRecord {
  const result: Linter.RulesRecord = {};
  for (const [name, rule] of Object.entries(rules)) {
    const docs = rule.meta.docs;
    if (!docs?.recommended) continue;
    if (docs.requiresTypeChecking === true && !typeChecked) continue;
    result[`${NAMESPACE}/${name}`] = docs.recommended;
  }
  return result;
}

export function strictRules(rules: RuleMap, { typeChecked }: { typeChecked: boolean }): Linter.RulesRecord {
  const result: Linter.RulesRecord = {};
  for (const [name, rule] of Object.entries(rules)) {
    const docs = rule.meta.docs;
    if (docs?.requiresTypeChecking === true && !typeChecked) continue;
    result[`${NAMESPACE}/${name}`] = docs?.strict ?? 'error';
  }
  return result;
}

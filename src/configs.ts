/**
 * Flat configs derived from each rule's `meta.docs`: `recommended` takes the rules with a
 * recommended severity, `strict` takes every rule (at its strict severity), and
 * `recommended-type-checked` adds the rules that need type information.
 */
import type { Linter } from 'eslint';
import { RULE_DOCS } from './rule-docs.js';
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

/** The rules as `RuleMap` entries of their docs alone (`rule-docs.ts`): configs without loading the rules. */
const RULES_BY_DOCS: RuleMap = Object.fromEntries(Object.entries(RULE_DOCS).map(([name, docs]) => [name, { meta: { docs } }]));

/** The rules record of a shared config, the same as the plugin's `configs[name].rules`, without loading the rules. */
export function presetRules(name: 'recommended' | 'strict' | 'recommended-type-checked'): Linter.RulesRecord {
  if (name === 'strict') return strictRules(RULES_BY_DOCS, { typeChecked: false });
  return recommendedRules(RULES_BY_DOCS, { typeChecked: name === 'recommended-type-checked' });
}

/** Our rule ids in a rules record (`credential-hygiene/x` → `x`), with their severities. */
export function ruleSeverities(rules: Linter.RulesRecord): Map<string, 'error' | 'warn' | 'off'> {
  const result = new Map<string, 'error' | 'warn' | 'off'>();
  for (const [id, entry] of Object.entries(rules)) {
    if (!id.startsWith(`${NAMESPACE}/`) || entry === undefined) continue;
    const level = Array.isArray(entry) ? entry[0] : entry;
    const severity = level === 2 || level === 'error' ? 'error' : level === 1 || level === 'warn' ? 'warn' : 'off';
    result.set(id.slice(NAMESPACE.length + 1), severity);
  }
  return result;
}

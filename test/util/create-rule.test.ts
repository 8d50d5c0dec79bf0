import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';
import { createRule, DOCS_BASE_URL } from '../../src/util/create-rule.js';

interface Probe {
  readonly patterns: readonly string[];
  readonly fix: boolean;
  readonly nested: { readonly depth: number; readonly names: readonly string[] };
}

function probeRule(seen: unknown[]) {
  return createRule<[Probe], 'seen'>({
    name: 'probe',
    meta: {
      type: 'problem',
      docs: { description: 'Record the options a rule receives' },
      messages: { seen: 'Seen.' },
      schema: [{ type: 'object', additionalProperties: true }],
      defaultOptions: [{ patterns: ['**/*.test.ts'], fix: false, nested: { depth: 2, names: ['a'] } }],
    },
    create(_context, [options]) {
      seen.push(options);
      return {};
    },
  });
}

function lint(seen: unknown[], ruleConfig: Linter.RuleEntry, files = 2): void {
  const linter = new Linter({ configType: 'flat' });
  const config: Linter.Config[] = [{ plugins: { t: { rules: { probe: probeRule(seen) as never } } }, rules: { 't/probe': ruleConfig } }];
  for (let i = 0; i < files; i++) linter.verify(`const x${i} = 1;`, config, `file${i}.js`);
}

describe('createRule', () => {
  it('points docs.url at the rule page and keeps meta', () => {
    const rule = probeRule([]);
    expect(rule.name).toBe('probe');
    expect(rule.meta.docs?.url).toBe(`${DOCS_BASE_URL}/probe.md`);
    expect(rule.meta.defaultOptions).toEqual([{ patterns: ['**/*.test.ts'], fix: false, nested: { depth: 2, names: ['a'] } }]);
  });

  it('gives every file the same frozen defaults when nothing is configured', () => {
    const seen: unknown[] = [];
    lint(seen, 'error');
    expect(seen).toHaveLength(2);
    expect(seen[0]).toEqual({ patterns: ['**/*.test.ts'], fix: false, nested: { depth: 2, names: ['a'] } });
    expect(seen[1]).toBe(seen[0]);
    const options = seen[0] as Probe;
    expect(Object.isFrozen(options)).toBe(true);
    expect(Object.isFrozen(options.patterns)).toBe(true);
    expect(Object.isFrozen(options.nested.names)).toBe(true);
  });

  it('does not share the frozen defaults with meta.defaultOptions', () => {
    const seen: unknown[] = [];
    const rule = probeRule(seen);
    const linter = new Linter({ configType: 'flat' });
    linter.verify('x;', [{ plugins: { t: { rules: { probe: rule as never } } }, rules: { 't/probe': 'error' } }], 'a.js');
    expect(seen[0]).not.toBe(rule.meta.defaultOptions?.[0]);
    expect(Object.isFrozen(rule.meta.defaultOptions?.[0])).toBe(false);
  });

  it('merges configured options over the defaults, deeply, arrays replaced', () => {
    const seen: unknown[] = [];
    lint(seen, ['error', { fix: true, nested: { names: ['b', 'c'] } }]);
    expect(seen[0]).toEqual({ patterns: ['**/*.test.ts'], fix: true, nested: { depth: 2, names: ['b', 'c'] } });
    expect(seen[1]).toEqual(seen[0]);
  });

  it('resolves the defaults when a create() call gets no options at all (ESLint before defaultOptions support)', () => {
    const seen: unknown[] = [];
    const rule = probeRule(seen);
    rule.create({ options: [] } as never);
    expect(seen[0]).toEqual({ patterns: ['**/*.test.ts'], fix: false, nested: { depth: 2, names: ['a'] } });
    expect(Object.isFrozen(seen[0])).toBe(true);
  });

  it('merges configured options afresh for each file (they are not the cached defaults)', () => {
    const seen: unknown[] = [];
    lint(seen, ['error', { patterns: ['src/**'] }], 1);
    expect(seen[0]).toEqual({ patterns: ['src/**'], fix: false, nested: { depth: 2, names: ['a'] } });
    expect(Object.isFrozen(seen[0])).toBe(false);
  });
});

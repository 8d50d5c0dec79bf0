import { describe, expect, it } from 'vitest';
import { locateLiteral, parseSource } from '../../src/fix/apply/index.js';

const SECRET = ['Zq8vR2mK', '9xLpT4wN'].join('');

function locate(path: string, text: string, literal: string) {
  const start = text.indexOf(literal);
  const result = locateLiteral(parseSource(path, text), start, start + literal.length);
  if ('failure' in result) return result;
  return { value: result.value, replaced: text.slice(result.start, result.end), wrapped: result.wrap('LOOKUP'), existingEnvName: result.existingEnvName };
}

describe('locateLiteral', () => {
  it('reads string literals, plain templates and concatenations', () => {
    expect(locate('a.ts', `const s = '${SECRET}';`, `'${SECRET}'`)).toEqual({ value: SECRET, replaced: `'${SECRET}'`, wrapped: 'LOOKUP', existingEnvName: undefined });
    expect(locate('a.ts', `const s = \`${SECRET}\`;`, `\`${SECRET}\``)).toMatchObject({ value: SECRET });
    expect(locate('a.ts', `const s = 'Zq8vR2mK' + '9xLpT4wN';`, `'Zq8vR2mK' + '9xLpT4wN'`)).toMatchObject({ value: SECRET });
    expect(locate('a.ts', `const s = 'it\\'s';`, `'it\\'s'`)).toMatchObject({ value: "it's" });
  });

  it('replaces an `as const` and parentheses with the literal, since a call cannot be `as const`', () => {
    expect(locate('a.ts', `const s = ('${SECRET}') as const;`, `'${SECRET}'`)).toMatchObject({ replaced: `('${SECRET}') as const` });
    expect(locate('a.ts', `const s = '${SECRET}' satisfies string;`, `'${SECRET}'`)).toMatchObject({ replaced: `'${SECRET}'` });
  });

  it('replaces a whole env fallback and keeps the variable the code already reads', () => {
    expect(locate('a.js', `const k = process.env.ERP_API_KEY || '${SECRET}';`, `'${SECRET}'`)).toMatchObject({
      replaced: `process.env.ERP_API_KEY || '${SECRET}'`,
      existingEnvName: 'ERP_API_KEY',
    });
    expect(locate('a.ts', `const k = process.env['ERP_KEY'] ?? '${SECRET}';`, `'${SECRET}'`)).toMatchObject({ existingEnvName: 'ERP_KEY' });
    // A fallback to something other than process.env is only the literal.
    expect(locate('a.ts', `const k = options.key || '${SECRET}';`, `'${SECRET}'`)).toMatchObject({ replaced: `'${SECRET}'`, existingEnvName: undefined });
  });

  it('wraps a JSX attribute value in braces', () => {
    expect(locate('a.tsx', `const c = <Login secret="${SECRET}" />;`, `"${SECRET}"`)).toMatchObject({ wrapped: '{LOOKUP}' });
  });

  it('refuses places where an expression is not allowed', () => {
    expect(locate('a.ts', `enum Keys { Pos = '${SECRET}' }`, `'${SECRET}'`)).toMatchObject({ failure: 'not-replaceable' });
    expect(locate('a.ts', `type K = '${SECRET}';`, `'${SECRET}'`)).toMatchObject({ failure: 'not-replaceable' });
    expect(locate('a.ts', `const o = { '${SECRET}': 1 };`, `'${SECRET}'`)).toMatchObject({ failure: 'not-replaceable' });
  });

  it('reports a range that is not a literal (the file changed since the scan)', () => {
    expect(locate('a.ts', `const s = requireEnv('X');`, `requireEnv`)).toMatchObject({ failure: 'not-a-literal' });
    expect(locate('a.ts', `const s = '${SECRET}';`, SECRET)).toMatchObject({ failure: 'not-a-literal' });
  });
});

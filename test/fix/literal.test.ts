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
  });

  it('takes the value without its quotes (a known token format) as the literal', () => {
    expect(locate('a.ts', `const s = '${SECRET}';`, SECRET)).toMatchObject({ value: SECRET, replaced: `'${SECRET}'` });
    expect(locate('a.js', `const k = process.env.SENDGRID_API_KEY ?? '${SECRET}';`, SECRET)).toMatchObject({ existingEnvName: 'SENDGRID_API_KEY' });
  });

  it('moves a URL with a password in it whole, with its scheme', () => {
    const pg = `postgres://pos_app:${SECRET}@db.internal.example:5432/pos`;
    const located = locateLiteral(parseSource('db.ts', `new Pool({ connectionString: '${pg}' });`), 0, 0);
    expect(located).toMatchObject({ failure: 'not-a-literal' });
    const text = `new Pool({ connectionString: '${pg}' });`;
    const start = text.indexOf(SECRET);
    expect(locateLiteral(parseSource('db.ts', text), start, start + SECRET.length)).toMatchObject({ value: pg, urlScheme: 'postgres', start: text.indexOf(`'`) });
    const mongo = `mongodb+srv://etl:${SECRET}@cluster0.example.net/pos`;
    expect(locate('a.ts', `await mongoose.connect('${mongo}');`, SECRET)).toMatchObject({ value: mongo, replaced: `'${mongo}'` });
    const https = `https://svc-sync:${SECRET}@legacy-erp.example/api`;
    expect(locate('a.ts', `axios.create({ baseURL: '${https}' });`, SECRET)).toMatchObject({ value: https });
  });

  it('says what a longer string holding a secret is, never that the file changed', () => {
    const bearer = locate('a.ts', `const h = { Authorization: 'Bearer ${SECRET}' };`, SECRET);
    expect(bearer).toMatchObject({ failure: 'not-replaceable' });
    expect((bearer as { message: string }).message).toContain('a `Bearer …` header value');
    const pair = locate('a.ts', `const h = btoa('pos-sync:${SECRET}');`, SECRET) as { message: string };
    expect(pair.message).toContain('a `user:password` pair');
    const template = locate('a.ts', `const u = \`https://api.example.com/v1?key=${SECRET}&q=\${q}\`;`, SECRET) as { message: string };
    expect(template.message).toContain('inside a template string with substitutions, a URL');
    // A token in a URL's query is no user-info password: the URL does not move.
    const query = locate('a.ts', `const u = 'https://api.example.com/v1?key=${SECRET}';`, SECRET) as { message: string };
    expect(query.message).toContain('part of a longer string, a URL');
    const comment = locate('a.ts', `// token: ${SECRET}\nconst a = 1;`, SECRET) as { message: string };
    expect(comment.message).toBe('The secret is in a comment: delete it by hand.');
    for (const result of [bearer, pair, template, query, comment]) expect(JSON.stringify(result)).not.toContain(SECRET);
    for (const result of [bearer, pair, template, query, comment]) expect(JSON.stringify(result)).not.toContain('changed since the scan');
  });
});

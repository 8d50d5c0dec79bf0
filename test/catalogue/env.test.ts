import { parse } from '@typescript-eslint/parser';
import { simpleTraverse, type TSESTree } from '@typescript-eslint/typescript-estree';
import { describe, expect, it } from 'vitest';
import { formatEnvRead, getEnvObjectSource, getEnvRead } from '../../src/catalogue/env.js';

/** Wrapper nodes answer for what they wrap; the traversal below reports each read once. */
const WRAPPERS = new Set(['TSNonNullExpression', 'TSAsExpression', 'ChainExpression']);

/** Parses `code` and returns every env read found, in source order. */
function reads(code: string): unknown[] {
  const ast = parse(code, { range: true, loc: true, sourceType: 'module' }) as TSESTree.Program;
  const found: unknown[] = [];
  simpleTraverse(ast, {
    enter(node) {
      if (WRAPPERS.has(node.type)) return;
      const read = getEnvRead(node as TSESTree.Node);
      if (read) found.push(read);
    },
  }, true);
  return found;
}

describe('getEnvRead', () => {
  it('reads process.env by dot and by bracket', () => {
    expect(reads("const a = process.env.KENSIUM_CLIENT_SECRET; const b = process.env['ACU-SECRET'];")).toEqual([
      { name: 'KENSIUM_CLIENT_SECRET', source: 'process.env' },
      { name: 'ACU-SECRET', source: 'process.env' },
    ]);
  });

  it('reads import.meta.env, Bun.env, Deno.env.get and globalThis.process.env', () => {
    expect(reads("import.meta.env.VITE_URL; Bun.env.API_KEY; Deno.env.get('DB_PASSWORD'); globalThis.process.env.TOKEN;")).toEqual([
      { name: 'VITE_URL', source: 'import.meta.env' },
      { name: 'API_KEY', source: 'Bun.env' },
      { name: 'DB_PASSWORD', source: 'Deno.env' },
      { name: 'TOKEN', source: 'process.env' },
    ]);
  });

  it('sees through non-null assertions, casts and optional chains', () => {
    expect(reads('const a = process.env.A!; const b = process.env.B as string; const c = process?.env?.C;')).toEqual([
      { name: 'A', source: 'process.env' },
      { name: 'B', source: 'process.env' },
      { name: 'C', source: 'process.env' },
    ]);
  });

  it('answers for the wrapper node as for the read it wraps', () => {
    const ast = parse('process.env.A!;', {});
    const statement = ast.body[0];
    expect(statement?.type === 'ExpressionStatement' && getEnvRead(statement.expression)).toEqual({ name: 'A', source: 'process.env' });
  });

  it('reads destructuring from env objects, with and without defaults', () => {
    expect(reads("const { CLIENT_ID, CLIENT_SECRET = 'x', 'API-KEY': apiKey } = process.env; ({ TOKEN } = import.meta.env);")).toEqual([
      { name: 'CLIENT_ID', source: 'process.env' },
      { name: 'CLIENT_SECRET', source: 'process.env' },
      { name: 'API-KEY', source: 'process.env' },
      { name: 'TOKEN', source: 'import.meta.env' },
    ]);
  });

  it('ignores other objects, computed names and dynamic Deno names', () => {
    expect(reads("config.env.SECRET; process.env[name]; Deno.env.get(name); const { a } = config; process.env; env.SECRET; process.argv[2];")).toEqual([]);
  });

  it('names the env object itself', () => {
    const ast = parse('process.env; import.meta.env; Bun.env; process.argv;', { sourceType: 'module' });
    const sources = ast.body.map((statement) => (statement.type === 'ExpressionStatement' ? getEnvObjectSource(statement.expression) : undefined));
    expect(sources).toEqual(['process.env', 'import.meta.env', 'Bun.env', undefined]);
  });
});

describe('formatEnvRead', () => {
  it('prints the read as source text', () => {
    expect(formatEnvRead({ name: 'X', source: 'process.env' })).toBe('process.env.X');
    expect(formatEnvRead({ name: 'A-B', source: 'import.meta.env' })).toBe("import.meta.env['A-B']");
    expect(formatEnvRead({ name: 'X', source: 'Deno.env' })).toBe("Deno.env.get('X')");
  });
});

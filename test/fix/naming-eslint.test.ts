import { parse } from '@typescript-eslint/parser';
import { describe, expect, it } from 'vitest';
import { envNamesUsedIn, isClientSideSource, requireEnvHelperSource } from '../../src/fix/index.js';

const program = (code: string) => parse(code, { jsx: true, range: true, loc: true });

describe('envNamesUsedIn', () => {
  it('collects process.env reads in every spelling, and requireEnv calls', () => {
    const names = envNamesUsedIn("const a = process.env.KENSIUM_CLIENT_ID;\nconst b = process.env['ACUMATICA_PASSWORD'];\nconst c = requireEnv('KENSIUM_CLIENT_SECRET');");
    expect([...names].sort()).toEqual(['ACUMATICA_PASSWORD', 'KENSIUM_CLIENT_ID', 'KENSIUM_CLIENT_SECRET']);
  });

  it('finds nothing in a file without env reads', () => {
    expect(envNamesUsedIn('const env = { x: 1 };').size).toBe(0);
  });
});

describe('isClientSideSource', () => {
  it.each([
    "'use client';\nexport const x = 1;",
    "import { createRoot } from 'react-dom/client';",
    "import { PublicClientApplication } from '@azure/msal-browser';",
    "import 'client-only';",
  ])('takes %j for client-side code', (code) => {
    expect(isClientSideSource(program(code))).toBe(true);
  });

  it.each([
    "'use server';\nexport const x = 1;",
    "import { ConfidentialClientApplication } from '@azure/msal-node';",
    "const s = 'use client';",
    "import 'server-only';\n'use client';",
  ])('takes %j for server or neutral code', (code) => {
    expect(isClientSideSource(program(code))).toBe(false);
  });
});

describe('requireEnvHelperSource', () => {
  it('writes a helper that throws on a missing variable and returns string', () => {
    const source = requireEnvHelperSource('mustEnv');
    expect(source).toContain('export function mustEnv(name: string): string {');
    expect(source).toContain('throw new Error');
  });
});

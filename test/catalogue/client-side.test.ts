import { describe, expect, it } from 'vitest';
import { classifyModuleSide, getPublicEnvPrefix, isPublicSecretEnvName, isServerPath } from '../../src/catalogue/client-side.js';

describe('public env prefixes', () => {
  it('finds the framework prefix', () => {
    expect(getPublicEnvPrefix('NEXT_PUBLIC_API_URL')?.framework).toBe('Next.js');
    expect(getPublicEnvPrefix('EXPO_PUBLIC_KEY')?.framework).toBe('Expo');
    expect(getPublicEnvPrefix('PUBLIC_SUPABASE_URL')?.framework).toBe('SvelteKit / Astro');
    expect(getPublicEnvPrefix('VITE_')).toBeUndefined();
    expect(getPublicEnvPrefix('KENSIUM_CLIENT_SECRET')).toBeUndefined();
  });

  it('flags secret names behind a public prefix, not client ids or URLs', () => {
    expect(isPublicSecretEnvName('NEXT_PUBLIC_CLIENT_SECRET')).toMatchObject({ kind: 'client-secret', prefix: { prefix: 'NEXT_PUBLIC_' } });
    expect(isPublicSecretEnvName('VITE_API_SECRET')).toMatchObject({ prefix: { framework: 'Vite' } });
    expect(isPublicSecretEnvName('REACT_APP_ACCESS_TOKEN')).toMatchObject({ kind: 'token' });
    expect(isPublicSecretEnvName('NEXT_PUBLIC_CLIENT_ID')).toBeUndefined();
    expect(isPublicSecretEnvName('VITE_TOKEN_URL')).toBeUndefined();
    expect(isPublicSecretEnvName('CLIENT_SECRET')).toBeUndefined();
  });
});

describe('classifyModuleSide', () => {
  const none = { directives: [], importedModules: [] };

  it('lets server signals win over client signals', () => {
    expect(classifyModuleSide({ ...none, filePath: 'app/api/token/route.ts', directives: ['use client'] }).side).toBe('server');
    expect(classifyModuleSide({ ...none, filePath: 'src/lib/pos.ts', importedModules: ['server-only'], browserGlobals: ['window'] }).side).toBe('server');
    expect(classifyModuleSide({ ...none, filePath: 'src/routes/+page.server.ts' }).side).toBe('server');
    expect(classifyModuleSide({ ...none, filePath: 'pages/api/sync.js' }).side).toBe('server');
    expect(classifyModuleSide({ ...none, filePath: 'src/actions.ts', directives: ['use server'] }).reason).toBe("the file starts with 'use server'");
  });

  it('recognises strong and medium client signals', () => {
    expect(classifyModuleSide({ ...none, filePath: 'components/Login.tsx', directives: ['use client'] })).toEqual({
      side: 'client',
      strength: 'strong',
      reason: "the file starts with 'use client'",
    });
    expect(classifyModuleSide({ ...none, filePath: 'src/auth.ts', importedModules: ['@azure/msal-browser'] }).side).toBe('client');
    expect(classifyModuleSide({ ...none, filePath: 'src/auth.ts', importedModules: ['expo-auth-session'] }).side).toBe('client');
    expect(classifyModuleSide({ ...none, filePath: '/repo/src/client/pos.ts' }).strength).toBe('strong');
    expect(classifyModuleSide({ ...none, filePath: 'pages/orders/[id].tsx' }).side).toBe('client');
    expect(classifyModuleSide({ ...none, filePath: 'app/orders/page.tsx' }).side).toBe('unknown');
    expect(classifyModuleSide({ ...none, filePath: 'src/PosSync.tsx', clientHooks: ['useState'] })).toEqual({
      side: 'client',
      strength: 'strong',
      reason: 'the file uses the client-only React hook `useState`',
    });
    expect(classifyModuleSide({ ...none, filePath: 'src/pos.ts', browserGlobals: ['localStorage'] })).toMatchObject({ side: 'client', strength: 'medium' });
    expect(classifyModuleSide({ ...none, filePath: 'src/pos.ts', publicEnvReads: ['VITE_API_URL'] })).toMatchObject({ side: 'client', strength: 'medium' });
  });

  it('takes client and server globs from options', () => {
    expect(classifyModuleSide({ ...none, filePath: 'web/pos.ts' }, { clientFiles: ['web/**'] }).side).toBe('client');
    expect(classifyModuleSide({ ...none, filePath: 'src/client/pos.ts' }, { clientFiles: [] }).side).toBe('unknown');
    expect(classifyModuleSide({ ...none, filePath: 'web/pos.ts', directives: ['use client'] }, { serverFiles: ['web/**'] }).side).toBe('server');
  });

  it('calls a server path server code whatever the file says (isServerPath)', () => {
    const clientish = { directives: ['use client'], importedModules: ['@azure/msal-browser', 'react-dom/client'], clientHooks: ['useState'], browserGlobals: ['window'], publicEnvReads: ['NEXT_PUBLIC_API'] };
    for (const filePath of ['src/server/token.ts', 'app/api/sync/route.ts', 'pages/api/login.js', 'src/routes/+page.server.ts', 'next/dist/esm/server/base-server.js']) {
      expect(isServerPath(filePath), filePath).toBe(true);
      expect(classifyModuleSide({ ...clientish, filePath }).side, filePath).toBe('server');
    }
    expect(isServerPath('web/pos.ts', { serverFiles: ['web/**'] })).toBe(true);
    expect(classifyModuleSide({ ...clientish, filePath: 'web/pos.ts' }, { serverFiles: ['web/**'] }).side).toBe('server');
    // Not by path alone: these are decided by what the file holds.
    for (const filePath of ['src/client/pos.ts', 'src/lib/pos.ts', 'app/orders/page.tsx', 'src/serverless.ts']) {
      expect(isServerPath(filePath), filePath).toBe(false);
      expect(classifyModuleSide({ ...clientish, filePath }).side, filePath).toBe('client');
    }
  });

  it('stays unknown without signals', () => {
    expect(classifyModuleSide({ ...none, filePath: 'src/erp/acumatica.ts', importedModules: ['axios'] }).side).toBe('unknown');
  });
});

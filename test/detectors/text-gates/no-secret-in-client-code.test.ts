import { describe, expect, it } from 'vitest';
import { PUBLIC_ENV_PREFIXES, CLIENT_MODULES } from '../../../src/catalogue/client-side.js';
import { mayReport } from '../../../src/detectors/text-gates/no-secret-in-client-code.js';

const CLIENT = { filename: '/repo/src/components/Sync.tsx' };

describe('no-secret-in-client-code text gate', () => {
  it.each([
    ['a public secret env read, wherever it is', 'const s = process.env.NEXT_PUBLIC_KENSIUM_CLIENT_SECRET;', { filename: '/repo/server/x.ts' }],
    ['a public secret in brackets', "const s = import.meta.env['VITE_api-secret'];", { filename: '/repo/lib/x.ts' }],
    ['a public secret imported from SvelteKit', "import { PUBLIC_ERP_PASSWORD } from '$env/static/public';", { filename: '/repo/src/erp.ts' }],
    ['a public secret destructured', 'const { VITE_API_SECRET } = import.meta.env;', { filename: '/repo/src/erp.ts' }],
    ['a secret env read in a use-client file', "'use client';\nconst s = process.env.KENSIUM_CLIENT_SECRET;", CLIENT],
    ['a secret env read through a type wrapper', "'use client';\nconst s = (process.env as Env).ERP_PASSWORD;", CLIENT],
    ['a secret env read in brackets, with a browser global', "const s = process['env']['API_TOKEN'];\nwindow.addEventListener('load', go);", CLIENT],
    ['a Deno env read', "const s = Deno.env.get('ERP_PASSWORD');\ndocument.title = 'x';", CLIENT],
    ['a destructured secret env read', "import { useState } from 'react';\nconst {\n  API_URL,\n  ERP_CLIENT_SECRET,\n} = process.env;", CLIENT],
    ['a client secret property', "import { PublicClientApplication } from '@azure/msal-browser';\nconst body = { client_id: id, client_secret: secret };", CLIENT],
    ['a quoted client secret key', "localStorage.clear();\nconst body = { 'client-secret': 'x' };", CLIENT],
    ['a shorthand client secret', "'use client';\nsend({ clientId, clientSecret });", CLIENT],
    ['a client secret under a client glob', "export const cfg = { clientSecret: 'abc' };", { filename: '/repo/src/client/pos.ts' }],
    ['a client secret under a configured glob', 'export const cfg = { clientSecret: value };', { filename: 'web/erp.ts', options: { clientFiles: ['web/**'] } }],
    ['the client-credentials grant', "'use client';\nconst p = { grant_type: 'client_credentials' };", CLIENT],
    ['the grant in a form body', 'fetch(u, { body: `grant_type=client_credentials&scope=${s}` });', { filename: '/repo/src/client/pos.ts' }],
    ['a Gatsby public secret', 'const s = process.env.GATSBY_ERP_CLIENT_SECRET;', { filename: '/repo/server/x.ts' }],
    ['a secret env read in double-quoted brackets', 'const s = process["env"].ERP_PASSWORD;\ndocument.title = "x";', CLIENT],
    ['a secret env read in template brackets', 'const s = process[`env`].ERP_PASSWORD;\ndocument.title = "x";', CLIENT],
    ['next.config env', 'module.exports = { env: { ERP_SECRET: process.env.ERP_SECRET } };', { filename: '/repo/next.config.js' }],
    ['any shape without a file name (a client glob may match)', 'const body = { clientSecret: value };', {}],
  ])('lets through %s', (_label, text, context) => {
    expect(mayReport(text, context)).toBe(true);
  });

  it.each([
    ['bundle text that mentions env, tokens and secrets', "if (process.env.NODE_ENV !== 'production') warn('token');\nconst tokenizer = lexer.next(); window.x = secretKey;", CLIENT],
    ['a secret env read in a server route', "'use client';\nconst s = process.env.KENSIUM_CLIENT_SECRET;", { filename: '/repo/app/api/pos/route.ts' }],
    ['a secret env read in a test file', "'use client';\nconst s = process.env.KENSIUM_CLIENT_SECRET;", { filename: '/repo/src/Sync.test.tsx' }],
    ['a secret env read without any client signal', 'export const s = process.env.KENSIUM_CLIENT_SECRET;', { filename: '/repo/lib/erp.ts' }],
    ['medium signals when checkBrowserGlobals is off', "const s = process.env.API_SECRET;\nwindow.addEventListener('load', go);", { filename: '/repo/src/widget.ts', options: { checkBrowserGlobals: false } }],
    ['a public, non-secret env read', 'const id = process.env.NEXT_PUBLIC_CLIENT_ID; const u = import.meta.env.VITE_TOKEN_URL;', CLIENT],
    ['a client secret type member', "'use client';\ninterface Options { clientSecret: string; client_secret?: string }", CLIENT],
    ['a client secret member read and empty values', "'use client';\nconst s = options.clientSecret;\nconst a = { clientSecret: undefined, client_secret: '' };", CLIENT],
    ['a grant type compared', "'use client';\nif (grant === 'client_credentials') warn();\nswitch (g) { case 'client_credentials': break; }", CLIENT],
    ['a public prefix inside a longer name', 'const s = process.env.MY_VITE_SECRET_NAME_URL;', CLIENT],
  ])('stops %s', (_label, text, context) => {
    expect(mayReport(text, context)).toBe(false);
  });

  it('lets through every public prefix in front of a secret name', () => {
    for (const { prefix } of PUBLIC_ENV_PREFIXES) {
      expect(mayReport(`const s = process.env.${prefix}ERP_CLIENT_SECRET;`, { filename: '/repo/server/x.ts' }), prefix).toBe(true);
      expect(mayReport(`const s = process.env.${prefix}ERP_CLIENT_ID;`, { filename: '/repo/server/x.ts' }), prefix).toBe(false);
    }
  });

  it('takes every client module of the catalogue as a client signal', () => {
    for (const module of CLIENT_MODULES) {
      const specifier = module.replace(/\*$/u, 'router');
      expect(mayReport(`import x from '${specifier}';\nconst body = { clientSecret: settings.secret };`, { filename: '/repo/lib/auth.ts' }), module).toBe(true);
    }
    expect(mayReport("import x from 'lodash';\nconst body = { clientSecret: settings.secret };", { filename: '/repo/lib/auth.ts' })).toBe(false);
  });
});

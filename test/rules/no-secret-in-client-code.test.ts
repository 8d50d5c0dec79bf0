import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';
import rule from '../../rules/no-secret-in-client-code.js';
import { createRuleTester } from '../rule-tester.js';

const ruleTester = createRuleTester();

const USE_CLIENT_REASON = "the file starts with 'use client'";
const JSX = { parserOptions: { ecmaFeatures: { jsx: true } } };
/** A credential-shaped literal, assembled so this file holds none. */
const LITERAL_SECRET = "'Zq8vN2' + 'pL5tR9' + 'wX3mK7' + 'bH4cJ6'";
/** The settings form of an integration: the user types the client secret, the page POSTs it to its own API. */
const CONNECT_FORM = `'use client';
import { useState } from 'react';

export function ConnectErpForm() {
  const [form, setForm] = useState({ grantType: 'client_credentials', clientId: '', clientSecret: '' });
  const save = () => fetch('/api/integrations/erp', { method: 'POST', body: JSON.stringify(form) });
  return (
    <form onSubmit={save}>
      <input value={form.clientId} onChange={(e) => setForm({ ...form, clientId: e.target.value })} />
      <input type="password" value={form.clientSecret} onChange={(e) => setForm({ ...form, clientSecret: e.target.value })} />
    </form>
  );
}`;

ruleTester.run('no-secret-in-client-code', rule, {
  valid: [
    // Server code: API routes, route handlers, `server-only`, `'use server'`, *.server.ts.
    { code: "const secret = process.env.KENSIUM_CLIENT_SECRET;\nconst body = { grant_type: 'client_credentials', client_secret: secret };", filename: 'app/api/pos/token/route.ts' },
    { code: "const body = { grant_type: 'client_credentials', client_secret: process.env.KENSIUM_CLIENT_SECRET };", filename: 'pages/api/sync.ts' },
    { code: "import 'server-only';\nexport const secret = process.env.ACUMATICA_CLIENT_SECRET;", filename: 'lib/erp.ts' },
    { code: "'use server';\nexport async function sync() { return process.env.KENSIUM_CLIENT_SECRET; }", filename: 'app/actions.ts' },
    { code: "export const load = () => ({ secret: process.env.KENSIUM_CLIENT_SECRET });", filename: 'src/routes/+page.server.ts' },
    // A server component (no 'use client') in the App Router reads the secret on the server.
    { code: 'export default async function Orders() { const s = process.env.KENSIUM_CLIENT_SECRET; return null; }', filename: 'app/orders/list.tsx' },
    // Client code that only uses public values and a user token flow.
    { code: "'use client';\nconst clientId = process.env.NEXT_PUBLIC_KENSIUM_CLIENT_ID;\nconst apiUrl = process.env.NEXT_PUBLIC_API_URL;", filename: 'components/Login.tsx' },
    { code: "'use client';\nconst params = { grant_type: 'authorization_code', code_verifier: verifier };", filename: 'components/Callback.tsx' },
    // Reading a grant type is not requesting one.
    { code: "'use client';\nif (grantType === 'client_credentials') showWarning();\ntype Grant = 'client_credentials' | 'authorization_code';", filename: 'components/Admin.tsx' },
    // `clientSecret: undefined` sets nothing.
    { code: "import { UserManager } from 'oidc-client-ts';\nnew UserManager({ authority, client_id: 'pos-web', client_secret: undefined });", filename: 'src/auth.ts' },
    // getServerSideProps runs on the server even in a page file.
    { code: "export async function getServerSideProps() { return { props: { ok: await sync(process.env.KENSIUM_CLIENT_SECRET) } }; }\nexport default function Page() { return null; }", filename: 'pages/orders.tsx' },
    // Forwarding a configured secret needs a strong client signal: isomorphic OAuth libraries do it for server users.
    { code: "window.addEventListener('message', onMessage);\nconst body = { client_id: this.settings.client_id, client_secret: this.settings.client_secret };", filename: 'src/oidc/token-client.js' },
    { code: "const basic = window.btoa(id + ':' + secret);\nconst params = { grant_type: 'client_credentials', client_secret: options.clientSecret };", filename: 'lib/oauth.js' },
    // Server components may import `cache` or `use` from react.
    { code: "import { cache } from 'react';\nexport const getSecret = cache(() => process.env.ERP_CLIENT_SECRET);", filename: 'src/lib/erp.tsx' },
    // Vite `define` with public values, and a server-side `define` elsewhere.
    {
      code: "export default { define: { __APP_VERSION__: JSON.stringify(process.env.npm_package_version), __MAPS_KEY__: JSON.stringify(process.env.GOOGLE_MAPS_API_KEY), __POS_CLIENT_ID__: JSON.stringify(process.env.POS_CLIENT_ID) } };",
      filename: 'vite.config.ts',
    },
    { code: "export const build = { define: { __ERP_SECRET__: JSON.stringify(process.env.ERP_CLIENT_SECRET) } };", filename: 'scripts/esbuild-server.ts' },
    // next.config `env` with public values; `env` objects elsewhere are not inlined.
    { code: "module.exports = { env: { KENSIUM_TOKEN_URL: 'https://pos.example.com/connect/token', KENSIUM_CLIENT_ID: 'pos-web' } };", filename: 'next.config.js' },
    { code: 'const job = { env: { KENSIUM_CLIENT_SECRET: process.env.KENSIUM_CLIENT_SECRET } };', filename: 'scripts/deploy.ts' },
    // Tests run in jsdom but never ship; writing the environment reads nothing.
    { code: "'use client';\nprocess.env.KENSIUM_CLIENT_SECRET = 'test';\nrender(<Sync secret={process.env.KENSIUM_CLIENT_SECRET} />);", filename: 'components/__tests__/Sync.test.tsx', languageOptions: { parserOptions: { ecmaFeatures: { jsx: true } } } },
    { code: "window.localStorage.clear();\nprocess.env.ERP_CLIENT_SECRET = 'x';\ndelete process.env.ERP_PASSWORD;", filename: 'src/setup.ts' },
    // Browser globals make a file client code only while the option is on.
    { code: "const s = process.env.API_SECRET;\nwindow.addEventListener('load', start);", filename: 'src/widget.ts', options: [{ checkBrowserGlobals: false }] },
    // `typeof window` probes are how isomorphic code stays on the server path.
    { code: "if (typeof window === 'undefined') { client.secret = process.env.API_SECRET; }", filename: 'src/shared/config.ts' },
    // A public client id or URL with a public prefix.
    "const id = import.meta.env.VITE_OIDC_CLIENT_ID; const url = import.meta.env.VITE_TOKEN_URL;",
    "import { PUBLIC_API_URL } from '$env/static/public';",
    // Browser keys that are public by design (PUBLIC_BY_DESIGN_KEYS): the vendor serves them to every visitor.
    {
      code: [
        "'use client';",
        'export const cfg = {',
        '  firebase: { apiKey: process.env.NEXT_PUBLIC_FIREBASE_API_KEY, authDomain: process.env.NEXT_PUBLIC_FIREBASE_AUTH_DOMAIN },',
        '  maps: process.env.NEXT_PUBLIC_GOOGLE_MAPS_API_KEY,',
        '  mapbox: import.meta.env.VITE_MAPBOX_ACCESS_TOKEN,',
        '  mapboxToken: process.env.NEXT_PUBLIC_MAPBOX_TOKEN,',
        '  algolia: process.env.NEXT_PUBLIC_ALGOLIA_SEARCH_API_KEY,',
        '  amplitude: process.env.REACT_APP_AMPLITUDE_API_KEY,',
        '  posthog: process.env.NEXT_PUBLIC_POSTHOG_API_KEY,',
        '  mixpanel: process.env.NEXT_PUBLIC_MIXPANEL_TOKEN,',
        '  datadog: import.meta.env.VITE_DATADOG_CLIENT_TOKEN,',
        '  rollbar: process.env.NEXT_PUBLIC_ROLLBAR_CLIENT_TOKEN,',
        '  storyblok: process.env.NEXT_PUBLIC_STORYBLOK_PUBLIC_TOKEN,',
        '  supabase: process.env.NEXT_PUBLIC_SUPABASE_ANON_KEY,',
        '  stripe: process.env.NEXT_PUBLIC_STRIPE_PUBLISHABLE_KEY,',
        '  segment: process.env.NEXT_PUBLIC_SEGMENT_WRITE_KEY,',
        '  recaptcha: process.env.NEXT_PUBLIC_RECAPTCHA_SITE_KEY,',
        '};',
      ].join('\n'),
      filename: 'components/Providers.tsx',
    },
    "import { PUBLIC_FIREBASE_API_KEY, PUBLIC_MAPBOX_TOKEN } from '$env/static/public';",
    // Without a public prefix too (webpack DefinePlugin, Expo `extra`): still public by design.
    { code: "'use client';\nconst maps = process.env.GOOGLE_MAPS_API_KEY;\nconst { FIREBASE_API_KEY } = process.env;", filename: 'components/Map.tsx' },
    // An integration settings form: what the user types is not in the bundle.
    { code: CONNECT_FORM, filename: 'src/components/ConnectErpForm.tsx', languageOptions: JSX },
    {
      code: [
        "'use client';",
        "import { useForm } from 'react-hook-form';",
        "import { z } from 'zod';",
        "const schema = z.object({ clientId: z.string().min(1), clientSecret: z.string().min(1) });",
        "const fields = [{ name: 'clientSecret', label: 'Client secret', type: 'password' }];",
        "const labels = { clientId: 'Client ID', clientSecret: t('integrations.erp.clientSecret') };",
        "const types = { clientId: 'text', client_secret: 'password' };",
        "const placeholders = { clientSecret: 'YOUR_CLIENT_SECRET' };",
        'export function Connect() {',
        "  const { register, handleSubmit, getValues } = useForm({ defaultValues: { grant_type: 'client_credentials', clientSecret: '' } });",
        "  const onSubmit = handleSubmit((values) => fetch('/api/erp/connect', { method: 'POST', body: JSON.stringify({ client_id: values.clientId, client_secret: values.clientSecret }) }));",
        "  const test = () => post('/api/erp/test', { clientSecret: getValues('clientSecret') });",
        '  return (',
        '    <form onSubmit={onSubmit}>',
        "      <select {...register('grantType')}><option value=\"client_credentials\">Client credentials</option></select>",
        "      <input type=\"password\" {...register('clientSecret')} />",
        '      <input name="client_secret" autoComplete="off" />',
        '    </form>',
        '  );',
        '}',
      ].join('\n'),
      filename: 'app/settings/erp/ConnectForm.tsx',
      languageOptions: JSX,
    },
    {
      code: [
        "'use client';",
        'export async function connect(event) {',
        '  const data = new FormData(event.currentTarget);',
        "  await fetch('/api/erp', { method: 'POST', body: JSON.stringify({ client_secret: data.get('client_secret'), secret: event.currentTarget.elements.clientSecret.value }) });",
        "  await fetch('/api/erp', { method: 'POST', body: JSON.stringify({ clientSecret: secretRef.current.value }) });",
        '}',
        "const [clientSecret, setClientSecret] = useState('');",
        'const payload = { clientSecret };',
        "setCredentials({ clientSecret: clientSecret, grantType: 'client_credentials' });",
        "const [credentials, setCredentials] = useState({ client_secret: '' });",
      ].join('\n'),
      filename: 'src/components/ErpSettings.tsx',
    },
    // Client metadata (RFC 7591) or a description of a token: no request is sent.
    { code: "'use client';\nexport const ex = { tokenType: 'Bearer', grantType: 'client_credentials', tokenEndpointAuthMethod: 'client_secret_basic' };", filename: 'src/lookalikes.tsx' },
    { code: "'use client';\nexport const placeholders = { secret: 'REPLACE_ME', clientSecret: 'xxxxxxxxxxxxxxxx', client_secret: '<client-secret>' };", filename: 'src/lookalikes.tsx' },
  ],
  invalid: [
    {
      // Secret keys of vendors whose browser keys are public stay reported, and so do ambiguous names.
      code: [
        'const a = process.env.NEXT_PUBLIC_ALGOLIA_ADMIN_API_KEY;',
        'const b = process.env.NEXT_PUBLIC_MAPBOX_SECRET_TOKEN;',
        'const c = process.env.NEXT_PUBLIC_GOOGLE_CLIENT_SECRET;',
        'const d = process.env.NEXT_PUBLIC_STRIPE_SECRET_KEY;',
        'const e = process.env.NEXT_PUBLIC_ALGOLIA_API_KEY;',
        'const f = process.env.NEXT_PUBLIC_POSTHOG_PERSONAL_API_KEY;',
        'const g = import.meta.env.VITE_AZURE_MAPS_API_KEY;',
        'const h = process.env.NEXT_PUBLIC_OPENAI_API_KEY;',
        'const i = process.env.NEXT_PUBLIC_FIREBASE_PRIVATE_KEY;',
        'const j = process.env.NEXT_PUBLIC_ALGOLIA_ADMIN_KEY;',
        'const k = process.env.NEXT_PUBLIC_SUPABASE_SERVICE_ROLE_KEY;',
        'const l = import.meta.env.VITE_FIREBASE_SERVICE_ACCOUNT;',
      ].join('\n'),
      filename: 'lib/config.ts',
      errors: [
        { messageId: 'publicSecretEnv', line: 1, data: { env: 'process.env.NEXT_PUBLIC_ALGOLIA_ADMIN_API_KEY', kind: 'an API key', framework: 'Next.js', prefix: 'NEXT_PUBLIC_' } },
        { messageId: 'publicSecretEnv', line: 2, data: { env: 'process.env.NEXT_PUBLIC_MAPBOX_SECRET_TOKEN', kind: 'a token', framework: 'Next.js', prefix: 'NEXT_PUBLIC_' } },
        { messageId: 'publicSecretEnv', line: 3, data: { env: 'process.env.NEXT_PUBLIC_GOOGLE_CLIENT_SECRET', kind: 'a client secret', framework: 'Next.js', prefix: 'NEXT_PUBLIC_' } },
        { messageId: 'publicSecretEnv', line: 4 },
        { messageId: 'publicSecretEnv', line: 5 },
        { messageId: 'publicSecretEnv', line: 6 },
        { messageId: 'publicSecretEnv', line: 7 },
        { messageId: 'publicSecretEnv', line: 8 },
        { messageId: 'publicSecretEnv', line: 9, data: { env: 'process.env.NEXT_PUBLIC_FIREBASE_PRIVATE_KEY', kind: 'a private key', framework: 'Next.js', prefix: 'NEXT_PUBLIC_' } },
        { messageId: 'publicSecretEnv', line: 10, data: { env: 'process.env.NEXT_PUBLIC_ALGOLIA_ADMIN_KEY', kind: 'an API key', framework: 'Next.js', prefix: 'NEXT_PUBLIC_' } },
        { messageId: 'publicSecretEnv', line: 11, data: { env: 'process.env.NEXT_PUBLIC_SUPABASE_SERVICE_ROLE_KEY', kind: 'an API key', framework: 'Next.js', prefix: 'NEXT_PUBLIC_' } },
        { messageId: 'publicSecretEnv', line: 12, data: { env: 'import.meta.env.VITE_FIREBASE_SERVICE_ACCOUNT', kind: 'a private key', framework: 'Vite', prefix: 'VITE_' } },
      ],
    },
    {
      // A settings form that is filled from the bundle rather than by the user: the secret ships.
      code: [
        "'use client';",
        'export function ConnectErpForm() {',
        `  const [form, setForm] = useState({ clientId: 'pos-web', clientSecret: ${LITERAL_SECRET} });`,
        '  const [other] = useState({ clientSecret: process.env.ERP_CLIENT_SECRET });',
        "  const connect = () => fetch(tokenUrl, { method: 'POST', body: new URLSearchParams({ grant_type: 'client_credentials', client_id: form.clientId, client_secret: form.clientSecret }) });",
        '  return <button onClick={() => fetch(tokenUrl, { method: "POST", body: "grant_type=client_credentials" })}>Connect</button>;',
        '}',
      ].join('\n'),
      filename: 'src/components/ConnectErpForm.tsx',
      languageOptions: JSX,
      errors: [
        { messageId: 'clientSecretInClient', line: 3, data: { name: 'clientSecret', reason: USE_CLIENT_REASON } },
        { messageId: 'clientSecretInClient', line: 4, data: { name: 'clientSecret', reason: USE_CLIENT_REASON } },
        { messageId: 'secretEnvInClient', line: 4, data: { env: 'process.env.ERP_CLIENT_SECRET', kind: 'a client secret', reason: USE_CLIENT_REASON } },
        { messageId: 'clientCredentialsInClient', line: 5 },
        { messageId: 'clientCredentialsInClient', line: 6 },
      ],
    },
    {
      // A secret behind a public prefix is an error wherever it is read.
      code: 'const secret = process.env.NEXT_PUBLIC_KENSIUM_CLIENT_SECRET;',
      filename: 'lib/pos.ts',
      errors: [
        {
          messageId: 'publicSecretEnv',
          line: 1,
          column: 16,
          endLine: 1,
          endColumn: 61,
          data: { env: 'process.env.NEXT_PUBLIC_KENSIUM_CLIENT_SECRET', kind: 'a client secret', framework: 'Next.js', prefix: 'NEXT_PUBLIC_' },
        },
      ],
    },
    {
      code: "const { VITE_API_SECRET } = import.meta.env;\nimport { PUBLIC_ERP_PASSWORD } from '$env/static/public';",
      filename: 'src/erp.ts',
      errors: [
        {
          messageId: 'publicSecretEnv',
          line: 1,
          column: 9,
          endLine: 1,
          endColumn: 24,
          data: { env: 'import.meta.env.VITE_API_SECRET', kind: 'a secret', framework: 'Vite', prefix: 'VITE_' },
        },
        {
          messageId: 'publicSecretEnv',
          line: 2,
          column: 10,
          endLine: 2,
          endColumn: 29,
          data: { env: "PUBLIC_ERP_PASSWORD from '$env/static/public'", kind: 'a password', framework: 'SvelteKit / Astro', prefix: 'PUBLIC_' },
        },
      ],
    },
    {
      code: "'use client';\nconst secret = process.env.KENSIUM_CLIENT_SECRET;",
      filename: 'components/PosSync.tsx',
      errors: [
        {
          messageId: 'secretEnvInClient',
          line: 2,
          column: 16,
          endLine: 2,
          endColumn: 49,
          data: { env: 'process.env.KENSIUM_CLIENT_SECRET', kind: 'a client secret', reason: USE_CLIENT_REASON },
        },
      ],
    },
    {
      // The client-credentials grant and a client secret in an SPA that imports a browser SDK.
      code: "import { PublicClientApplication } from '@azure/msal-browser';\nconst body = new URLSearchParams({ grant_type: 'client_credentials', client_id: id, client_secret: secret });",
      filename: 'src/erp-client.ts',
      errors: [
        {
          messageId: 'clientCredentialsInClient',
          line: 2,
          column: 48,
          endLine: 2,
          endColumn: 68,
          data: { reason: "the file imports '@azure/msal-browser'" },
        },
        {
          messageId: 'clientSecretInClient',
          line: 2,
          column: 85,
          endLine: 2,
          endColumn: 98,
          data: { name: 'client_secret', reason: "the file imports '@azure/msal-browser'" },
        },
      ],
    },
    {
      // A form-encoded body in a template, in a file under the client glob.
      code: 'await fetch(tokenUrl, { method: "POST", body: `grant_type=client_credentials&scope=${scope}` });',
      filename: '/repo/src/client/pos.ts',
      errors: [
        {
          messageId: 'clientCredentialsInClient',
          line: 1,
          column: 47,
          endLine: 1,
          endColumn: 93,
          data: { reason: 'the file matches a client-code glob' },
        },
      ],
    },
    {
      // A medium signal: the file touches `localStorage`.
      code: "const config = { clientId: 'pos-web', clientSecret: 'pos-web-secret' };\nlocalStorage.setItem('cfg', JSON.stringify(config));",
      filename: 'src/widget.ts',
      errors: [
        {
          messageId: 'clientSecretInClient',
          line: 1,
          column: 39,
          endLine: 1,
          endColumn: 51,
          data: { name: 'clientSecret', reason: 'the file uses the browser global `localStorage`' },
        },
      ],
    },
    {
      // A medium signal is enough for a secret env read.
      code: "const s = process.env.API_SECRET;\nwindow.addEventListener('load', start);",
      filename: 'src/widget.ts',
      errors: [
        {
          messageId: 'secretEnvInClient',
          line: 1,
          column: 11,
          endLine: 1,
          endColumn: 33,
          data: { env: 'process.env.API_SECRET', kind: 'a secret', reason: 'the file uses the browser global `window`' },
        },
      ],
    },
    {
      // With a strong signal, forwarding counts too.
      code: "'use client';\nconst body = { client_id: settings.client_id, client_secret: settings.client_secret };",
      filename: 'components/TokenButton.tsx',
      errors: [
        {
          messageId: 'clientSecretInClient',
          line: 2,
          column: 47,
          endLine: 2,
          endColumn: 60,
          data: { name: 'client_secret', reason: USE_CLIENT_REASON },
        },
      ],
    },
    {
      // A Pages Router component body renders in the browser, unlike its getServerSideProps.
      code: 'export default function Orders() { const secret = process.env.KENSIUM_CLIENT_SECRET; return null; }',
      filename: 'pages/orders.tsx',
      errors: [
        {
          messageId: 'secretEnvInClient',
          line: 1,
          column: 51,
          endLine: 1,
          endColumn: 84,
          data: { env: 'process.env.KENSIUM_CLIENT_SECRET', kind: 'a client secret', reason: 'the file matches a client-code glob' },
        },
      ],
    },
    {
      // A component with client-only hooks ships to the browser, wherever it lives.
      code: "import { useState, type ReactNode } from 'react';\nexport function Sync() { const [s] = useState(process.env.ERP_CLIENT_SECRET); return null; }",
      filename: 'src/components/Sync.tsx',
      errors: [
        {
          messageId: 'secretEnvInClient',
          line: 2,
          column: 47,
          endLine: 2,
          endColumn: 76,
          data: { env: 'process.env.ERP_CLIENT_SECRET', kind: 'a client secret', reason: 'the file uses the client-only React hook `useState`' },
        },
      ],
    },
    {
      // Next.js inlines every value of next.config `env` into the bundle.
      code: 'export default { reactStrictMode: true, env: { KENSIUM_CLIENT_SECRET: process.env.KENSIUM_CLIENT_SECRET } };',
      filename: '/repo/next.config.mjs',
      errors: [
        {
          messageId: 'nextConfigEnvSecret',
          line: 1,
          column: 48,
          endLine: 1,
          endColumn: 69,
          data: { name: 'KENSIUM_CLIENT_SECRET', kind: 'a client secret' },
        },
      ],
    },
    {
      // Vite replaces every `define` key in client code with its value.
      code: [
        "import { defineConfig, loadEnv } from 'vite';",
        'export default defineConfig(({ mode }) => {',
        "  const env = loadEnv(mode, process.cwd(), '');",
        '  return { define: { __ERP_SECRET__: JSON.stringify(env.ERP_CLIENT_SECRET), __POS_KEY__: JSON.stringify(process.env.POS_API_KEY) } };',
        '});',
      ].join('\n'),
      filename: '/repo/apps/admin/vite.config.ts',
      errors: [
        { messageId: 'viteDefineSecret', line: 4, column: 22, data: { name: '__ERP_SECRET__', kind: 'a client secret', env: 'ERP_CLIENT_SECRET' } },
        { messageId: 'viteDefineSecret', line: 4, column: 77, data: { name: '__POS_KEY__', kind: 'an API key', env: 'POS_API_KEY' } },
      ],
    },
    {
      // Configured client globs.
      code: 'const s = process.env.ERP_PASSWORD;',
      filename: 'web/erp.ts',
      options: [{ clientFiles: ['web/**'] }],
      errors: [
        {
          messageId: 'secretEnvInClient',
          line: 1,
          column: 11,
          endLine: 1,
          endColumn: 35,
          data: { env: 'process.env.ERP_PASSWORD', kind: 'a password', reason: 'the file matches a client-code glob' },
        },
      ],
    },
  ],
});

describe('no-secret-in-client-code messages', () => {
  it('puts the right article before the credential label', () => {
    const linter = new Linter({ configType: 'flat' });
    const config: Linter.Config[] = [{ plugins: { t: { rules: { r: rule as never } } }, rules: { 't/r': 'error' } }];
    const messages = linter.verify("const key = process.env.NEXT_PUBLIC_OPENAI_API_KEY;\nconst s = import.meta.env.VITE_ERP_CLIENT_SECRET;", config, 'lib/ai.js').map((m) => m.message);
    expect(messages[0]).toBe(
      'process.env.NEXT_PUBLIC_OPENAI_API_KEY is an API key behind the Next.js public prefix `NEXT_PUBLIC_`: the build inlines it into the JavaScript every visitor downloads. Rename it without the prefix and use it only on the server.',
    );
    expect(messages[1]).toMatch(/^import\.meta\.env\.VITE_ERP_CLIENT_SECRET is a client secret behind the Vite public prefix/u);
  });
});

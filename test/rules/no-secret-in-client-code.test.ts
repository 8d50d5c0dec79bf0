import rule from '../../rules/no-secret-in-client-code.js';
import { createRuleTester } from '../rule-tester.js';

const ruleTester = createRuleTester();

const USE_CLIENT_REASON = "the file starts with 'use client'";

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
  ],
  invalid: [
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
          data: { env: 'process.env.NEXT_PUBLIC_KENSIUM_CLIENT_SECRET', kind: 'client secret', framework: 'Next.js', prefix: 'NEXT_PUBLIC_' },
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
          data: { env: 'import.meta.env.VITE_API_SECRET', kind: 'secret', framework: 'Vite', prefix: 'VITE_' },
        },
        {
          messageId: 'publicSecretEnv',
          line: 2,
          column: 10,
          endLine: 2,
          endColumn: 29,
          data: { env: "PUBLIC_ERP_PASSWORD from '$env/static/public'", kind: 'password', framework: 'SvelteKit / Astro', prefix: 'PUBLIC_' },
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
          data: { env: 'process.env.KENSIUM_CLIENT_SECRET', kind: 'client secret', reason: USE_CLIENT_REASON },
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
          data: { env: 'process.env.API_SECRET', kind: 'secret', reason: 'the file uses the browser global `window`' },
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
          data: { env: 'process.env.KENSIUM_CLIENT_SECRET', kind: 'client secret', reason: 'the file matches a client-code glob' },
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
          data: { env: 'process.env.ERP_CLIENT_SECRET', kind: 'client secret', reason: 'the file uses the client-only React hook `useState`' },
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
          data: { name: 'KENSIUM_CLIENT_SECRET', kind: 'client secret' },
        },
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
          data: { env: 'process.env.ERP_PASSWORD', kind: 'password', reason: 'the file matches a client-code glob' },
        },
      ],
    },
  ],
});

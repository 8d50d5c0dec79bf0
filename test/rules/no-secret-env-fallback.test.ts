import rule from '../../rules/no-secret-env-fallback.js';
import { createRuleTester } from '../rule-tester.js';

const ruleTester = createRuleTester();

// Fake secret, assembled so that no whole secret sits in one literal of this file.
const SECRET = ['Zq8vL2mNx4Rt', '7YpKw1Bs9DfH3JcA0eUg'].join('');
const THROW = (read: string, operator: string, name: string) => `${read} ${operator} (() => { throw new Error('Environment variable ${name} is not set'); })()`;

ruleTester.run('no-secret-env-fallback', rule, {
  valid: [
    // No fallback, or a fail-fast helper.
    'const clientSecret = process.env.KENSIUM_CLIENT_SECRET;',
    "const clientSecret = requireEnv('KENSIUM_CLIENT_SECRET');",
    // Fallbacks for values that are not secrets: URLs, ids, ports, flags.
    "const tokenUrl = process.env.KENSIUM_TOKEN_URL || 'https://pos.example.com/connect/token';",
    "const clientId = process.env.KENSIUM_CLIENT_ID ?? 'pos-sync';",
    "const port = Number(process.env.PORT || '3000');",
    "const secretName = process.env.SECRET_NAME || 'kensium/client-secret';",
    // A secret env var falling back to a placeholder, a reference or another env var.
    "const secret = process.env.KENSIUM_CLIENT_SECRET || 'YOUR_CLIENT_SECRET';",
    "const secret = process.env.KENSIUM_CLIENT_SECRET || process.env.POS_CLIENT_SECRET;",
    "const secret = process.env.ACUMATICA_CLIENT_SECRET ?? `${vaultPrefix}/acumatica`;",
    // An empty fallback when the option turns that message off.
    { code: "const secret = process.env.KENSIUM_CLIENT_SECRET ?? '';", options: [{ checkEmptyFallback: false }] },
    // A test file may fall back to an obvious dummy.
    { code: "const secret = process.env.KENSIUM_CLIENT_SECRET || 'test-secret';", filename: 'test/pos.test.ts' },
    // `&&` is not a fallback; a ternary on a different variable is not one either.
    "const header = process.env.API_TOKEN && 'Bearer ' + process.env.API_TOKEN;",
    "const secret = process.env.USE_VAULT ? vaultSecret : process.env.KENSIUM_CLIENT_SECRET;",
    // Default parameters for names that are not secrets.
    "function connect(tokenUrl = 'https://pos.example.com/connect/token', timeoutMs = 5000) {}",
    // Destructuring defaults from objects that are not the environment.
    `const { clientSecret = '${SECRET}' } = options;`,
  ],
  invalid: [
    {
      code: `const clientSecret = process.env.KENSIUM_CLIENT_SECRET || '${SECRET}';`,
      errors: [
        {
          messageId: 'literalFallback',
          line: 1,
          column: 59,
          endLine: 1,
          endColumn: 93,
          data: { env: 'process.env.KENSIUM_CLIENT_SECRET', kind: 'client secret', masked: 'Zq8v…0eUg (32 chars)', reason: 'a base64-encoded random value' },
          suggestions: [
            {
              messageId: 'suggestFailFast',
              data: { replacement: 'an inline throw', name: 'KENSIUM_CLIENT_SECRET' },
              output: `const clientSecret = ${THROW('process.env.KENSIUM_CLIENT_SECRET', '||', 'KENSIUM_CLIENT_SECRET')};`,
            },
          ],
        },
      ],
    },
    {
      // The configured helper, imported after the last import.
      code: `import axios from 'axios';\nconst secret = process.env['ACUMATICA_CLIENT_SECRET'] ?? 'keyboard cat';`,
      options: [{ requireEnv: { helperName: 'requireEnv', importPath: './env.js' } }],
      errors: [
        {
          messageId: 'literalFallback',
          line: 2,
          column: 58,
          endLine: 2,
          endColumn: 72,
          data: { env: 'process.env.ACUMATICA_CLIENT_SECRET', kind: 'client secret', masked: '**** (12 chars)', reason: 'a dictionary or dummy value' },
          suggestions: [
            {
              messageId: 'suggestFailFast',
              data: { replacement: "`requireEnv('ACUMATICA_CLIENT_SECRET')`", name: 'ACUMATICA_CLIENT_SECRET' },
              output: `import axios from 'axios';\nimport { requireEnv } from './env.js';\nconst secret = requireEnv('ACUMATICA_CLIENT_SECRET');`,
            },
          ],
        },
      ],
    },
    {
      // The env name says nothing, the slot it reaches does.
      code: `const config = { clientId: 'pos-sync', clientSecret: process.env.POS_KEY_2 || '${SECRET}' };`,
      errors: [
        {
          messageId: 'literalFallback',
          line: 1,
          column: 79,
          endLine: 1,
          endColumn: 113,
          data: { env: 'process.env.POS_KEY_2', kind: 'client secret', masked: 'Zq8v…0eUg (32 chars)', reason: 'a base64-encoded random value' },
          suggestions: [
            {
              messageId: 'suggestFailFast',
              data: { replacement: 'an inline throw', name: 'POS_KEY_2' },
              output: `const config = { clientId: 'pos-sync', clientSecret: ${THROW('process.env.POS_KEY_2', '||', 'POS_KEY_2')} };`,
            },
          ],
        },
      ],
    },
    {
      // A chain of env vars ending in a literal, through a constant.
      code: `const FALLBACK = '${SECRET}';\nconst s = process.env.SESSION_SECRET || process.env.NEXTAUTH_SECRET || FALLBACK;`,
      errors: [
        {
          messageId: 'literalFallback',
          line: 1,
          column: 18,
          endLine: 1,
          endColumn: 52,
          data: { env: 'process.env.SESSION_SECRET', kind: 'signing secret', masked: 'Zq8v…0eUg (32 chars)', reason: 'a base64-encoded random value' },
          suggestions: [
            {
              messageId: 'suggestFailFast',
              data: { replacement: 'an inline throw', name: 'SESSION_SECRET or NEXTAUTH_SECRET' },
              output: `const FALLBACK = '${SECRET}';\nconst s = ${THROW('process.env.SESSION_SECRET || process.env.NEXTAUTH_SECRET', '||', 'SESSION_SECRET or NEXTAUTH_SECRET')};`,
            },
          ],
        },
      ],
    },
    {
      code: "const secret = process.env.KENSIUM_CLIENT_SECRET ?? '';",
      errors: [
        {
          messageId: 'emptyFallback',
          line: 1,
          column: 53,
          endLine: 1,
          endColumn: 55,
          data: { env: 'process.env.KENSIUM_CLIENT_SECRET', kind: 'client secret', kindWithArticle: 'a client secret' },
          suggestions: [
            {
              messageId: 'suggestFailFast',
              data: { replacement: 'an inline throw', name: 'KENSIUM_CLIENT_SECRET' },
              output: `const secret = ${THROW('process.env.KENSIUM_CLIENT_SECRET', '??', 'KENSIUM_CLIENT_SECRET')};`,
            },
          ],
        },
      ],
    },
    {
      code: `const secret = process.env.API_SECRET ? process.env.API_SECRET : '${SECRET}';`,
      errors: [
        {
          messageId: 'literalFallback',
          line: 1,
          column: 66,
          endLine: 1,
          endColumn: 100,
          data: { env: 'process.env.API_SECRET', kind: 'secret', masked: 'Zq8v…0eUg (32 chars)', reason: 'a base64-encoded random value' },
          suggestions: [
            {
              messageId: 'suggestFailFast',
              data: { replacement: 'an inline throw', name: 'API_SECRET' },
              output: `const secret = ${THROW('process.env.API_SECRET', '||', 'API_SECRET')};`,
            },
          ],
        },
      ],
    },
    {
      code: `const { KENSIUM_CLIENT_ID, KENSIUM_CLIENT_SECRET = '${SECRET}' } = process.env;`,
      errors: [
        {
          messageId: 'literalFallback',
          line: 1,
          column: 52,
          endLine: 1,
          endColumn: 86,
          data: { env: 'process.env.KENSIUM_CLIENT_SECRET', kind: 'client secret', masked: 'Zq8v…0eUg (32 chars)', reason: 'a base64-encoded random value' },
          suggestions: [
            {
              messageId: 'suggestRemoveDefault',
              output: 'const { KENSIUM_CLIENT_ID, KENSIUM_CLIENT_SECRET } = process.env;',
            },
          ],
        },
      ],
    },
    {
      code: `function createPosClient(clientSecret: string = '${SECRET}') {}`,
      errors: [
        {
          messageId: 'defaultParameter',
          line: 1,
          column: 49,
          endLine: 1,
          endColumn: 83,
          data: { name: 'clientSecret', kind: 'client secret', masked: 'Zq8v…0eUg (32 chars)', reason: 'a base64-encoded random value' },
          suggestions: [{ messageId: 'suggestRemoveDefault', output: 'function createPosClient(clientSecret: string) {}' }],
        },
      ],
    },
    {
      code: `const token = import.meta.env.API_TOKEN || '${SECRET}';\nconst key = Deno.env.get('STRIPE_API_KEY') ?? 'sk_live_' + 'Xb4k9QmZ2rT7wLp0sVn5HcYd';\nconst pw = Bun.env.DB_PASSWORD || 'hunter2';`,
      errors: [
        {
          messageId: 'literalFallback',
          line: 1,
          column: 44,
          endLine: 1,
          endColumn: 78,
          data: { env: 'import.meta.env.API_TOKEN', kind: 'token', masked: 'Zq8v…0eUg (32 chars)', reason: 'a base64-encoded random value' },
          suggestions: [
            {
              messageId: 'suggestFailFast',
              data: { replacement: 'an inline throw', name: 'API_TOKEN' },
              output: `const token = ${THROW('import.meta.env.API_TOKEN', '||', 'API_TOKEN')};\nconst key = Deno.env.get('STRIPE_API_KEY') ?? 'sk_live_' + 'Xb4k9QmZ2rT7wLp0sVn5HcYd';\nconst pw = Bun.env.DB_PASSWORD || 'hunter2';`,
            },
          ],
        },
        {
          messageId: 'literalFallback',
          line: 2,
          column: 47,
          endLine: 2,
          endColumn: 86,
          data: { env: "Deno.env.get('STRIPE_API_KEY')", kind: 'API key', masked: 'sk_l…HcYd (32 chars)', reason: 'a Stripe secret key' },
          suggestions: [
            {
              messageId: 'suggestFailFast',
              data: { replacement: 'an inline throw', name: 'STRIPE_API_KEY' },
              output: `const token = import.meta.env.API_TOKEN || '${SECRET}';\nconst key = ${THROW("Deno.env.get('STRIPE_API_KEY')", '??', 'STRIPE_API_KEY')};\nconst pw = Bun.env.DB_PASSWORD || 'hunter2';`,
            },
          ],
        },
        {
          messageId: 'literalFallback',
          line: 3,
          column: 35,
          endLine: 3,
          endColumn: 44,
          data: { env: 'Bun.env.DB_PASSWORD', kind: 'password', masked: '**** (7 chars)', reason: 'a dictionary or dummy value' },
          suggestions: [
            {
              messageId: 'suggestFailFast',
              data: { replacement: 'an inline throw', name: 'DB_PASSWORD' },
              output: `const token = import.meta.env.API_TOKEN || '${SECRET}';\nconst key = Deno.env.get('STRIPE_API_KEY') ?? 'sk_live_' + 'Xb4k9QmZ2rT7wLp0sVn5HcYd';\nconst pw = ${THROW('Bun.env.DB_PASSWORD', '||', 'DB_PASSWORD')};`,
            },
          ],
        },
      ],
    },
    {
      // In browser code there is no env-var replacement to offer.
      code: `'use client';\nconst secret = process.env.NEXTAUTH_SECRET || '${SECRET}';`,
      errors: [
        {
          messageId: 'literalFallback',
          line: 2,
          column: 47,
          endLine: 2,
          endColumn: 81,
          data: { env: 'process.env.NEXTAUTH_SECRET', kind: 'signing secret', masked: 'Zq8v…0eUg (32 chars)', reason: 'a base64-encoded random value' },
          suggestions: [],
        },
      ],
    },
  ],
});

import rule from '../../rules/no-hardcoded-client-secret.js';
import { createRuleTester } from '../rule-tester.js';

const ruleTester = createRuleTester();

ruleTester.run('no-hardcoded-client-secret', rule, {
  valid: [
    "const config = { clientSecret: process.env.KENSIUM_CLIENT_SECRET };",
    "const config = { clientSecret: '' };",
    "const config = { clientSecret: 'YOUR_CLIENT_SECRET' };",
    "const config = { clientSecretPath: '/run/secrets/kensium' };",
  ],
  invalid: [
    {
      code: "const config = { clientId: 'pos-sync', clientSecret: 'Zq8vL2mNx4Rt7YpKw1Bs9DfH3JcA0eUg' };",
      errors: [
        {
          messageId: 'hardcodedClientSecret',
          line: 1,
          column: 54,
          endLine: 1,
          endColumn: 88,
          data: { masked: 'Zq8v…0eUg (32 chars)', reason: 'a base64-encoded random value' },
        },
      ],
    },
  ],
});

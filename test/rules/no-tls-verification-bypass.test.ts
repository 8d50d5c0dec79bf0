import rule from '../../rules/no-tls-verification-bypass.js';
import { createRuleTester } from '../rule-tester.js';

const ruleTester = createRuleTester();

const FIX = 'trust your private CA instead (the `ca` option, or `NODE_EXTRA_CA_CERTS`)';

ruleTester.run('no-tls-verification-bypass', rule, {
  valid: [
    "const agent = new https.Agent({ ca: readFileSync(process.env.ERP_CA_FILE), rejectUnauthorized: true });",
    "const agent = new https.Agent({ rejectUnauthorized: process.env.NODE_ENV === 'production' || strict });",
    "await got.post(tokenUrl, { https: { certificateAuthority: ca } });",
    "process.env.NODE_TLS_REJECT_UNAUTHORIZED = '1';",
    "delete process.env.NODE_TLS_REJECT_UNAUTHORIZED;",
    "const request = { strictSSL: true };",
    "const tls = { checkServerIdentity: (host, cert) => tls.checkServerIdentity(host, cert) };",
    "agent.options.rejectUnauthorized = true;",
    "const label = { rejectUnauthorizedLabel: false };",
  ],
  invalid: [
    {
      code: "const httpsAgent = new https.Agent({ rejectUnauthorized: false });\nawait axios.post(tokenUrl, body, { httpsAgent });",
      errors: [{ messageId: 'verificationDisabled', line: 1, column: 38, endLine: 1, endColumn: 63, data: { option: 'rejectUnauthorized', fix: FIX } }],
    },
    {
      code: "await got.post(tokenUrl, { form, https: { rejectUnauthorized: false } });",
      errors: [{ messageId: 'verificationDisabled', line: 1, column: 43, endLine: 1, endColumn: 68, data: { option: 'rejectUnauthorized', fix: FIX } }],
    },
    {
      code: "const dispatcher = new Agent({ connect: { rejectUnauthorized: false } });",
      errors: [{ messageId: 'verificationDisabled', line: 1, column: 43, endLine: 1, endColumn: 68, data: { option: 'rejectUnauthorized', fix: FIX } }],
    },
    {
      code: "request.post({ url: tokenUrl, form, strictSSL: false });",
      errors: [{ messageId: 'verificationDisabled', line: 1, column: 37, endLine: 1, endColumn: 53, data: { option: 'strictSSL', fix: FIX } }],
    },
    {
      code: "process.env.NODE_TLS_REJECT_UNAUTHORIZED = '0';",
      errors: [{ messageId: 'envDisabled', line: 1, column: 1, endLine: 1, endColumn: 47, data: { env: 'NODE_TLS_REJECT_UNAUTHORIZED', fix: FIX } }],
    },
    {
      code: "process.env['NODE_TLS_REJECT_UNAUTHORIZED'] = 0;",
      errors: [{ messageId: 'envDisabled', line: 1, column: 1, endLine: 1, endColumn: 48, data: { env: 'NODE_TLS_REJECT_UNAUTHORIZED', fix: FIX } }],
    },
    {
      code: "spawn('node', ['sync.js'], { env: { ...process.env, NODE_TLS_REJECT_UNAUTHORIZED: '0' } });",
      errors: [{ messageId: 'envDisabled', line: 1, column: 53, endLine: 1, endColumn: 86, data: { env: 'NODE_TLS_REJECT_UNAUTHORIZED', fix: FIX } }],
    },
    {
      code: "const res = await superagent.post(tokenUrl).disableTLSCerts().type('form').send(body);",
      errors: [{ messageId: 'verificationDisabled', line: 1, column: 45, endLine: 1, endColumn: 60, data: { option: 'disableTLSCerts()', fix: FIX } }],
    },
    {
      code: "agent.options.rejectUnauthorized = false;",
      errors: [{ messageId: 'verificationDisabled', line: 1, column: 1, endLine: 1, endColumn: 41, data: { option: 'rejectUnauthorized', fix: FIX } }],
    },
    {
      code: "const socket = tls.connect({ host, port, checkServerIdentity: () => undefined });",
      errors: [{ messageId: 'identityCheckDisabled', line: 1, column: 42, endLine: 1, endColumn: 78 }],
    },
  ],
});

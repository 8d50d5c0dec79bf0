import rule from '../../rules/no-secret-in-url.js';
import { createRuleTester } from '../rule-tester.js';

const ruleTester = createRuleTester();

const SECRET = 'RFC 6749 §2.3.1 and OAuth 2.1 §2.4.1 forbid client credentials in the request URI';
const ACCESS = 'RFC 9700 §4.3.2 forbids access tokens in query parameters';

ruleTester.run('no-secret-in-url', rule, {
  valid: [
    // The same parameters in a POST body are where they belong.
    "await fetch(tokenUrl, { method: 'POST', body: new URLSearchParams({ grant_type: 'client_credentials', client_id: id, client_secret: secret }) });",
    "const body = 'grant_type=client_credentials&client_secret=' + secret;",
    'const body = `grant_type=password&username=${user}&password=${pass}`;',
    "const url = `${erpUrl}/entity/Default/22.200.001/SalesOrder?$filter=${filter}&$top=50`;",
    'const url = `${base}/authorize?response_type=code&client_id=${id}&state=${state}`;',
    "url.searchParams.set('client_id', clientId);",
    "params.set('client_secret', secret);",
    "await axios.post(tokenUrl, body, { params: { tenant } });",
    "await db.query({ password: hash });",
    "const options = { params: { client_secret: secret } };",
    "const message = 'Invalid password=true reported by ' + name;",
    "const total = count + '&password=' + x;",
    "let body = 'grant_type=refresh_token';\nbody += `&client_secret=${clientSecret}`;",
    // Redacting a secret before logging the URL.
    "const REDACT = '<<REDACTED> - see errorRedactor>';\nerror.config.url.searchParams.set('client_secret', REDACT);",
  ],
  invalid: [
    {
      code: "let tokenUrl = `${baseUrl}/oauth2/token?grant_type=client_credentials`;\ntokenUrl += `&client_id=${clientId}`;\ntokenUrl += `&client_secret=${clientSecret}`;",
      errors: [{ messageId: 'secretInUrl', line: 3, column: 13, endLine: 3, endColumn: 45, data: { parameter: 'client_secret', section: SECRET } }],
    },
    {
      code: "const res = await fetch(`${tokenUrl}?grant_type=client_credentials&client_id=${id}&client_secret=${secret}`);",
      errors: [{ messageId: 'secretInUrl', line: 1, column: 25, endLine: 1, endColumn: 108, data: { parameter: 'client_secret', section: SECRET } }],
    },
    {
      code: "const res = await fetch(tokenUrl + '?grant_type=client_credentials&client_secret=' + secret, { method: 'POST' });",
      errors: [{ messageId: 'secretInUrl', line: 1, column: 25, endLine: 1, endColumn: 92, data: { parameter: 'client_secret', section: SECRET } }],
    },
    {
      code: "const url = apiUrl + '&access_token=' + token;",
      errors: [{ messageId: 'secretInUrl', line: 1, column: 13, endLine: 1, endColumn: 46, data: { parameter: 'access_token', section: ACCESS } }],
    },
    {
      code: "const url = new URL('/api/orders', base);\nurl.searchParams.set('access_token', token);",
      errors: [{ messageId: 'secretInUrl', line: 2, column: 22, endLine: 2, endColumn: 36, data: { parameter: 'access_token', section: ACCESS } }],
    },
    {
      code: "import axios from 'axios';\nawait axios.get(ordersUrl, { params: { apiKey: process.env.POS_API_KEY } });",
      errors: [{ messageId: 'secretInUrl', line: 2, column: 40, endLine: 2, endColumn: 71, data: { parameter: 'apiKey', section: 'RFC 9700 §4.2 lists URLs among the places credentials leak from' } }],
    },
    {
      code: "import axios from 'axios';\nconst erp = axios.create({ baseURL });\nawait erp.post('/identity/connect/token', null, { params: { grant_type: 'password', username, password } });",
      errors: [{ messageId: 'secretInUrl', line: 3, column: 95, endLine: 3, endColumn: 103, data: { parameter: 'password', section: 'RFC 6749 §2.3.1 keeps passwords out of the request URI' } }],
    },
    {
      code: "await got(ordersUrl, { searchParams: { refresh_token: token } });",
      errors: [{ messageId: 'secretInUrl', line: 1, column: 40, endLine: 1, endColumn: 60, data: { parameter: 'refresh_token', section: 'RFC 9700 §4.3.2 and §4.14 treat tokens in URLs as leaked' } }],
    },
    {
      code: "import request from 'superagent';\nawait request.get(ordersUrl).query({ access_token: token });",
      errors: [{ messageId: 'secretInUrl', line: 2, column: 38, endLine: 2, endColumn: 57, data: { parameter: 'access_token', section: ACCESS } }],
    },
    {
      code: "const webhook = 'https://pos.example.com/hooks/orders?api_key=' + key;",
      errors: [{ messageId: 'secretInUrl', line: 1, column: 17, endLine: 1, endColumn: 70, data: { parameter: 'api_key', section: 'RFC 9700 §4.2 lists URLs among the places credentials leak from' } }],
    },
  ],
});

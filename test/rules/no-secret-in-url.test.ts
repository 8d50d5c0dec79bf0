import rule from '../../rules/no-secret-in-url.js';
import { createRuleTester } from '../rule-tester.js';

const ruleTester = createRuleTester();

const SECRET = 'RFC 6749 §2.3.1 and OAuth 2.1 §2.4.1 forbid client credentials in the request URI';
const ACCESS = 'RFC 9700 §4.3.2 forbids access tokens in query parameters';
const REFRESH = 'RFC 9700 §4.3.2 and §4.14 treat tokens in URLs as leaked';
const API_KEY = 'RFC 9700 §4.2 lists URLs among the places credentials leak from';

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
    // A query built apart and sent as the body, also logged, passed on and spread: no URL.
    "const params = new URLSearchParams({ client_id: id, client_secret: secret, code });\nconsole.log('token request', params);\nexchange(params);\nconst copy = { ...params };\nawait fetch(tokenUrl, { method: 'POST', body: params });\nawait axios.post(tokenUrl, params);\nawait got.post(tokenUrl, { form: params });",
    "import qs from 'qs';\nconst body = qs.stringify({ grant_type: 'client_credentials', client_secret: secret });\nawait axios.post(`${issuer}/oauth/token`, body);",
    // Built apart and joined to a URL, without a secret parameter.
    "const params = new URLSearchParams({ client_id: id, code, state, redirect_uri: redirectUri });\nres.redirect(`${authorizeUrl}?${params}`);",
    "const query = new URLSearchParams({ client_id: id });\nquery.set('state', state);\nurl.search = query.toString();",
    // The secret is set after the URL is built, or in another function.
    "const params = new URLSearchParams({ client_id: id, state });\nconst authorizeUrl = `${base}/authorize?${params}`;\nparams.set('client_secret', secret);\nawait fetch(tokenUrl, { method: 'POST', body: params });",
    "const params = new URLSearchParams({ client_id: id });\nfunction addSecret() { params.set('client_secret', secret); }\nres.redirect(`${authorizeUrl}?${params}`);",
    // The variable is reassigned, or the secret removed or redacted before the URL is built.
    "let params = new URLSearchParams({ client_secret: secret });\nawait fetch(tokenUrl, { method: 'POST', body: params });\nparams = new URLSearchParams({ client_id: id });\nres.redirect(`${authorizeUrl}?${params}`);",
    "const params = new URLSearchParams(options);\nparams.delete('client_secret');\nreturn `${tokenUrl}?${params}`;",
    "const params = new URLSearchParams(error.config.params);\nparams.set('client_secret', '***');\nlogger.warn(`${error.config.url}?${params}`);",
    // Not followed: a name held by a constant, an alias, a query returned by a function.
    "const SECRET_PARAM = 'client_secret';\nconst params = new URLSearchParams();\nparams.set(SECRET_PARAM, secret);\nawait fetch(`${tokenUrl}?${params}`);",
    "const params = new URLSearchParams({ client_secret: secret });\nconst query = params;\nawait fetch(`${tokenUrl}?${query}`);",
    "const query = buildTokenQuery(secret);\nawait fetch(`${tokenUrl}?${query}`);",
    // A form body continued after `&`, a log line, JSON, FormData: no URL query.
    "const body = `grant_type=refresh_token&${new URLSearchParams({ refresh_token: token })}`;",
    "console.log('POST ' + tokenUrl + '?' + new URLSearchParams({ client_secret: secret }));",
    "const body = JSON.stringify({ client_secret: secret });\nconst debugUrl = `${tokenUrl}?${body}`;",
    "const form = new FormData();\nform.append('client_secret', secret);\nconst debugUrl = `${tokenUrl}?${form}`;",
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
    // Queries built apart and joined to a URL: reported where they join it.
    {
      code: "const params = new URLSearchParams({ client_id: id, client_secret: process.env.GITHUB_CLIENT_SECRET!, code });\nconst r = await fetch(`https://github.com/login/oauth/access_token?${params}`, { method: 'POST' });",
      errors: [{ messageId: 'secretQueryInUrl', line: 2, column: 70, endLine: 2, endColumn: 76, data: { query: 'params', parameter: 'client_secret', line: 1, section: SECRET } }],
    },
    {
      // Used as the body too: the URL still carries it.
      code: "const params = new URLSearchParams({ client_id: id, client_secret: secret, code });\nawait fetch(`${tokenUrl}?${params}`, { method: 'POST', body: params });",
      errors: [{ messageId: 'secretQueryInUrl', line: 2, column: 28, endLine: 2, endColumn: 34, data: { query: 'params', parameter: 'client_secret', line: 1, section: SECRET } }],
    },
    {
      code: "async function exchange(tokenUrl: string, secret: string) {\n  const query = new URLSearchParams();\n  query.set('client_secret', secret);\n  return fetch(`${tokenUrl}?${query.toString()}`);\n}",
      errors: [{ messageId: 'secretQueryInUrl', line: 4, column: 31, endLine: 4, endColumn: 47, data: { query: 'query.toString()', parameter: 'client_secret', line: 3, section: SECRET } }],
    },
    {
      code: "import querystring from 'node:querystring';\nconst qs = querystring.stringify({ access_token: token });\nawait axios.get(apiUrl + '?' + qs);",
      errors: [{ messageId: 'secretQueryInUrl', line: 3, column: 32, endLine: 3, endColumn: 34, data: { query: 'qs', parameter: 'access_token', line: 2, section: ACCESS } }],
    },
    {
      code: "const qs = require('qs');\nconst query = qs.stringify({ grant_type: 'refresh_token', refresh_token: refreshToken });\nconst res = await got.post(`${tokenUrl}?${query}`);",
      errors: [{ messageId: 'secretQueryInUrl', line: 3, column: 43, endLine: 3, endColumn: 48, data: { query: 'query', parameter: 'refresh_token', line: 2, section: REFRESH } }],
    },
    {
      code: "const search = new URLSearchParams({ api_key: key, page }).toString();\nconst res = await fetch(ordersUrl + '&' + search);",
      errors: [{ messageId: 'secretQueryInUrl', line: 2, column: 43, endLine: 2, endColumn: 49, data: { query: 'search', parameter: 'api_key', line: 1, section: API_KEY } }],
    },
    {
      code: "let params = new URLSearchParams({ refresh_token: token });\nconst url = tokenEndpoint + '?' + String(params);",
      errors: [{ messageId: 'secretQueryInUrl', line: 2, column: 35, endLine: 2, endColumn: 49, data: { query: 'String(params)', parameter: 'refresh_token', line: 1, section: REFRESH } }],
    },
    {
      code: "const url = new URL('/v1/orders', base);\nconst params = new URLSearchParams({ apiKey: process.env.POS_API_KEY });\nurl.search = params.toString();",
      errors: [{ messageId: 'secretQueryInUrl', line: 3, column: 14, endLine: 3, endColumn: 31, data: { query: 'params.toString()', parameter: 'apiKey', line: 2, section: API_KEY } }],
    },
    {
      code: "const searchParams = new URLSearchParams();\nsearchParams.append('access_token', token);\nawait got(ordersUrl, { searchParams });",
      errors: [{ messageId: 'secretQueryInUrl', line: 3, column: 24, endLine: 3, endColumn: 36, data: { query: 'searchParams', parameter: 'access_token', line: 2, section: ACCESS } }],
    },
    {
      code: "import axios from 'axios';\nconst params = new URLSearchParams({ access_token: token });\nawait axios.get(ordersUrl, { params });",
      errors: [{ messageId: 'secretQueryInUrl', line: 3, column: 30, endLine: 3, endColumn: 36, data: { query: 'params', parameter: 'access_token', line: 2, section: ACCESS } }],
    },
    {
      // The object is a property of a constant.
      code: "const pos = { query: { api_key: process.env.POS_API_KEY } };\nconst search = new URLSearchParams(pos.query);\nawait fetch(`${posUrl}/v2/orders?${search}`);",
      errors: [{ messageId: 'secretQueryInUrl', line: 3, column: 36, endLine: 3, endColumn: 42, data: { query: 'search', parameter: 'api_key', line: 1, section: API_KEY } }],
    },
    {
      // Written inside the URL: reported on the parameter.
      code: "await fetch(`${tokenUrl}?${new URLSearchParams({ grant_type: 'password', username, password })}`);",
      errors: [{ messageId: 'secretInUrl', line: 1, column: 84, endLine: 1, endColumn: 92, data: { parameter: 'password', section: 'RFC 6749 §2.3.1 keeps passwords out of the request URI' } }],
    },
    {
      code: "const credentials = { client_id: id, client_secret: secret };\nconst authorizeUrl = `${issuer}/authorize?${new URLSearchParams({ ...credentials, response_type: 'code' })}`;",
      errors: [{ messageId: 'secretQueryInUrl', line: 2, column: 45, endLine: 2, endColumn: 107, data: { query: 'new URLSearchParams(…)', parameter: 'client_secret', line: 1, section: SECRET } }],
    },
  ],
});

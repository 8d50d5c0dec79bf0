import rule from '../../rules/no-secret-logging.js';
import { createRuleTester } from '../rule-tester.js';

/** A hard-coded database password, assembled so that this file holds none. */
const DB_PASSWORD = ['pos', 'x'.repeat(12)].join('-');

const ruleTester = createRuleTester();

ruleTester.run('no-secret-logging', rule, {
  valid: [
    // A response body that is not from a token endpoint.
    "const res = await fetch('https://pos.kensium.example/graphql', { method: 'POST', body });\nconst sales = await res.json();\nlog.info({ sales }, 'synced');",
    // Token responses: status, metadata and key lists are fine; a fetch `Response` logged whole holds no body.
    "async function refresh(body) {\n  const res = await fetch(tokenUrl, { method: 'POST', body });\n  console.log(res.status, res.statusText, res.ok, res);\n  const data = await res.json();\n  console.log(data.expires_in, data.token_type, data.scope, Object.keys(data));\n}",
    "class KensiumAuth {\n  async token(body) {\n    const { data } = await firstValueFrom(this.http.post(this.tokenUrl, body));\n    this.logger.debug(`token ${data.token_type} expires in ${data.expires_in}s (${data.scope})`, Object.keys(data));\n  }\n}",
    // Status destructured from the response, a field of the JSON body.
    "async function refresh(body) {\n  const { status, data } = await axios.post(tokenUrl, body);\n  const { access_token, expires_in } = await (await fetch(tokenUrl, { method: 'POST', body })).json();\n  console.log('status', status, 'expires', expires_in);\n}",
    // A failed token request: its body is an error, not tokens; an error message.
    "async function refresh(body) {\n  const res = await fetch(`${ISSUER}/oauth2/token`, { method: 'POST', body });\n  if (!res.ok) {\n    console.error('token request failed', await res.json());\n  }\n  if (res.status >= 400) {\n    const err = await res.json();\n    logger.error(err);\n  }\n}",
    "async function refresh(body) {\n  try {\n    await axios.post(tokenUrl, body);\n  } catch (err) {\n    console.error('token request failed', err.message);\n  }\n}",
    // Other endpoints: orders, userinfo (a profile, no token), revocation; a read that is not the body.
    "async function sync(order, accessToken) {\n  const created = await fetch(`${API_BASE}/orders`, { method: 'POST', body: order });\n  console.log(await created.json());\n  const { data } = await firstValueFrom(this.http.post(this.ordersUrl, order));\n  this.logger.debug(JSON.stringify(data));\n  const res = await fetch(`${ISSUER}/userinfo`, { headers: { authorization: `Bearer ${accessToken.slice(0, 0)}` } });\n  const profile = await res.json();\n  console.log(profile);\n  const revoked = await fetch(`${ISSUER}/oauth2/token/revoke`, { method: 'POST', body: order });\n  console.log(await revoked.json());\n  const status = await fetch(tokenUrl, { method: 'POST', body: order }).then((r) => r.status);\n  console.log(status, res.body);\n}",
    // Endpoints, expiry and ids are fine to log.
    "console.log('requesting token from', tokenUrl, 'for', clientId);",
    'logger.info({ tokenUrl: config.tokenUrl, expiresIn: tokens.expires_in }, "token refreshed");',
    "console.log(`token expires in ${result.expires_in}s`);",
    // Masked, hashed or summarised values.
    "console.log('secret', maskSecret(process.env.KENSIUM_CLIENT_SECRET));",
    "logger.debug({ accessToken: redact(accessToken), hasRefreshToken: Boolean(refreshToken) });",
    "console.log('token length', accessToken.length, 'present', !!refreshToken);",
    "logger.info({ clientSecret: '[redacted]' });",
    // A pino logger configured to redact.
    "import pino from 'pino';\nconst logger = pino({ redact: ['clientSecret', '*.access_token'] });\nlogger.info({ clientSecret }, 'configured');",
    // A logger the project declares as redacting.
    { code: 'auditLog.info({ accessToken });', options: [{ allow: ['auditLog.*'] }] },
    // Names that only mention a credential.
    "console.log('secret name', secretName, 'password field', passwordField, nextPageToken);",
    // Error messages that name the variable, not its value.
    "throw new Error('Environment variable KENSIUM_CLIENT_SECRET is not set');",
    // Methods that are not log levels, receivers that are not loggers.
    'cache.set(accessToken); metrics.info(accessToken);',
    // Constants bound to literals are codes, not runtime secrets; custom errors take a code first.
    "const PASSWORD_CHANGE_FAILED = 'password_change_failed';\nthrow new CustomAuthApiError(PASSWORD_CHANGE_FAILED, 'Password reset failed.', response.correlation_id);",
    "throw new PosApiError(response.status, tokenResponse);",
    // Enum-like constants and numeric settings whose names mention a credential.
    "logger.info(`set ${EnvironmentVariableNames.MSI_SECRET} to use managed identity`);",
    "throw new RangeError(exports.GoogleAuthExceptionMessages.API_KEY_WITH_CREDENTIALS);",
    "this.logger.info(`token expires within ${this.config.tokenRenewalOffsetSeconds} seconds`);\ndebug('supported algorithms %o', issuerTokenAlgs);",
    // POSTs to other endpoints.
    "const { data } = await axios.post(config.ordersUrl, order);\nconsole.log('created', data);",
    "const res = await axios.post(config.ordersUrl, order);\nconsole.log('created', res.data);",
    "const res = await http.post('https://pos.example.com/api/v1/orders', order);\nlogger.debug(res);",
    // A config object without a secret in it.
    "const config = { tokenUrl, clientId: 'pos-sync', clientSecret: undefined };\nconsole.log(config);",
    // Maps keyed by grant names hold handlers, flags and limits, not credentials.
    "const grantHandlers = { password: handlePasswordGrant, client_credentials: handleClientCredentials, refresh_token: handleRefresh };\nlogger.debug('grants', grantHandlers);\nfunction handlePasswordGrant(req) { return issue(req); }\nconst handleClientCredentials = async (req) => issue(req);\nfunction handleRefresh(req) { return issue(req); }",
    "const supported = { authorization_code: true, refresh_token: true, password: false };\nconsole.log(supported);",
    "const minLength = { password: 12, pin: 4 };\nlogger.info('policy', minLength, { refresh_token: !0 });",
    "class TokenServer {\n  routes() {\n    const grants = { password: this.onPassword.bind(this), refresh_token(req) { return req.body; } };\n    this.logger.debug('grants', grants, { password: this.onPassword.bind(this) });\n  }\n}",
    // Enum-like constants: a TypeScript enum, a constant table whose entry is the member's name, a name bound to a function.
    "enum GrantType { Password = 'password', RefreshToken = 'refresh_token' }\nconst defaults = { password: GrantType.Password, refresh_token: GrantType.RefreshToken };\nconsole.log(defaults, GrantType.Password);",
    "const FieldType = Object.freeze({ PASSWORD: 'password', TEXT: 'text' });\nconst loginForm = { username: FieldType.TEXT, password: FieldType.PASSWORD };\nlogger.debug({ form: loginForm });",
    "const grantSupport = { refresh_token: Support.NONE };\nconsole.log(grantSupport);",
    "function passwordGrant(req) { return issue(req); }\nconsole.log('registered', passwordGrant);",
  ],
  invalid: [
    {
      // A success branch is no failure branch.
      code: "async function refresh(body) {\n  const res = await fetch(tokenUrl, { method: 'POST', body });\n  if (res.status >= 200 && res.status < 300) {\n    console.log(await res.json());\n  }\n}",
      errors: [{ messageId: 'secretLogged', line: 4, data: { what: 'the awaited token response', kind: 'token response', sink: '`console.log`' } }],
    },
    // Token responses followed through Nest's HttpService, fetch bodies, `.then` and URLs with a known path.
    {
      code: "class KensiumAuth {\n  async token(body) {\n    const { data } = await firstValueFrom(this.http.post(this.tokenUrl, body));\n    this.logger.debug(JSON.stringify(data));\n  }\n}",
      errors: [{ messageId: 'secretLogged', line: 4, data: { what: '`data`', kind: 'token response', sink: '`this.logger.debug`' } }],
    },
    {
      code: "class KensiumAuth {\n  async token(body) {\n    const res = await lastValueFrom(this.httpService.post<TokenResponse>(this.config.tokenEndpoint, body));\n    this.logger.log(res.data);\n  }\n}",
      errors: [{ messageId: 'secretLogged', line: 4, data: { what: '`res.data`', kind: 'token response', sink: '`this.logger.log`' } }],
    },
    {
      code: "class KensiumAuth {\n  async token(body) {\n    const res = await this.http.post(this.tokenUrl, body).toPromise();\n    this.logger.debug(res.data);\n  }\n}",
      errors: [{ messageId: 'secretLogged', line: 4, data: { what: '`res.data`', kind: 'token response', sink: '`this.logger.debug`' } }],
    },
    {
      code: "async function refresh(body) {\n  const res = await fetch(tokenUrl, { method: 'POST', body });\n  console.log(await res.json());\n}",
      errors: [{ messageId: 'secretLogged', line: 3, data: { what: 'the awaited token response', kind: 'token response', sink: '`console.log`' } }],
    },
    {
      code: "const ISSUER = process.env.ISSUER;\nasync function refresh(body) {\n  const res = await fetch(`${ISSUER}/oauth2/token`, { method: 'POST', body });\n  const json = await res.json();\n  console.log('got', json);\n}",
      errors: [{ messageId: 'secretLogged', line: 5, data: { what: '`json`', kind: 'token response', sink: '`console.log`' } }],
    },
    {
      code: "async function refresh(body) {\n  const url = new URL('/connect/token', process.env.ISSUER);\n  const res = await fetch(url, { method: 'POST', body });\n  logger.debug('got %s', JSON.stringify(await res.json()));\n}",
      errors: [{ messageId: 'secretLogged', line: 4, data: { what: 'the awaited token response', kind: 'token response', sink: '`logger.debug`' } }],
    },
    {
      code: "async function refresh(body) {\n  const tokens = await fetch(issuer + '/oauth2/token', { method: 'POST', body }).then((r) => r.json());\n  console.log(tokens);\n}",
      errors: [{ messageId: 'secretLogged', line: 3, data: { what: '`tokens`', kind: 'token response', sink: '`console.log`' } }],
    },
    {
      code: "async function refresh(body) {\n  const { data: tokens } = await axios.post(`${this.issuer}/oauth/token`, body);\n  const res = await got.post('https://login.example.com/oauth2/token', { form: body }).json();\n  console.log(tokens);\n}",
      errors: [{ messageId: 'secretLogged', line: 4, data: { what: '`tokens`', kind: 'token response', sink: '`console.log`' } }],
    },
    {
      // openid-client v5 / xero-node: the token response is a `TokenSet`.
      code: "const tokenSet = await client.callback(redirectUri, params, { state });\nconsole.log('tokens', tokenSet);",
      errors: [{ messageId: 'secretLogged', line: 2, column: 23, endLine: 2, endColumn: 31, data: { what: '`tokenSet`', kind: 'token', sink: '`console.log`' } }],
    },
    {
      code: "console.log('client secret:', process.env.KENSIUM_CLIENT_SECRET);",
      errors: [
        {
          messageId: 'secretLogged',
          line: 1,
          column: 31,
          endLine: 1,
          endColumn: 64,
          data: { what: 'process.env.KENSIUM_CLIENT_SECRET', kind: 'client secret', sink: '`console.log`' },
        },
      ],
    },
    {
      // Provenance: a constant read from a secret env var.
      code: "const s = process.env.ACUMATICA_CLIENT_SECRET;\nlogger.debug(`auth with ${s}`);",
      errors: [
        {
          messageId: 'secretLogged',
          line: 2,
          column: 27,
          endLine: 2,
          endColumn: 28,
          data: { what: '`s` (from process.env.ACUMATICA_CLIENT_SECRET)', kind: 'client secret', sink: '`logger.debug`' },
        },
      ],
    },
    {
      // Provenance: the body of a POST to a token endpoint.
      code: "const res = await axios.post('https://idp.example.com/connect/token', body);\nconsole.log('auth', res.data);",
      errors: [{ messageId: 'secretLogged', line: 2, column: 21, endLine: 2, endColumn: 29, data: { what: '`res.data`', kind: 'token response', sink: '`console.log`' } }],
    },
    {
      // Provenance: a whole token response.
      code: "const result = await cca.acquireTokenByClientCredential({ scopes });\nthis.logger.info('token', JSON.stringify(result));",
      errors: [
        {
          messageId: 'secretLogged',
          line: 2,
          column: 42,
          endLine: 2,
          endColumn: 48,
          data: { what: '`result`', kind: 'token response', sink: '`this.logger.info`' },
        },
      ],
    },
    {
      // Provenance: the JSON body read from a fetch to a token endpoint.
      code: "const res = await fetch('https://auth.kensium.example/connect/token', { method: 'POST', body });\nconst tokens = await res.json();\nlog.info({ tokens }, 'refreshed');",
      errors: [
        {
          messageId: 'secretLogged',
          line: 3,
          column: 12,
          endLine: 3,
          endColumn: 18,
          data: { what: '`tokens`', kind: 'token response', sink: '`log.info`' },
        },
      ],
    },
    {
      code: "req.log.info({ accessToken: tokens.access_token }, 'got token');",
      errors: [
        {
          messageId: 'secretLogged',
          line: 1,
          column: 29,
          endLine: 1,
          endColumn: 48,
          data: { what: '`tokens.access_token`', kind: 'token', sink: '`req.log.info`' },
        },
      ],
    },
    {
      // A whole config object that holds a secret.
      code: "const kensium = { tokenUrl, clientId: 'pos-sync', clientSecret: process.env.KENSIUM_CLIENT_SECRET };\nconsole.dir(kensium);",
      errors: [
        {
          messageId: 'secretLogged',
          line: 2,
          column: 13,
          endLine: 2,
          endColumn: 20,
          data: { what: '`kensium` (with `clientSecret`)', kind: 'config object', sink: '`console.dir`' },
        },
      ],
    },
    {
      // The debug package and util.inspect.
      code: "import createDebug from 'debug';\nconst log = createDebug('pos:sync');\nlog('refresh %s', refreshToken);\nutil.inspect({ password });",
      errors: [
        {
          messageId: 'secretLogged',
          line: 3,
          column: 19,
          endLine: 3,
          endColumn: 31,
          data: { what: '`refreshToken`', kind: 'token', sink: 'the debug logger `log`' },
        },
        {
          messageId: 'secretLogged',
          line: 4,
          column: 16,
          endLine: 4,
          endColumn: 24,
          data: { what: '`password`', kind: 'password', sink: '`util.inspect`' },
        },
      ],
    },
    {
      code: 'throw new Error(`Token request rejected for secret ${clientSecret.trim()}`);',
      errors: [
        {
          messageId: 'secretInError',
          line: 1,
          column: 54,
          endLine: 1,
          endColumn: 66,
          data: { what: '`clientSecret`', kind: 'client secret' },
        },
      ],
    },
    {
      // The body of a POST to the token endpoint, destructured from an axios response.
      code: "const { data } = await axios.post(config.tokenUrl, params);\nconsole.log('token response', data);",
      errors: [
        {
          messageId: 'secretLogged',
          line: 2,
          column: 31,
          endLine: 2,
          endColumn: 35,
          data: { what: '`data`', kind: 'token response', sink: '`console.log`' },
        },
      ],
    },
    {
      code: "const res = await http.post('https://erp.example.com/identity/connect/token', form);\nlogger.debug(res);",
      errors: [
        {
          messageId: 'secretLogged',
          line: 2,
          column: 14,
          endLine: 2,
          endColumn: 17,
          data: { what: '`res`', kind: 'token response', sink: '`logger.debug`' },
        },
      ],
    },
    {
      // A custom error with a message built from the secret.
      code: 'throw new PosApiError(401, `rejected client secret ${config.clientSecret}`);',
      errors: [
        {
          messageId: 'secretInError',
          line: 1,
          column: 54,
          endLine: 1,
          endColumn: 73,
          data: { what: '`config.clientSecret`', kind: 'client secret' },
        },
      ],
    },
    {
      // A config object whose password is a parameter, a literal, a constant table's env read or a member of another module.
      code: "function connect(password) {\n  const options = { host: 'db.internal', user: 'pos', password };\n  logger.debug(options, 'connecting');\n}",
      errors: [
        {
          messageId: 'secretLogged',
          line: 3,
          column: 16,
          endLine: 3,
          endColumn: 23,
          data: { what: '`options` (with `password`)', kind: 'config object', sink: '`logger.debug`' },
        },
      ],
    },
    {
      code: `const db = { user: 'pos', password: '${DB_PASSWORD}' };\nconsole.log(db);`,
      errors: [{ messageId: 'secretLogged', line: 2, column: 13, endLine: 2, endColumn: 15, data: { what: '`db` (with `password`)', kind: 'config object', sink: '`console.log`' } }],
    },
    {
      code: "const Secrets = { DB_PASSWORD: process.env.DB_PASSWORD };\nconst db = { password: Secrets.DB_PASSWORD };\nconsole.log(db);\nconsole.log({ refresh_token: Config.REFRESH_TOKEN });",
      errors: [
        { messageId: 'secretLogged', line: 3, column: 13, endLine: 3, endColumn: 15, data: { what: '`db` (with `password`)', kind: 'config object', sink: '`console.log`' } },
        { messageId: 'secretLogged', line: 4, column: 15, endLine: 4, endColumn: 50, data: { what: '`refresh_token`', kind: 'token', sink: '`console.log`' } },
      ],
    },
    {
      // A getter computes the value JSON.stringify writes; a handler imported from elsewhere may be anything.
      code: "import { handlePasswordGrant } from './grants';\nconst db = { get password() { return process.env.DB_PASSWORD; } };\nconst grants = { password: handlePasswordGrant };\nconsole.log(JSON.stringify(db), grants);",
      errors: [
        { messageId: 'secretLogged', line: 4, column: 28, endLine: 4, endColumn: 30, data: { what: '`db` (with `password`)', kind: 'config object', sink: '`console.log`' } },
      ],
    },
    {
      // A logger created without redaction is a sink.
      code: "import pino from 'pino';\nconst logger = pino({ level: 'debug' });\nlogger.info({ clientSecret }, 'configured');",
      errors: [
        {
          messageId: 'secretLogged',
          line: 3,
          column: 15,
          endLine: 3,
          endColumn: 27,
          data: { what: '`clientSecret`', kind: 'client secret', sink: '`logger.info`' },
        },
      ],
    },
  ],
});

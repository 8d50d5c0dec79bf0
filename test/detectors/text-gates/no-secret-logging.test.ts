import { describe, expect, it } from 'vitest';
import { credentialWord, mayReport } from '../../../src/detectors/text-gates/no-secret-logging.js';
import { classifySecretName } from '../../../src/detectors/index.js';

describe('no-secret-logging text gate', () => {
  it.each([
    ['console.log(clientSecret);'],
    ['logger.info(`token: ${accessToken}`);'],
    ['this.logger.debug({ password: config.password });'],
    ['req.log.warn(process.env.ERP_CLIENT_SECRET);'],
    ["console.log(process.env['API_KEY']);"],
    ["console.log(Deno.env.get('ERP_PASSWORD'));"],
    ["console.log({ 'client_secret': value });"],
    ['(this.logger as Logger).info({ secret });'],
    ["this['logger'].info(credentials.apiKey);"],
    ['logger.info<Payload>({ token: session.refreshToken });'],
    ['throw new Error(`Login failed for ${password}`);'],
    ['throw new SyncError(`bad ${apiKey}`);'],
    ['debug(refreshToken);'],
    ['logger.info?.(clientSecret);'],
    ["util.inspect(clientSecret);"],
    ['process.stdout.write(token);'],
    ["import createDebug from 'debug';\nconst log = createDebug('pos:sync');\nlog(session.accessToken);"],
    ["const trace = require('debug')('pos');\ntrace(apiKey);"],
    // Token responses, awaited in the arguments or bound to a constant.
    ['console.log(await cca.acquireTokenByClientCredential(request));'],
    ['const result = await client.grant(params);\nlogger.info(result);'],
    ["const res = await fetch('https://erp.example.com/oauth/token', init);\nconst body = await res.json();\nconsole.log(body);"],
    ["const { data } = await axios.post(tokenUrl, form);\nconsole.log(data);"],
    ["const res = await fetch(`${ISSUER}/oauth2/token`, init);\nconst json = await res.json();\nconsole.log('got', json);"],
    ["const json = await fetch(tokenUrl, init).then((r) => r.json());\nconsole.log(json);"],
    ["const { data } = await firstValueFrom(this.http.post(this.tokenUrl, body));\nthis.logger.debug(JSON.stringify(data));"],
    ['const data: TokenResponse = await exchangeCodeForToken(code);\nconsole.log(data);'],
    // Objects holding a credential, spread or bound to a constant.
    ['const settings = { clientId, clientSecret: process.env.SECRET };\nconsole.log(settings);'],
    ['const auth = { password: input };\nconsole.log({ ...auth, user });'],
  ])('lets %j through', (text) => {
    expect(mayReport(text)).toBe(true);
  });

  it.each([
    // Bundle-like code: credential words outside log arguments, log calls without them.
    ['function next() { const token = lexer.next(); if (token.type === "eof") console.warn("unexpected end of input", pos); return token; }'],
    ['if (!valid) throw new Error("Invalid token: expected " + expected + " at " + pos);'],
    ['var e = { token: t, type: n }; console.error("Warning: %s", componentName);'],
    ['/**\n * const res = await client.getToken(code);\n *   console.log(res.tokens);\n */\nexport declare function getToken(code: string): Promise<void>;'],
    ['// console.log(password)\nconst password = form.password; submit(password);'],
    ['catalog.info(password); dialog.warn(token);'],
    ['const res = await fetch(url); const body = await res.json(); console.log(body);'],
    ['const json = await res.json(); console.log(json); const request = new Request(url); logger.info(request);'],
    ['console.log(token.type, tokens.length);'],
    ["console.error('INVALID_TOKEN', code); var ERR = 'AUTH_TOKEN'; throw new Error(ERR);"],
    ['_proto[SYMBOL] = function () { return this.hasTokens(); }; console.log(_proto);'],
  ])('stops %j', (text) => {
    expect(mayReport(text)).toBe(false);
  });

  it.each(['clientSecret', 'client_secret', 'password', 'passwd', 'apiKey', 'api_key', 'accessToken', 'refresh_token', 'privateKey', 'AUTH_TOKEN', 'webhookSecret', 'bearerToken'])(
    'agrees with classifySecretName on %s',
    (name) => {
      const kind = classifySecretName(name)?.kind;
      expect(credentialWord(name)).toBe(kind !== undefined && kind !== 'client-id');
      expect(mayReport(`console.log(${name});`)).toBe(credentialWord(name));
    },
  );
});

describe('no-secret-logging text gate on shapes the rule does not follow', () => {
  it.each([
    // A constant is followed for a token call, an env read of a credential or a credential key of an object literal.
    ['const value = tokenDescriptor(node);\nconsole.log(value);', false],
    ['const value = process.env.ERP_CLIENT_SECRET;\nlogger.info(value);', true],
    ["const value = Deno.env.get('ERP_PASSWORD');\nlogger.info(value);", true],
    ['const tok = (await cca.acquireTokenByClientCredential(req));\nconsole.log(tok);', true],
    ['const timeout = request.timeout ? now() + request.timeout : undefined;\nlogger.info(timeout);', false],
    ['const validRequest = { ...request, ...(await this.initializeBaseRequest(request)), authority: url };\nlogger.verbose(validRequest);', false],
    ['const o = { source: read(this.currToken[3]), index: n };\nconsole.log(o);', false],
    ['const creds = { password() { return input; } };\nconsole.log(creds);', true],
    ['const creds = { user, password };\nconsole.log(creds);', true],
    ["const creds = { 'api_key': input };\nconsole.log(creds);", true],
    ["const creds = { 'password'() { return input; } };\nconsole.log(creds);", true],
    ['const creds = <Config>{ apiKey: input };\nconsole.log(creds);', true],
    ['const cfg: { a: string } = { password: input };\nconsole.log(cfg);', true],
    ['const res = await (fetch)(tokenUrl, init);\nconsole.log(res);', true],
    ["const tok = await client['grant'](params);\nconsole.log(tok);", true],
    ["const tok = await client['grants'](params);\nconsole.log(tok);", false],
    // A destructured name is followed only when the pattern binds it from a token call.
    ['const { secret, keyId } = cacheRecord.accessToken;\nlogger.info(keyId);', false],
    ['const { tokens } = await this.refreshToken();\nconsole.log(other);', false],
    ['const { access_token: tok } = await client.grant(params);\nconsole.log(tok);', true],
    ['parts.push(`${key}=${encodeURIComponent(value)}`);\nconsole.log(value);', false],
    ['const { data }: AxiosResponse<TokenSet> = await axios.post(tokenUrl, form);\nconsole.log(data);', true],
    ['const { data }: Resp = await axios.post(tokenUrl, form);\nconsole.log(data);', true],
    ['const { data }: Resp = await axios.post(tokenUrl, form);\nconsole.log(other);', false],
    ['const r = flag ? { data } : other\nobj.prop = await axios.post(tokenUrl, form)\nconsole.log(data)', false],
    // A template without expressions is a key or a member name as a string is.
    ['console.log({ [`client_secret`]: value });', true],
    ['const creds = { [`password`]: input };\nconsole.log(creds);', true],
    ['console.log(`INVALID_TOKEN`, code);', false],
    // Only a name read as a whole value is followed to its declaration.
    ['const Names = { CLIENT_SECRET: input };\nlogger.info(Names.CLIENT_SECRET);', false],
    ['const Names = { CLIENT_SECRET: input };\nlogger.info(Names);', true],
    ['const creds = { password: input };\nlogger.info(creds.toString());', true],
    // Upper-case members of upper-case objects are the rule's enum-like constants.
    ['logger.info(`set ${Names.MSI_SECRET} first`);', false],
    ['throw new RangeError(exports.GoogleAuthExceptionMessages.API_KEY_WITH_CREDENTIALS);', false],
    ['logger.info(`set ${names.MSI_SECRET} first`);', true],
    ['logger.info(process.env.MSI_SECRET);', true],
    ['logger.info(config.Env!.MSI_SECRET);', true],
    // The test of a conditional is not logged; its branches are.
    ["throw new TypeError(secret ? 'symmetric key' : 'asymmetric key');", false],
    ["throw new TypeError(ok ? secret : 'none');", true],
    ["console.log(token ?? 'none');", true],
    ['console.log(secret?.trim());', true],
    // A receiver that is a call's result is no logger; a parenthesized one may be.
    ['const span = getTracer().trace(name, { token });', false],
    ['(0, _tracer.getTracer)().trace(name, { token });', false],
    ['if (verbose) (logger as Logger).info({ secret });', true],
    ['return (logger).info(secret);', true],
  ])('%j → %s', (text, expected) => {
    expect(mayReport(text)).toBe(expected);
  });
});

describe('no-secret-logging text gate on member reads', () => {
  it.each([
    ['console.log(token.toString());', true],
    ['console.log(secret.trim());', true],
    ['console.log(this.password);', true],
    ['console.log(token.value);', false],
    ['throw new Error("Unexpected token " + this.token.type);', false],
  ])('%j → %s', (text, expected) => {
    expect(mayReport(text)).toBe(expected);
  });
});

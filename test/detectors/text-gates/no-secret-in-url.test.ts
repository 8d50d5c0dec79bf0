import { describe, expect, it } from 'vitest';
import { SECRET_QUERY_PARAMETERS } from '../../../src/catalogue/flows.js';
import { mayReport } from '../../../src/detectors/text-gates/no-secret-in-url.js';

describe('no-secret-in-url text gate', () => {
  it.each([
    ["const url = `${base}/oauth/token?grant_type=client_credentials&client_secret=${secret}`;"],
    ["const url = 'https://erp.example.com/api/orders?password=' + password;"],
    ["fetch(tokenUrl + '&client-secret=' + secret);"],
    ["const q = `?access_token=${token}`;"],
    ["const q = '?refreshToken=' + refresh;"],
    ["const q = '?API_KEY=' + key;"],
    ["const q = '?client%5Fsecret=' + secret;"],
    // The name held by a constant and joined to the `=` by concatenation.
    ["const PARAM = 'client_secret';\nconst url = base + '?' + PARAM + '=' + secret;"],
    // `searchParams` writes and query objects.
    ["const PARAM = 'access_token';\nurl.searchParams.set(PARAM, token);"],
    ["url.searchParams.append('password', password);"],
    ["await got(tokenUrl, { searchParams: { client_secret: secret } });"],
    ["import axios from 'axios';\nconst query = { api_key: key };\nawait axios.get(url, { params: query });"],
    ["import request from 'superagent';\nawait request.get(url).query({ accessToken });"],
    // A query built apart (a key, a shorthand key, a `.set/.append` name) and joined to a URL.
    ['const params = new URLSearchParams({ client_id: id, client_secret: secret });\nawait fetch(`${tokenUrl}?${params}`);'],
    ['const params = new URLSearchParams({ client_id, client_secret });\nawait fetch(`${tokenUrl}?grant_type=x&${params}`);'],
    ["const query = { 'api-key': key };\nconst url = ordersUrl + '?' + new URLSearchParams(query);"],
    ["const query = new URLSearchParams();\nquery.set('client_secret', secret);\nreturn fetch(`${tokenUrl}?` + query);"],
    ["const qs = querystring.stringify({ access_token: token });\nawait axios.get(apiUrl + \"&\" + qs);"],
    ["const params = new URLSearchParams();\nparams.append( 'refresh_token', token);\nurl.search = params.toString();"],
    ['const params = new URLSearchParams({\n  client_id,\n  // confidential client\n  client_secret\n});\nconst q = params.toString();\nreturn `${tokenUrl}?${q}`;'],
    ["const params = new URLSearchParams({ ['client_secret']: secret });\nconst url = `${tokenUrl}?${String(params)}`;"],
    ['const pos = { query: { api_key: key } };\nconst search = new URLSearchParams(pos.query);\nawait fetch(`${posUrl}?${search}`);'],
  ])('lets %j through', (text) => {
    expect(mayReport(text)).toBe(true);
  });

  it.each([
    // Bundle-like code: the words without the query shapes.
    ['if ("password" === input.type || "url" === input.type) return true; var e = "data-" + r + \'="\' + v;'],
    ['const accessToken = await getAccessToken(); headers.Authorization = `Bearer ${accessToken}`;'],
    ['const body = new URLSearchParams({ client_secret: secret }); await fetch(url, { method: "POST", body });'],
    ["interface Request { searchParams?: Params; password?: string }"],
    ['/**\n * //   "searchParams": {},\n * //   "password": "my_password"\n */\nexport declare function list(): void;'],
    ['const passwordless = "?passwords=1"; const x = "?mypassword=1";'],
    ['switch (kind) { case "password": return f("apiKey"); }'],
    ['for (const e of keys) if (/password|secret/.test(e)) url.searchParams.set(e, "redacted"); r.password = "";'],
    // A query built apart with a secret key, but nothing joined to a `?` / `&` or `.search`.
    ['const params = new URLSearchParams({ client_secret: secret });\nawait fetch(tokenUrl, { method: "POST", body: params });\nif (url.search === "") log(url);'],
    // Joined to a `?`, but the name is no key or `.set` argument, or nothing builds a query.
    ['const params = new URLSearchParams({ client_id });\nconst password = input.password;\nlog(params.get("password"));\nres.redirect(`${authorizeUrl}?${params}`);'],
    ['const body = { client_secret: secret };\nres.redirect(`${authorizeUrl}?${query}`);'],
    // A builder joined to a URL, and a secret key in an object no builder reads (a destructuring, another call's options).
    ['const { username, password } = new URL(input);\nconst params = new URLSearchParams({ pathname });\nawait requestApi(`/mpu?${params.toString()}`);\nlogin({ password });'],
    // A secret `.set` on something that is no builder variable.
    ["const params = new URLSearchParams({ state });\nheaders.set('api-key', key);\nres.redirect(`${authorizeUrl}?${params}`);"],
  ])('stops %j', (text) => {
    expect(mayReport(text)).toBe(false);
  });

  it.each([
    // `searchParams` that is no option key resolving to an object: a typed declaration, a class field, a member read, a call.
    ['let searchParams: URLSearchParams;\nxhr.open(method, url, async, user, request.password);', false],
    ['class NextURL { private searchParams: URLSearchParams; password = ""; }', false],
    ['const json = { password: this.password, searchParams: this.searchParams, };', false],
    ['oauth.validate(as, c, currentUrl.searchParams, checks);\nconst password = input.password;', false],
    ['const options = { searchParams: build(query) };\nconst password = input.password;', false],
    // Object keys whose value may resolve to a query object with the name.
    ['const query = { password: input.password };\nawait got(url, { searchParams: query });', true],
    ['const searchParams = { password: input.password };\nawait got(url, { retries, searchParams });', true],
    ['await got(url, { searchParams: { password: input.password } });', true],
    ['await got(url, { searchParams: options.query, password });', true],
  ])('%j → %s', (text, expected) => {
    expect(mayReport(text)).toBe(expected);
  });

  it.each([
    // Names in any case and with any separators, percent-encoded ones included, as the rule lower-cases them.
    ['const url = `${base}?Client_Secret=${value}`;', true],
    ['const url = `${base}?PASS%5fWORD=${value}`;', true],
    ['const url = `${base}?refresh--Token=${value}`;', true],
    ['const url = `${base}?api\u212aey=${value}`;', true],
    ['const url = `${base}?apikeys=${value}`;', false],
    ['const url = `${base}?access_tokens=${value}`;', false],
    ['const url = `${base}?secret=${value}`;', false],
  ])('%j → %s', (text, expected) => {
    expect(mayReport(text)).toBe(expected);
  });

  it.each([...SECRET_QUERY_PARAMETERS.values()])('lets a query string with every secret parameter of the catalogue through (%s)', (name) => {
    expect(mayReport(`const url = \`\${base}?${name}=\${value}\`;`)).toBe(true);
    expect(mayReport(`const url = \`\${base}?not_${name}s=\${value}\`;`)).toBe(false);
  });
});

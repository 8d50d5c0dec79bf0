import { describe, expect, it } from 'vitest';
import { classifySecretValue, isHarmlessValueKind } from '../../src/detectors/index.js';

/** Fake secrets are assembled from fragments so no whole token sits in the repository as one string. */
const join = (...parts: string[]): string => parts.join('');

describe('classifySecretValue', () => {
  it.each([
    ['', 'empty'],
    ['   ', 'empty'],
  ])('classifies %j as %s', (value, kind) => {
    expect(classifySecretValue(value).kind).toBe(kind);
  });

  it.each([
    'YOUR_CLIENT_SECRET',
    'your-client-secret',
    '<client-secret>',
    '<your secret here>',
    '[CLIENT_SECRET]',
    'changeme',
    'CHANGE_ME',
    'xxxxxxxxxxxxxxxx',
    'XXXX-XXXX-XXXX',
    '***',
    '********',
    '${SECRET}',
    '${CLIENT_SECRET}',
    '{{ secrets.KENSIUM_CLIENT_SECRET }}',
    '${{ secrets.KENSIUM_CLIENT_SECRET }}',
    '$CLIENT_SECRET',
    '%CLIENT_SECRET%',
    'TODO',
    'REDACTED',
    'sk_live_xxxxxxxxxxxxxxxxxxxxxxxx',
    'xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx',
    'insert-your-secret-here',
    '__CLIENT_SECRET__',
  ])('classifies the placeholder %j as placeholder', (value) => {
    const result = classifySecretValue(value, { name: 'clientSecret' });
    expect(result.kind).toBe('placeholder');
    expect(isHarmlessValueKind(result.kind)).toBe(true);
  });

  it.each([
    'env:KENSIUM_CLIENT_SECRET',
    'vault:secret/data/kensium#client_secret',
    'arn:aws:secretsmanager:us-east-1:123456789012:secret:kensium/pos-AbCdEf',
    'projects/pos-sync/secrets/kensium-client-secret/versions/latest',
    'https://pos-sync-kv.vault.azure.net/secrets/kensium-client-secret',
    '@Microsoft.KeyVault(SecretUri=https://pos-sync-kv.vault.azure.net/secrets/x/)',
    'op://Integrations/Kensium POS/client secret',
    'process.env.KENSIUM_CLIENT_SECRET',
  ])('classifies the reference %j as reference', (value) => {
    expect(classifySecretValue(value).kind).toBe('reference');
  });

  it.each(['test-secret', 'foo', 'password123', 'test_client_secret', 'fake-token', 'dummy-api-key', 'secret'])(
    'classifies %j as a dummy in a test file and as weak elsewhere',
    (value) => {
      expect(classifySecretValue(value, { isTestFile: true }).kind).toBe('dummy');
      const outside = classifySecretValue(value, { isTestFile: false });
      expect(outside.kind).toBe('weak');
      expect(isHarmlessValueKind(outside.kind)).toBe(false);
    },
  );

  it('treats credential-shaped values in test files as credentials, not dummies', () => {
    const value = join('q8Zv2LmN', 'x4Rt7YpK', 'w1Bs9DfH', '3JcA0eUg');
    expect(classifySecretValue(value, { isTestFile: true }).kind).toBe('credential');
  });

  it('takes password hashes for what a login is checked against, not a credential', () => {
    for (const hash of [
      join('$2b$12$', 'KIXQJfZ1yHq5sFv4J9oQ7eXo8x1Y2Z3a4B5c6D7e8F9g0H1i2J3k4'),
      join('$argon2id$v=19$m=65536,t=3,p=4$', 'c2FsdHNhbHRzYWx0', '$', 'Zq8vL2mNx4Rt7YpKw1Bs9DfH3JcA0eUgQ7'),
      join('$6$rounds=5000$', 'saltsalt', '$', 'Zq8vL2mNx4Rt7YpKw1Bs9DfH3JcA0eUgZq8vL2mNx4Rt7YpKw1Bs9DfH3JcA0eUgZq8vL2mNx4Rt7Yp'),
    ]) {
      expect(classifySecretValue(hash)).toMatchObject({ kind: 'not-secret', format: 'password-hash' });
    }
    // The prefix alone is no hash.
    expect(classifySecretValue(join('$2b$12$', 'Zq8vL2mN'))).not.toMatchObject({ format: 'password-hash' });
  });

  it("takes an environment variable's name standing for the value it names for a placeholder, even at a sink", () => {
    expect(classifySecretValue('OAUTH_CLIENT_SECRET', { name: 'client_secret', atSink: true }).kind).toBe('placeholder');
    expect(classifySecretValue('POS_CLIENT_ID', { name: 'clientId', atSink: true }).kind).toBe('placeholder');
    // Not a name of the value: still a value.
    expect(classifySecretValue(join('ZQ8VL2MN', '_X4RT7YPK'), { name: 'client_secret', atSink: true }).kind).not.toBe('placeholder');
  });

  it("takes a schema's type where the value goes for a placeholder", () => {
    for (const type of ['?string', '?PasswordPolicies', 'string', '?string[]']) expect(classifySecretValue(type, { name: 'consumerSecret', atSink: true }).kind).toBe('placeholder');
    expect(classifySecretValue(join('?Zq8vL2mN', 'x4Rt7YpK=w1')).kind).not.toBe('placeholder');
  });

  it('takes a key or message template with a slot for a placeholder', () => {
    for (const template of ['refresh_tokens:%s', 'oauth:access_token:%s:%d', 'tokens/{0}', 'session-{}']) expect(classifySecretValue(template).kind).toBe('placeholder');
    // A percent sign inside a value is no slot.
    expect(classifySecretValue(join('Zq8v%sL2mN', 'x4Rt7YpKw1Bs')).kind).not.toBe('placeholder');
  });

  it('recognises hex secrets, which entropy-only tools miss', () => {
    const hex = join('9f86d081', '884c7d65', '9a2feaa0', 'c55ad015');
    const result = classifySecretValue(hex);
    expect(result).toMatchObject({ kind: 'credential', format: 'hex', confidence: 'high' });
    const shortHex = join('4f2a9c1e', '77b3d058');
    expect(classifySecretValue(shortHex)).toMatchObject({ kind: 'credential', format: 'hex', confidence: 'medium' });
  });

  it('recognises GUID-shaped secrets and Acumatica client ids', () => {
    expect(classifySecretValue(join('3f2504e0-4f89-11d3', '-9a0c-0305e82c3301'))).toMatchObject({ kind: 'credential', format: 'guid' });
    expect(classifySecretValue(join('88358B02-A48D-A50E', '-F710-39C1636C30F6@MyTenant'))).toMatchObject({
      kind: 'credential',
      format: 'acumatica-client-id',
    });
  });

  it('recognises base64 and random credential-shaped values', () => {
    expect(classifySecretValue(join('dGhpcyBpcyBh', 'IHJhbmRvbSBr', 'ZXkgMTIzNDU2Nzg5MA=='))).toMatchObject({ kind: 'credential', format: 'base64' });
    expect(classifySecretValue(join('Kp9#mW2$', 'vL7!qR4x'))).toMatchObject({ kind: 'credential', format: 'random' });
  });

  it.each([
    ['a GitHub token', join('ghp_', 'a1B2c3D4e5F6g7H8i9J0', 'k1L2m3N4o5P6q7R8'), 'github-token'],
    ['a Slack token', join('xoxb-', '123456789012-', '1234567890123-', 'AbCdEfGhIjKlMnOpQrStUvWx'), 'slack-token'],
    ['a Google OAuth client secret', join('GOCSPX-', 'q8Zv2LmNx4Rt7YpK', 'w1Bs9DfH3JcA'), 'google-oauth-client-secret'],
    ['an Azure AD client secret', join('abc8Q~', 'q8Zv2LmNx4Rt7YpKw1Bs9DfH3JcA0eUg_'), 'azure-ad-client-secret'],
    ['a Stripe key', join('sk_live_', '4eC39HqLyjWDarjtT1zdp7dc'), 'stripe-secret-key'],
    ['a JWT', join('eyJhbGciOiJIUzI1NiJ9', '.eyJzdWIiOiJwb3Mtc3luYyJ9', '.q8Zv2LmNx4Rt7YpKw1Bs9DfH3JcA0eUg'), 'jwt'],
    [
      'a private key',
      join('-----BEGIN RSA PRIVATE KEY-----\n', 'MIIEpAIBAAKCAQEA'.repeat(8), '\n-----END RSA PRIVATE KEY-----'),
      'private-key',
    ],
  ])('recognises %s as a known format', (_label, value, format) => {
    expect(classifySecretValue(value)).toMatchObject({ kind: 'known-format', format, confidence: 'high' });
  });

  it.each([
    ['https://pos.example.com/identity/connect/token', 'url'],
    ['./keys/kensium-private.pem', 'path'],
    ['Please enter the client secret for the POS.', 'prose'],
  ])('classifies %j as not a secret', (value, format) => {
    expect(classifySecretValue(value)).toMatchObject({ kind: 'not-secret', format });
  });

  it('recognises an AWS secret access key next to its name', () => {
    const key = join('wJalrXUtnFEMI/K7MDENG/', 'bPxRfiCYq8Zv2LmNx4');
    expect(key).toHaveLength(40);
    expect(classifySecretValue(key, { name: 'secretAccessKey' })).toMatchObject({ kind: 'known-format', format: 'aws-secret-access-key' });
  });

  it('reports a URL with an embedded password', () => {
    expect(classifySecretValue(join('https://svc-pos:', 'Zq8vL2mN7x', '@erp.example.com/entity'))).toMatchObject({ kind: 'known-format', format: 'basic-auth' });
    expect(classifySecretValue(join('https://svc-pos:', 'Zq8v.L2mN7x!', '@erp.example.com/entity'))).toMatchObject({ kind: 'credential', format: 'url-with-password' });
    expect(classifySecretValue('https://svc-pos:<password>@erp.example.com/entity').kind).toBe('placeholder');
  });

  it('calls short and dictionary values weak, not harmless', () => {
    expect(classifySecretValue('keyboard cat')).toMatchObject({ kind: 'weak' });
    expect(classifySecretValue('pos2024')).toMatchObject({ kind: 'weak', reason: 'a short value' });
  });

  it('never puts the value into the reason', () => {
    const value = join('q8Zv2LmN', 'x4Rt7YpK', 'w1Bs9DfH');
    expect(classifySecretValue(value).reason).not.toContain(value);
  });

  it('survives very large values', () => {
    expect(classifySecretValue('a'.repeat(100_000)).kind).toBe('placeholder');
    expect(classifySecretValue('ab'.repeat(50_000)).kind).toBe('not-secret');
  });
});

describe('classifySecretValue with a name', () => {
  it('takes a value that only repeats its own name for a label', () => {
    expect(classifySecretValue('client secret', { name: 'client-secret' })).toMatchObject({ kind: 'not-secret', format: 'label' });
    expect(classifySecretValue('Client Secret', { name: 'clientSecret' })).toMatchObject({ kind: 'not-secret', format: 'label' });
    expect(classifySecretValue('secret', { name: 'secret' }).kind).toBe('weak');
    expect(classifySecretValue('hunter2', { name: 'password' }).kind).toBe('weak');
  });
});

describe('classifySecretValue on shapes seen in library code', () => {
  it.each([
    ['refresh_token', 'REFRESH_TOKEN'],
    ['brk_client_id', 'BROKER_CLIENT_ID'],
    ['clientid', 'MANAGED_IDENTITY_CLIENT_ID_2017'],
    ['ClientSecretPost', 'ClientSecretPost'],
    ['refreshTokenClientAcquireToken', 'RefreshTokenClientAcquireToken'],
  ])('takes %j, itself a credential parameter name, for a label of %s', (value, name) => {
    expect(classifySecretValue(value, { name })).toMatchObject({ kind: 'not-secret', format: 'label' });
  });

  it('does not read a value passed to a sink as a label', () => {
    expect(classifySecretValue('refresh_token', { name: 'token', atSink: true }).kind).not.toBe('not-secret');
  });

  it.each([
    ['urn:ietf:params:oauth:grant-type:jwt-bearer', 'urn'],
    ['urn:ietf:params:oauth:token-type:id_token', 'urn'],
    ["[a-z0-9!#$%&'*+-.^_`|~]+", 'regex'],
    ['^Bearer\\s+(.+)$', 'regex'],
  ])('classifies %j as not a secret (%s)', (value, format) => {
    expect(classifySecretValue(value, { name: 'token' })).toMatchObject({ kind: 'not-secret', format });
  });

  it.each(['compute-placeholder', 'jwt-placeholder', 'REDACTED_TOKEN'])('classifies %j as a placeholder', (value) => {
    expect(classifySecretValue(value, { name: 'refresh_token' }).kind).toBe('placeholder');
  });

  it('still reads a single-word value as a weak secret, not a label', () => {
    expect(classifySecretValue('secret', { name: 'secret' }).kind).toBe('weak');
  });
});

describe('readable names', () => {
  it.each(['msal.cache.encryption', 'public-client', 'kensium-pos-sync', 'AuthenticatorMethodSimple', 'InlineHookOAuthClientSecretConfig', 'passwordPolicy'])(
    'calls %j a weak readable name, not a random value',
    (value) => {
      expect(classifySecretValue(value)).toMatchObject({ kind: 'weak', format: 'words' });
    },
  );

  it.each(['Zq8vL2mNx4Rt7YpKw1Bs9DfH', 'kensium2pos', 'T7vqL9xRm2Wp4z8K'])('does not call %j a readable name', (value) => {
    expect(classifySecretValue(value).format).not.toBe('words');
  });
});

describe('text in a natural language', () => {
  // Translation files and UI constants put labels under credential keys: de.json, pl.ts, es.json.
  it.each([
    ['Zugangsschlüssel', 'token'],
    ['API-Schlüssel', 'apiKey'],
    ['Geheimnis', 'secret'],
    ['Client-Geheimnis', 'clientSecret'],
    ['Secreto', 'secret'],
    ['Sekret klienta', 'clientSecret'],
    ['Klucz API', 'apiKey'],
    ['Token dostępu', 'accessToken'],
    ['Hasło', 'password'],
    ['Contraseña', 'password'],
    ['Żeton', 'token'],
    ["Jeton d'accès", 'accessToken'],
    ['Секрет клиента', 'clientSecret'],
    ['クライアントシークレット', 'clientSecret'],
  ])('takes %j under %s for text, not a secret', (value, name) => {
    expect(classifySecretValue(value, { name })).toMatchObject({ kind: 'not-secret', format: 'text' });
  });

  it('reads the same text passed to a sink as a weak secret: it is used as one', () => {
    expect(classifySecretValue('Geheimnis', { name: 'secret', atSink: true })).toMatchObject({ kind: 'weak', format: 'phrase' });
    expect(classifySecretValue('Zugangsschlüssel', { name: 'secret', atSink: true })).toMatchObject({ kind: 'weak', format: 'phrase' });
  });

  // What hand-made passwords look like stays a weak secret: digits or symbols, lower-case phrases,
  // English dictionary words.
  it.each(['Summer2024!', 'P@ssw0rd', 'hunter2', 'super secret', 'geheim', 'Secret', 'Password', 'keyboard cat', 'Geheim123'])('keeps %j a weak secret', (value) => {
    expect(classifySecretValue(value, { name: 'clientSecret' }).kind).toBe('weak');
  });

  it('does not take letters with digits for text, in any script', () => {
    expect(isHarmlessValueKind(classifySecretValue('Schlüssel2024', { name: 'clientSecret' }).kind)).toBe(false);
  });

  it.each([join('Zq8vL2mN', '-x4Rt7YpK'), join('Abcdef', 'GhIj-Klm'), join('q8Zv2LmN', 'x4Rt7YpK', 'w1Bs9DfH')])('does not take the random value %j for text', (value) => {
    expect(classifySecretValue(value, { name: 'clientSecret' }).kind).toBe('credential');
  });
});

describe('URLs with a local default password', () => {
  it.each([
    'postgres://postgres:postgres@localhost:5432/test',
    'postgres://postgres:postgres@db:5432/app',
    'postgresql://app:app@127.0.0.1/app_dev',
    'mysql://root:root@localhost:3306/shop',
    'mysql://root:password@mysql/shop',
    'mongodb://admin:admin@localhost:27017',
    'mongodb://mongo:mongo123@mongo:27017/app?authSource=admin',
    'amqp://guest:guest@localhost:5672',
    'redis://:redispass@localhost:6379',
    'postgres://app:app_password@db/app',
    'postgres://sa:test@localhost/db',
    'mongodb://app:app@mongo-0:27017,mongo-1:27017/app',
    'postgres://postgres:postgres@host.docker.internal:5432/app',
  ])('takes %j for a dummy on a local host', (value) => {
    expect(classifySecretValue(value, { name: 'DATABASE_URL' })).toMatchObject({ kind: 'dummy' });
  });

  it.each([
    // Assembled, so that the repository's own lint does not take them for committed credentials.
    ['postgres://postgres:', 'postgres@orders.db.acme-erp.com:5432/app'].join(''),
    ['mongodb://app:', 'app@cluster0.ab1cd.mongodb.net/app'].join(''),
    ['mysql://shop:', 'shop_password@10.20.0.15/shop'].join(''),
    ['https://user:', 'pass@example.com/x'].join(''),
  ])('does not take the image default %j on a routable host for a dummy', (value) => {
    expect(classifySecretValue(value, { name: 'DATABASE_URL' }).kind).not.toBe('dummy');
  });

  it('takes a placeholder password for a placeholder', () => {
    expect(classifySecretValue('postgres://user:changeme@db/app').kind).toBe('placeholder');
  });

  it('still reports a random password in a URL, localhost included', () => {
    expect(classifySecretValue(join('postgres://postgres:', 'Xk29fjQp', 'L0aZ@localhost:5432/test')).kind).toBe('known-format');
    expect(classifySecretValue(join('amqp://guest:', 'Xk29fjQp', 'L0aZ@localhost')).kind).toBe('credential');
    expect(classifySecretValue(join('mysql://root:', 'hunter2-', 'Vx81@localhost/db')).kind).not.toBe('dummy');
  });
});

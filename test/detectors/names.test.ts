import { describe, expect, it } from 'vitest';
import { classifySecretName, kindWithArticle, splitIdentifierWords } from '../../src/detectors/index.js';

describe('splitIdentifierWords', () => {
  it.each([
    ['clientSecret', ['client', 'secret']],
    ['KENSIUM_CLIENT_SECRET', ['kensium', 'client', 'secret']],
    ['client-secret', ['client', 'secret']],
    ['clientID', ['client', 'id']],
    ['APIKey', ['api', 'key']],
    ['apikey', ['api', 'key']],
    ['secretAccessKey', ['secret', 'access', 'key']],
  ])('splits %s', (name, words) => {
    expect(splitIdentifierWords(name)).toEqual(words);
  });
});

describe('classifySecretName', () => {
  it.each([
    ['clientSecret', 'client-secret'],
    ['client_secret', 'client-secret'],
    ['KENSIUM_CLIENT_SECRET', 'client-secret'],
    ['ACUMATICA_CLIENT_SECRET', 'client-secret'],
    ['consumerSecret', 'client-secret'],
    ['clientId', 'client-id'],
    ['clientID', 'client-id'],
    ['client_id', 'client-id'],
    ['password', 'password'],
    ['passwd', 'password'],
    ['DB_PASS', 'password'],
    ['tokenSet', 'token'],
    ['TokenSet', 'token'],
    ['apiKey', 'api-key'],
    ['x-api-key', 'api-key'],
    ['secretAccessKey', 'api-key'],
    ['AWS_SECRET_ACCESS_KEY', 'api-key'],
    // Not Kubernetes Secret references: the key itself, and a secret that merely exists.
    ['secretKey', 'api-key'],
    ['SECRET_KEY', 'api-key'],
    ['token', 'token'],
    ['accessToken', 'token'],
    ['refresh_token', 'token'],
    ['authorization', 'token'],
    ['privateKey', 'private-key'],
    ['secretOrPrivateKey', 'signing-secret'],
    ['secretOrKey', 'signing-secret'],
    ['sessionSecret', 'signing-secret'],
    ['JWT_SECRET', 'signing-secret'],
    ['AUTH_SECRET', 'signing-secret'],
    ['NEXTAUTH_SECRET', 'signing-secret'],
    ['cookieSecret', 'signing-secret'],
    ['secret', 'secret'],
  ])('names %s a %s', (name, kind) => {
    expect(classifySecretName(name)?.kind).toBe(kind);
  });

  it.each([
    'tokenUrl',
    'tokenURL',
    'tokenEndpoint',
    'token_endpoint',
    'secretName',
    'passwordField',
    'isSecret',
    'hasPassword',
    'secretRef',
    // Kubernetes Secret references in Helm values and manifests.
    'existingSecret',
    'existingSecretKey',
    'existingSecretPasswordKey',
    'existingSecretName',
    'secretKeyRef',
    'secretProviderClass',
    'passwordSecretName',
    'tokenSecretRef',
    'clientSecretRef',
    'jwtSecretKeyRef',
    'nextPageToken',
    'pageToken',
    'cancelToken',
    'csrfToken',
    'maxTokens',
    'tokens',
    'tokenizer',
    'accessKeyId',
    'tokenType',
    'passwordPolicy',
    'clientSecretExpiresAt',
    'tokenEndpointAuthMethod',
    'secretClient',
    'tokenKey',
    'sessionKey',
    'key',
    'author',
    'bypass',
    'passThrough',
    'showPassword',
    'passwordLabel',
    'tokenRenewalOffsetSeconds',
    'issuerTokenAlgs',
    'PASSWORD_CHANGE_FAILED',
    'refreshTokenRetries',
    'hashedPassword',
    'OAuthAccessTokenTable',
    'passwordPolicies',
    'refreshTokenModel',
    // Word lists and alphabets about passwords: `DEFAULT_PASSWORD_WORDS = 'postgres|root|…'`.
    'DEFAULT_PASSWORD_WORDS',
    'passwordChars',
    'COMMON_PASSWORDS_DICTIONARY',
    'tokenAlphabet',
  ])('does not take %s for a credential name', (name) => {
    expect(classifySecretName(name)).toBeUndefined();
  });
});

describe('splitIdentifierWords on Object.prototype names', () => {
  it.each(['constructor', 'toString', 'hasOwnProperty', '__proto__'])('splits %s without reading the prototype', (name) => {
    expect(() => splitIdentifierWords(name)).not.toThrow();
    expect(classifySecretName(name)).toBeUndefined();
  });

  it('does not take a `…Match` pattern for a token', () => {
    expect(classifySecretName('tokenMatch')).toBeUndefined();
  });
});

describe('kindWithArticle', () => {
  it('puts the article that the label needs before it', () => {
    expect(kindWithArticle('api-key')).toBe('an API key');
    expect(kindWithArticle('client-secret')).toBe('a client secret');
    expect(kindWithArticle('private-key')).toBe('a private key');
    expect(kindWithArticle('token')).toBe('a token');
  });
});

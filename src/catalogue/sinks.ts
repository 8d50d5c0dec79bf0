/**
 * Sink rows: library APIs that receive a credential, one row per sink of the sinks reference §1
 * (section numbers in `source`). Data only: `lookupSink` and the rules read these rows, and the
 * scanner matches the same rows against declarations in `node_modules/<pkg>/`.
 */
import type { HttpClientRow, SinkRow, SinkSlot } from './types.js';

const OIDC_METADATA_SLOTS: readonly SinkSlot[] = [
  { arg: 1, kind: 'client-id' },
  { arg: 2, when: 'string', kind: 'client-secret' },
  { arg: 2, path: ['client_secret'], kind: 'client-secret' },
];

const CLIENT_SECRET_ARG0: readonly SinkSlot[] = [{ arg: 0, kind: 'client-secret' }];

/** `{ clientId, clientSecret }` in the first argument: the most common options shape. */
const CAMEL_CLIENT_OPTIONS: readonly SinkSlot[] = [
  { arg: 0, path: ['clientId'], kind: 'client-id' },
  { arg: 0, path: ['clientSecret'], kind: 'client-secret' },
];

const SIGNING_SECRET_ARG1: readonly SinkSlot[] = [{ arg: 1, kind: 'signing-secret', envName: 'JWT_SECRET' }];

export const SINK_ROWS: readonly SinkRow[] = [
  // §1 #1 openid-client v6
  { id: 'openid-client/discovery', modules: ['openid-client'], path: ['discovery'], invocation: 'call', label: 'discovery', slots: OIDC_METADATA_SLOTS, source: '§1.0 #1' },
  { id: 'openid-client/Configuration', modules: ['openid-client'], path: ['Configuration'], invocation: 'new', label: 'Configuration', slots: OIDC_METADATA_SLOTS, source: '§1.0 #1b' },
  { id: 'openid-client/ClientSecretPost', modules: ['openid-client'], path: ['ClientSecretPost'], invocation: 'call', label: 'ClientSecretPost', slots: CLIENT_SECRET_ARG0, source: '§1.0 #1c' },
  { id: 'openid-client/ClientSecretBasic', modules: ['openid-client'], path: ['ClientSecretBasic'], invocation: 'call', label: 'ClientSecretBasic', slots: CLIENT_SECRET_ARG0, source: '§1.0 #1c' },
  { id: 'openid-client/ClientSecretJwt', modules: ['openid-client'], path: ['ClientSecretJwt'], invocation: 'call', label: 'ClientSecretJwt', slots: CLIENT_SECRET_ARG0, source: '§1.0 #1c' },
  { id: 'openid-client/PrivateKeyJwt', modules: ['openid-client'], path: ['PrivateKeyJwt'], invocation: 'call', label: 'PrivateKeyJwt', slots: [{ arg: 0, kind: 'private-key' }], source: '§1.0 #1d' },
  // §1 #2 openid-client v5: `new issuer.Client({ client_id, client_secret })`
  {
    id: 'openid-client/Issuer#Client',
    modules: ['openid-client'],
    path: ['Issuer'],
    method: 'Client',
    factories: ['discover'],
    invocation: 'new',
    label: 'issuer.Client',
    slots: [
      { arg: 0, path: ['client_id'], kind: 'client-id' },
      { arg: 0, path: ['client_secret'], kind: 'client-secret' },
    ],
    source: '§1.0 #2',
  },
  // §1 #3 oauth4webapi
  { id: 'oauth4webapi/ClientSecretPost', modules: ['oauth4webapi'], path: ['ClientSecretPost'], invocation: 'call', label: 'ClientSecretPost', slots: CLIENT_SECRET_ARG0, source: '§1.0 #3' },
  { id: 'oauth4webapi/ClientSecretBasic', modules: ['oauth4webapi'], path: ['ClientSecretBasic'], invocation: 'call', label: 'ClientSecretBasic', slots: CLIENT_SECRET_ARG0, source: '§1.0 #3' },
  { id: 'oauth4webapi/ClientSecretJwt', modules: ['oauth4webapi'], path: ['ClientSecretJwt'], invocation: 'call', label: 'ClientSecretJwt', slots: CLIENT_SECRET_ARG0, source: '§1.0 #3' },
  // §1 #4 simple-oauth2
  ...['ClientCredentials', 'AuthorizationCode', 'ResourceOwnerPassword'].map(
    (name): SinkRow => ({
      id: `simple-oauth2/${name}`,
      modules: ['simple-oauth2'],
      path: [name],
      invocation: 'new',
      label: name,
      slots: [
        { arg: 0, path: ['client', 'id'], kind: 'client-id' },
        { arg: 0, path: ['client', 'secret'], kind: 'client-secret' },
      ],
      source: '§1.0 #4',
    }),
  ),
  // §1 #5 @azure/msal-node
  {
    id: '@azure/msal-node/ConfidentialClientApplication',
    modules: ['@azure/msal-node'],
    path: ['ConfidentialClientApplication'],
    invocation: 'new',
    label: 'ConfidentialClientApplication',
    slots: [
      { arg: 0, path: ['auth', 'clientId'], kind: 'client-id', envName: 'AZURE_CLIENT_ID' },
      { arg: 0, path: ['auth', 'clientSecret'], kind: 'client-secret', envName: 'AZURE_CLIENT_SECRET' },
      { arg: 0, path: ['auth', 'clientCertificate', 'privateKey'], kind: 'private-key' },
      { arg: 0, path: ['auth', 'clientAssertion'], kind: 'token' },
    ],
    source: '§1.0 #5',
  },
  // §1 #6 @azure/identity (env names from EnvironmentCredential)
  {
    id: '@azure/identity/ClientSecretCredential',
    modules: ['@azure/identity'],
    path: ['ClientSecretCredential'],
    invocation: 'new',
    label: 'ClientSecretCredential',
    slots: [
      { arg: 1, kind: 'client-id', envName: 'AZURE_CLIENT_ID' },
      { arg: 2, kind: 'client-secret', envName: 'AZURE_CLIENT_SECRET' },
    ],
    source: '§1.0 #6',
  },
  {
    id: '@azure/identity/UsernamePasswordCredential',
    modules: ['@azure/identity'],
    path: ['UsernamePasswordCredential'],
    invocation: 'new',
    label: 'UsernamePasswordCredential',
    slots: [
      { arg: 1, kind: 'client-id', envName: 'AZURE_CLIENT_ID' },
      { arg: 3, kind: 'password', envName: 'AZURE_PASSWORD' },
    ],
    source: '§1.0 #6b',
  },
  // §1 #7 google-auth-library and googleapis
  ...[
    { module: 'google-auth-library', path: ['OAuth2Client'], label: 'OAuth2Client' },
    { module: 'googleapis', path: ['google', 'auth', 'OAuth2'], label: 'google.auth.OAuth2' },
  ].map(
    ({ module, path, label }): SinkRow => ({
      id: `${module}/${path.join('.')}`,
      modules: [module],
      path,
      invocation: 'new',
      label,
      slots: [
        { arg: 0, when: 'string', kind: 'client-id', envName: 'GOOGLE_CLIENT_ID' },
        { arg: 1, kind: 'client-secret', envName: 'GOOGLE_CLIENT_SECRET' },
        { arg: 0, path: ['clientId'], kind: 'client-id', envName: 'GOOGLE_CLIENT_ID' },
        { arg: 0, path: ['clientSecret'], kind: 'client-secret', envName: 'GOOGLE_CLIENT_SECRET' },
      ],
      source: '§1.0 #7',
    }),
  ),
  ...[
    { module: 'google-auth-library', path: ['JWT'], label: 'JWT' },
    { module: 'googleapis', path: ['google', 'auth', 'JWT'], label: 'google.auth.JWT' },
  ].map(
    ({ module, path, label }): SinkRow => ({
      id: `${module}/${path.join('.')}`,
      modules: [module],
      path,
      invocation: 'new',
      label,
      slots: [
        { arg: 2, kind: 'private-key' },
        { arg: 0, path: ['key'], kind: 'private-key' },
      ],
      source: '§1.0 #7',
    }),
  ),
  ...[
    { module: 'google-auth-library', path: ['GoogleAuth'], label: 'GoogleAuth' },
    { module: 'googleapis', path: ['google', 'auth', 'GoogleAuth'], label: 'google.auth.GoogleAuth' },
  ].map(
    ({ module, path, label }): SinkRow => ({
      id: `${module}/${path.join('.')}`,
      modules: [module],
      path,
      invocation: 'new',
      label,
      slots: [
        { arg: 0, path: ['credentials', 'private_key'], kind: 'private-key' },
        { arg: 0, path: ['apiKey'], kind: 'api-key', envName: 'GOOGLE_API_KEY' },
      ],
      source: '§1.0 #7',
    }),
  ),
  // §1 #8 passport-oauth2 and the strategies built on it
  {
    id: 'passport-oauth2/Strategy',
    modules: ['passport-oauth2', 'passport-google-oauth20', 'passport-google-oauth2', 'passport-github2', 'passport-github', 'passport-facebook', 'passport-microsoft', 'passport-azure-ad-oauth2', 'passport-linkedin-oauth2', 'passport-discord', 'passport-gitlab2'],
    path: [],
    invocation: 'new',
    label: 'OAuth2Strategy',
    slots: [
      { arg: 0, path: ['clientID'], kind: 'client-id' },
      { arg: 0, path: ['clientSecret'], kind: 'client-secret' },
    ],
    source: '§1.0 #8',
  },
  {
    id: 'passport-oauth2/Strategy.named',
    modules: ['passport-oauth2', 'passport-google-oauth20', 'passport-google-oauth2', 'passport-github2', 'passport-github', 'passport-facebook', 'passport-microsoft', 'passport-linkedin-oauth2', 'passport-discord', 'passport-gitlab2'],
    path: ['Strategy'],
    invocation: 'new',
    label: 'OAuth2Strategy',
    slots: [
      { arg: 0, path: ['clientID'], kind: 'client-id' },
      { arg: 0, path: ['clientSecret'], kind: 'client-secret' },
    ],
    source: '§1.0 #8',
  },
  {
    id: 'passport-oauth1/Strategy',
    modules: ['passport-twitter', 'passport-oauth1'],
    path: ['Strategy'],
    invocation: 'new',
    label: 'OAuth1Strategy',
    slots: [
      { arg: 0, path: ['consumerKey'], kind: 'client-id' },
      { arg: 0, path: ['consumerSecret'], kind: 'client-secret' },
    ],
  },
  // §1 #8b node-oauth
  {
    id: 'oauth/OAuth2',
    modules: ['oauth'],
    path: ['OAuth2'],
    invocation: 'new',
    label: 'OAuth2',
    slots: [
      { arg: 0, kind: 'client-id' },
      { arg: 1, kind: 'client-secret' },
    ],
    source: '§1.0 #8b',
  },
  // §1 #9 next-auth / Auth.js: providers read AUTH_<PROVIDER>_ID / _SECRET by convention
  {
    id: 'auth.js/provider',
    modules: ['next-auth/providers', '@auth/core/providers'],
    path: [],
    invocation: 'call',
    label: 'the Auth.js provider',
    slots: [
      { arg: 0, path: ['clientId'], kind: 'client-id', envName: 'AUTH_{module}_ID' },
      { arg: 0, path: ['clientSecret'], kind: 'client-secret', envName: 'AUTH_{module}_SECRET' },
    ],
    source: '§1.0 #9',
  },
  {
    id: 'next-auth/NextAuth',
    modules: ['next-auth'],
    path: [],
    invocation: 'call',
    label: 'NextAuth',
    slots: [{ arg: 0, path: ['secret'], kind: 'signing-secret', envName: 'AUTH_SECRET' }],
    source: '§1.0 #9',
  },
  ...[
    { module: '@auth/express', path: ['ExpressAuth'] },
    { module: '@auth/sveltekit', path: [] },
    { module: '@auth/core', path: ['Auth'] },
  ].map(
    ({ module, path }): SinkRow => ({
      id: `${module}/${path.join('.') || 'default'}`,
      modules: [module],
      path,
      invocation: 'call',
      label: path.at(-1) ?? 'SvelteKitAuth',
      slots: [{ arg: module === '@auth/core' ? 1 : 0, path: ['secret'], kind: 'signing-secret', envName: 'AUTH_SECRET' }],
      source: '§1.0 #9',
    }),
  ),
  // §1 #10 auth0
  {
    id: 'auth0/AuthenticationClient',
    modules: ['auth0'],
    path: ['AuthenticationClient'],
    invocation: 'new',
    label: 'AuthenticationClient',
    slots: [
      { arg: 0, path: ['clientId'], kind: 'client-id', envName: 'AUTH0_CLIENT_ID' },
      { arg: 0, path: ['clientSecret'], kind: 'client-secret', envName: 'AUTH0_CLIENT_SECRET' },
      { arg: 0, path: ['clientAssertionSigningKey'], kind: 'private-key' },
    ],
    source: '§1.0 #10',
  },
  {
    id: 'auth0/ManagementClient',
    modules: ['auth0'],
    path: ['ManagementClient'],
    invocation: 'new',
    label: 'ManagementClient',
    slots: [
      { arg: 0, path: ['clientId'], kind: 'client-id', envName: 'AUTH0_CLIENT_ID' },
      { arg: 0, path: ['clientSecret'], kind: 'client-secret', envName: 'AUTH0_CLIENT_SECRET' },
      { arg: 0, path: ['token'], kind: 'token', envName: 'AUTH0_MANAGEMENT_TOKEN' },
    ],
    source: '§1.0 #10b',
  },
  // §1 #10c express-openid-connect (reads CLIENT_ID, CLIENT_SECRET, SECRET by default)
  {
    id: 'express-openid-connect/auth',
    modules: ['express-openid-connect'],
    path: ['auth'],
    invocation: 'call',
    label: 'auth',
    slots: [
      { arg: 0, path: ['clientID'], kind: 'client-id' },
      { arg: 0, path: ['clientSecret'], kind: 'client-secret' },
      { arg: 0, path: ['secret'], kind: 'signing-secret' },
    ],
    source: '§1.0 #10c',
  },
  // §1 #11 okta (the SDK reads OKTA_CLIENT_TOKEN and friends)
  {
    id: '@okta/okta-sdk-nodejs/Client',
    modules: ['@okta/okta-sdk-nodejs'],
    path: ['Client'],
    invocation: 'new',
    label: 'okta.Client',
    slots: [
      { arg: 0, path: ['token'], kind: 'api-key', envName: 'OKTA_CLIENT_TOKEN' },
      { arg: 0, path: ['clientId'], kind: 'client-id', envName: 'OKTA_CLIENT_CLIENTID' },
      { arg: 0, path: ['privateKey'], kind: 'private-key', envName: 'OKTA_CLIENT_PRIVATEKEY' },
    ],
    source: '§1.0 #11',
  },
  {
    id: '@okta/oidc-middleware/ExpressOIDC',
    modules: ['@okta/oidc-middleware'],
    path: ['ExpressOIDC'],
    invocation: 'new',
    label: 'ExpressOIDC',
    slots: [
      { arg: 0, path: ['client_id'], kind: 'client-id' },
      { arg: 0, path: ['client_secret'], kind: 'client-secret' },
    ],
    source: '§1.0 #11b',
  },
  // §1 #12 keycloak-connect
  {
    id: 'keycloak-connect/Keycloak',
    modules: ['keycloak-connect'],
    path: [],
    invocation: 'new',
    label: 'Keycloak',
    slots: [
      { arg: 1, path: ['resource'], kind: 'client-id', envName: 'KEYCLOAK_CLIENT_ID' },
      { arg: 1, path: ['credentials', 'secret'], kind: 'client-secret', envName: 'KEYCLOAK_CLIENT_SECRET' },
      { arg: 1, path: ['secret'], kind: 'client-secret', envName: 'KEYCLOAK_CLIENT_SECRET' },
    ],
    source: '§1.0 #12',
  },
  // §1 #13 @keycloak/keycloak-admin-client: `kcAdmin.auth({ clientId, clientSecret, password })`
  {
    id: '@keycloak/keycloak-admin-client#auth',
    modules: ['@keycloak/keycloak-admin-client'],
    path: [],
    method: 'auth',
    invocation: 'call',
    label: 'KeycloakAdminClient.auth',
    slots: [
      { arg: 0, path: ['clientId'], kind: 'client-id', envName: 'KEYCLOAK_CLIENT_ID' },
      { arg: 0, path: ['clientSecret'], kind: 'client-secret', envName: 'KEYCLOAK_CLIENT_SECRET' },
      { arg: 0, path: ['password'], kind: 'password', envName: 'KEYCLOAK_PASSWORD' },
    ],
    source: '§1.0 #13',
  },
  // §1 #14 client-oauth2, §1 #15 @badgateway/oauth2-client
  { id: 'client-oauth2/ClientOAuth2', modules: ['client-oauth2'], path: [], invocation: 'new', label: 'ClientOAuth2', slots: CAMEL_CLIENT_OPTIONS, source: '§1.0 #14' },
  { id: '@badgateway/oauth2-client/OAuth2Client', modules: ['@badgateway/oauth2-client'], path: ['OAuth2Client'], invocation: 'new', label: 'OAuth2Client', slots: CAMEL_CLIENT_OPTIONS, source: '§1.0 #15' },
  // §1 #16 jsonwebtoken
  { id: 'jsonwebtoken/sign', modules: ['jsonwebtoken'], path: ['sign'], invocation: 'call', label: 'jwt.sign', slots: SIGNING_SECRET_ARG1, source: '§1.0 #16' },
  { id: 'jsonwebtoken/verify', modules: ['jsonwebtoken'], path: ['verify'], invocation: 'call', label: 'jwt.verify', slots: SIGNING_SECRET_ARG1, source: '§1.0 #16' },
  // §1 #17 jose
  { id: 'jose/SignJWT#sign', modules: ['jose'], path: ['SignJWT'], method: 'sign', invocation: 'call', label: 'SignJWT.sign', slots: [{ arg: 0, kind: 'signing-secret', envName: 'JWT_SECRET' }], source: '§1.0 #17' },
  { id: 'jose/jwtVerify', modules: ['jose'], path: ['jwtVerify'], invocation: 'call', label: 'jwtVerify', slots: SIGNING_SECRET_ARG1, source: '§1.0 #17' },
  { id: 'jose/importPKCS8', modules: ['jose'], path: ['importPKCS8'], invocation: 'call', label: 'importPKCS8', slots: [{ arg: 0, kind: 'private-key' }], source: '§1.0 #17' },
  { id: 'jose/importJWK', modules: ['jose'], path: ['importJWK'], invocation: 'call', label: 'importJWK', slots: [{ arg: 0, path: ['d'], kind: 'private-key' }, { arg: 0, path: ['k'], kind: 'signing-secret' }], source: '§1.0 #17' },
  // §1 #18 express-session and friends
  { id: 'express-session', modules: ['express-session'], path: [], invocation: 'call', label: 'express-session', slots: [{ arg: 0, path: ['secret'], kind: 'signing-secret', envName: 'SESSION_SECRET' }], source: '§1.0 #18' },
  {
    id: 'cookie-session',
    modules: ['cookie-session'],
    path: [],
    invocation: 'call',
    label: 'cookie-session',
    slots: [
      { arg: 0, path: ['secret'], kind: 'signing-secret', envName: 'SESSION_SECRET' },
      { arg: 0, path: ['keys'], kind: 'signing-secret', envName: 'SESSION_KEYS' },
    ],
  },
  { id: 'cookie-parser', modules: ['cookie-parser'], path: [], invocation: 'call', label: 'cookie-parser', slots: [{ arg: 0, kind: 'signing-secret', envName: 'COOKIE_SECRET' }] },
  { id: 'express-jwt/expressjwt', modules: ['express-jwt'], path: ['expressjwt'], invocation: 'call', label: 'expressjwt', slots: [{ arg: 0, path: ['secret'], kind: 'signing-secret', envName: 'JWT_SECRET' }] },
  { id: 'express-jwt/default', modules: ['express-jwt'], path: [], invocation: 'call', label: 'express-jwt', slots: [{ arg: 0, path: ['secret'], kind: 'signing-secret', envName: 'JWT_SECRET' }] },
  { id: 'koa-jwt', modules: ['koa-jwt'], path: [], invocation: 'call', label: 'koa-jwt', slots: [{ arg: 0, path: ['secret'], kind: 'signing-secret', envName: 'JWT_SECRET' }] },
  { id: 'passport-jwt/Strategy', modules: ['passport-jwt'], path: ['Strategy'], invocation: 'new', label: 'JwtStrategy', slots: [{ arg: 0, path: ['secretOrKey'], kind: 'signing-secret', envName: 'JWT_SECRET' }] },
  { id: 'crypto/createHmac', modules: ['crypto'], path: ['createHmac'], invocation: 'call', label: 'crypto.createHmac', slots: [{ arg: 1, kind: 'signing-secret', envName: 'HMAC_SECRET' }] },
  { id: 'crypto/createSecretKey', modules: ['crypto'], path: ['createSecretKey'], invocation: 'call', label: 'crypto.createSecretKey', slots: [{ arg: 0, kind: 'signing-secret' }] },
  { id: 'crypto/createPrivateKey', modules: ['crypto'], path: ['createPrivateKey'], invocation: 'call', label: 'crypto.createPrivateKey', slots: [{ arg: 0, kind: 'private-key' }, { arg: 0, path: ['key'], kind: 'private-key' }] },
  // Databases
  ...['Client', 'Pool'].map(
    (name): SinkRow => ({
      id: `pg/${name}`,
      modules: ['pg'],
      path: [name],
      invocation: 'new',
      label: `pg.${name}`,
      slots: [
        { arg: 0, path: ['password'], kind: 'password', envName: 'PGPASSWORD' },
        { arg: 0, path: ['connectionString'], kind: 'password', format: 'connection-string', envName: 'DATABASE_URL' },
        { arg: 0, when: 'string', kind: 'password', format: 'connection-string', envName: 'DATABASE_URL' },
      ],
    }),
  ),
  {
    id: 'postgres',
    modules: ['postgres'],
    path: [],
    invocation: 'call',
    label: 'postgres',
    slots: [
      { arg: 0, when: 'string', kind: 'password', format: 'connection-string', envName: 'DATABASE_URL' },
      { arg: 0, path: ['password'], kind: 'password', envName: 'PGPASSWORD' },
      { arg: 1, path: ['password'], kind: 'password', envName: 'PGPASSWORD' },
    ],
  },
  ...['createConnection', 'createPool', 'createPoolCluster'].map(
    (name): SinkRow => ({
      id: `mysql/${name}`,
      modules: ['mysql', 'mysql2', 'mysql2/promise'],
      path: [name],
      invocation: 'call',
      label: `mysql.${name}`,
      slots: [
        { arg: 0, path: ['password'], kind: 'password', envName: 'MYSQL_PASSWORD' },
        { arg: 0, when: 'string', kind: 'password', format: 'connection-string', envName: 'DATABASE_URL' },
        { arg: 0, path: ['uri'], kind: 'password', format: 'connection-string', envName: 'DATABASE_URL' },
      ],
    }),
  ),
  {
    id: 'mongodb/MongoClient',
    modules: ['mongodb'],
    path: ['MongoClient'],
    invocation: 'new',
    label: 'MongoClient',
    slots: [
      { arg: 0, when: 'string', kind: 'password', format: 'connection-string', envName: 'MONGODB_URI' },
      { arg: 1, path: ['auth', 'password'], kind: 'password', envName: 'MONGODB_PASSWORD' },
    ],
  },
  { id: 'mongoose/connect', modules: ['mongoose'], path: ['connect'], invocation: 'call', label: 'mongoose.connect', slots: [{ arg: 0, when: 'string', kind: 'password', format: 'connection-string', envName: 'MONGODB_URI' }, { arg: 1, path: ['pass'], kind: 'password', envName: 'MONGODB_PASSWORD' }] },
  { id: 'mongoose/createConnection', modules: ['mongoose'], path: ['createConnection'], invocation: 'call', label: 'mongoose.createConnection', slots: [{ arg: 0, when: 'string', kind: 'password', format: 'connection-string', envName: 'MONGODB_URI' }, { arg: 1, path: ['pass'], kind: 'password', envName: 'MONGODB_PASSWORD' }] },
  { id: 'redis/createClient', modules: ['redis'], path: ['createClient'], invocation: 'call', label: 'redis.createClient', slots: [{ arg: 0, path: ['password'], kind: 'password', envName: 'REDIS_PASSWORD' }, { arg: 0, path: ['url'], kind: 'password', format: 'connection-string', envName: 'REDIS_URL' }] },
  { id: 'ioredis', modules: ['ioredis'], path: [], invocation: 'new', label: 'Redis', slots: [{ arg: 0, path: ['password'], kind: 'password', envName: 'REDIS_PASSWORD' }, { arg: 0, when: 'string', kind: 'password', format: 'connection-string', envName: 'REDIS_URL' }] },
  { id: 'sequelize', modules: ['sequelize'], path: ['Sequelize'], invocation: 'new', label: 'Sequelize', slots: [{ arg: 2, kind: 'password', envName: 'DB_PASSWORD' }, { arg: 0, when: 'string', kind: 'password', format: 'connection-string', envName: 'DATABASE_URL' }] },
  // Cloud SDKs: AWS v3 clients take `credentials`, v2 services and config take the keys directly
  {
    id: '@aws-sdk/client',
    modules: ['@aws-sdk'],
    path: ['*'],
    invocation: 'new',
    label: 'the AWS SDK client',
    slots: [
      { arg: 0, path: ['credentials', 'accessKeyId'], kind: 'api-key', envName: 'AWS_ACCESS_KEY_ID' },
      { arg: 0, path: ['credentials', 'secretAccessKey'], kind: 'api-key', envName: 'AWS_SECRET_ACCESS_KEY' },
      { arg: 0, path: ['credentials', 'sessionToken'], kind: 'token', envName: 'AWS_SESSION_TOKEN' },
    ],
  },
  {
    id: 'aws-sdk/service',
    modules: ['aws-sdk'],
    path: ['*'],
    invocation: 'new',
    label: 'the AWS SDK',
    slots: [
      { arg: 0, path: ['accessKeyId'], kind: 'api-key', envName: 'AWS_ACCESS_KEY_ID' },
      { arg: 0, path: ['secretAccessKey'], kind: 'api-key', envName: 'AWS_SECRET_ACCESS_KEY' },
      { arg: 0, path: ['credentials', 'secretAccessKey'], kind: 'api-key', envName: 'AWS_SECRET_ACCESS_KEY' },
      { arg: 1, kind: 'api-key', envName: 'AWS_SECRET_ACCESS_KEY' },
    ],
  },
  {
    id: 'aws-sdk/config.update',
    modules: ['aws-sdk'],
    path: ['config', 'update'],
    invocation: 'call',
    label: 'AWS.config.update',
    slots: [
      { arg: 0, path: ['accessKeyId'], kind: 'api-key', envName: 'AWS_ACCESS_KEY_ID' },
      { arg: 0, path: ['secretAccessKey'], kind: 'api-key', envName: 'AWS_SECRET_ACCESS_KEY' },
    ],
  },
  { id: '@azure/storage/StorageSharedKeyCredential', modules: ['@azure/storage-blob', '@azure/storage-queue', '@azure/storage-file-share', '@azure/data-tables'], path: ['StorageSharedKeyCredential'], invocation: 'new', label: 'StorageSharedKeyCredential', slots: [{ arg: 1, kind: 'api-key', envName: 'AZURE_STORAGE_ACCOUNT_KEY' }] },
  { id: '@azure/data-tables/AzureNamedKeyCredential', modules: ['@azure/data-tables', '@azure/core-auth'], path: ['AzureNamedKeyCredential'], invocation: 'new', label: 'AzureNamedKeyCredential', slots: [{ arg: 1, kind: 'api-key', envName: 'AZURE_ACCOUNT_KEY' }] },
  { id: '@azure/core-auth/AzureKeyCredential', modules: ['@azure/core-auth', '@azure/ai-text-analytics', '@azure/search-documents', '@azure/openai', '@azure/ai-form-recognizer'], path: ['AzureKeyCredential'], invocation: 'new', label: 'AzureKeyCredential', slots: [{ arg: 0, kind: 'api-key', envName: 'AZURE_API_KEY' }] },
  { id: '@azure/cosmos/CosmosClient', modules: ['@azure/cosmos'], path: ['CosmosClient'], invocation: 'new', label: 'CosmosClient', slots: [{ arg: 0, path: ['key'], kind: 'api-key', envName: 'COSMOS_KEY' }, { arg: 0, when: 'string', kind: 'api-key', format: 'connection-string', envName: 'COSMOS_CONNECTION_STRING' }] },
  {
    id: '@azure/storage/fromConnectionString',
    modules: ['@azure/storage-blob', '@azure/storage-queue', '@azure/storage-file-share', '@azure/data-tables', '@azure/service-bus', '@azure/event-hubs'],
    path: ['*', 'fromConnectionString'],
    invocation: 'call',
    label: 'fromConnectionString',
    slots: [{ arg: 0, kind: 'api-key', format: 'connection-string', envName: 'AZURE_STORAGE_CONNECTION_STRING' }],
  },
  {
    id: '@google-cloud/client',
    modules: ['@google-cloud'],
    path: ['*'],
    invocation: 'new',
    label: 'the Google Cloud client',
    slots: [
      { arg: 0, path: ['credentials', 'private_key'], kind: 'private-key' },
      { arg: 0, path: ['apiKey'], kind: 'api-key', envName: 'GOOGLE_API_KEY' },
    ],
  },
  { id: 'stripe', modules: ['stripe'], path: [], invocation: 'new', label: 'Stripe', slots: [{ arg: 0, kind: 'api-key', envName: 'STRIPE_SECRET_KEY' }] },
  { id: 'stripe/call', modules: ['stripe'], path: [], invocation: 'call', label: 'Stripe', slots: [{ arg: 0, kind: 'api-key', envName: 'STRIPE_SECRET_KEY' }] },
  // SaaS SDKs that integration code hands a credential to positionally or under a neutral key.
  // `twilio(accountSid, authToken)` and `new twilio.Twilio(accountSid, authToken)` (twilio 5 `lib/index.js`).
  { id: 'twilio/call', modules: ['twilio'], path: [], invocation: 'call', label: 'twilio', slots: [{ arg: 1, kind: 'token', envName: 'TWILIO_AUTH_TOKEN' }] },
  { id: 'twilio/Twilio', modules: ['twilio'], path: ['Twilio'], invocation: 'new', label: 'Twilio', slots: [{ arg: 1, kind: 'token', envName: 'TWILIO_AUTH_TOKEN' }] },
  // `new Octokit({ auth: token })` (@octokit/core and the packages built on it).
  {
    id: 'octokit/Octokit',
    modules: ['@octokit/rest', '@octokit/core', 'octokit'],
    path: ['Octokit'],
    invocation: 'new',
    label: 'Octokit',
    slots: [{ arg: 0, path: ['auth'], kind: 'token', envName: 'GITHUB_TOKEN' }],
  },
  // `new OAuthApp({ clientId, clientSecret })` (@octokit/oauth-app `types.d.ts`).
  { id: '@octokit/oauth-app/OAuthApp', modules: ['@octokit/oauth-app', 'octokit'], path: ['OAuthApp'], invocation: 'new', label: 'OAuthApp', slots: CAMEL_CLIENT_OPTIONS },
  // `new hubspot.Client({ accessToken })` (@hubspot/api-client `IConfiguration`: `accessToken`, `apiKey`).
  {
    id: '@hubspot/api-client/Client',
    modules: ['@hubspot/api-client'],
    path: ['Client'],
    invocation: 'new',
    label: 'hubspot.Client',
    slots: [
      { arg: 0, path: ['accessToken'], kind: 'token', envName: 'HUBSPOT_ACCESS_TOKEN' },
      { arg: 0, path: ['apiKey'], kind: 'api-key', envName: 'HUBSPOT_API_KEY' },
    ],
  },
  // QuickBooks: `new OAuthClient({ clientId, clientSecret, environment, redirectUri })` (intuit-oauth `src/OAuthClient.js`).
  { id: 'intuit-oauth/OAuthClient', modules: ['intuit-oauth'], path: [], invocation: 'new', label: 'intuit-oauth OAuthClient', slots: CAMEL_CLIENT_OPTIONS },
];

/** HTTP clients through which hand-rolled token requests go (§1.0 #19–22). */
export const HTTP_CLIENT_ROWS: readonly HttpClientRow[] = [
  { id: 'fetch', modules: [], global: true, paths: [['fetch']], urlArg: 0, optionArgs: [1] },
  { id: 'undici', modules: ['undici'], paths: [['fetch'], ['request']], urlArg: 0, optionArgs: [1] },
  { id: 'node-fetch', modules: ['node-fetch', 'cross-fetch', 'isomorphic-fetch'], paths: [[]], urlArg: 0, optionArgs: [1] },
  { id: 'axios/data', modules: ['axios'], paths: [['post'], ['put'], ['patch']], urlArg: 0, optionArgs: [1, 2] },
  { id: 'axios/config', modules: ['axios'], paths: [['get'], ['delete'], ['head']], urlArg: 0, optionArgs: [1] },
  { id: 'axios/request', modules: ['axios'], paths: [[], ['request']], optionArgs: [0] },
  { id: 'got', modules: ['got'], paths: [[], ['post'], ['get'], ['put']], urlArg: 0, optionArgs: [1] },
  { id: 'superagent', modules: ['superagent'], paths: [['post'], ['get'], ['put']], urlArg: 0, optionArgs: [] },
];

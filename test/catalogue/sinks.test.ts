import { describe, expect, it } from 'vitest';
import { instanceFromFactory, isCatalogueModule, lookupHttpClient, lookupMethodSink, lookupSink, mayCallSink, SINK_ROWS, slotEnvName } from '../../src/catalogue/index.js';
import { sinkTableFor } from '../../src/catalogue/user-sinks.js';

describe('SINK_ROWS', () => {
  it('has unique ids', () => {
    const ids = SINK_ROWS.map((row) => row.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('gives every row at least one slot with a non-negative argument index', () => {
    for (const row of SINK_ROWS) {
      expect(row.slots.length, row.id).toBeGreaterThan(0);
      for (const slot of row.slots) expect(slot.arg, row.id).toBeGreaterThanOrEqual(0);
    }
  });

  it('names env conventions in SCREAMING_SNAKE', () => {
    for (const row of SINK_ROWS) {
      for (const slot of row.slots) if (slot.envName !== undefined) expect(slot.envName, row.id).toMatch(/^[A-Z0-9_{}a-z]+$/u);
    }
  });
});

describe('lookupSink', () => {
  it.each([
    [{ module: 'openid-client', path: ['discovery'] }, 'call', 'openid-client/discovery'],
    [{ module: 'openid-client', path: ['Configuration'] }, 'new', 'openid-client/Configuration'],
    [{ module: 'oauth4webapi', path: ['ClientSecretBasic'] }, 'call', 'oauth4webapi/ClientSecretBasic'],
    [{ module: 'simple-oauth2', path: ['ClientCredentials'] }, 'new', 'simple-oauth2/ClientCredentials'],
    [{ module: '@azure/msal-node', path: ['ConfidentialClientApplication'] }, 'new', '@azure/msal-node/ConfidentialClientApplication'],
    [{ module: '@azure/identity', path: ['ClientSecretCredential'] }, 'new', '@azure/identity/ClientSecretCredential'],
    [{ module: 'googleapis', path: ['google', 'auth', 'OAuth2'] }, 'new', 'googleapis/google.auth.OAuth2'],
    [{ module: 'google-auth-library', path: ['OAuth2Client'] }, 'new', 'google-auth-library/OAuth2Client'],
    [{ module: 'passport-oauth2', path: [] }, 'new', 'passport-oauth2/Strategy'],
    [{ module: 'next-auth/providers/github', path: [] }, 'call', 'auth.js/provider'],
    [{ module: 'next-auth', path: [] }, 'call', 'next-auth/NextAuth'],
    [{ module: 'jsonwebtoken', path: ['sign'] }, 'call', 'jsonwebtoken/sign'],
    [{ module: 'node:crypto', path: ['createHmac'] }, 'call', 'crypto/createHmac'],
    [{ module: '@aws-sdk/client-s3', path: ['S3Client'] }, 'new', '@aws-sdk/client'],
    [{ module: '@azure/storage-blob', path: ['BlobServiceClient', 'fromConnectionString'] }, 'call', '@azure/storage/fromConnectionString'],
  ] as const)('finds %o (%s)', (callee, invocation, id) => {
    expect(lookupSink(callee, invocation)?.id).toBe(id);
  });

  it.each([
    [{ module: 'openid-client', path: ['discovery'] }, 'new'],
    [{ module: 'openid-client', path: ['randomState'] }, 'call'],
    [{ module: './discovery', path: ['discovery'] }, 'call'],
    [{ module: 'openid-client-extra', path: ['discovery'] }, 'call'],
  ] as const)('finds nothing for %o (%s)', (callee, invocation) => {
    expect(lookupSink(callee, invocation)).toBeUndefined();
  });
});

describe('mayCallSink', () => {
  it('lets through a file that imports a sink module and names the sink', () => {
    expect(mayCallSink(['openid-client', './config'], "import { discovery } from 'openid-client';\nawait discovery(url, cfg.id, cfg.secret);")).toBe(true);
    expect(mayCallSink(['crypto'], "import crypto from 'crypto';\nexport const sign = (body) => crypto.createHmac('sha256', keys.webhook).update(body);")).toBe(true);
    expect(mayCallSink(['node:crypto'], "const { createHmac: hmac } = require('node:crypto');")).toBe(true);
    expect(mayCallSink(['googleapis'], "import { google } from 'googleapis';\nnew google.auth.OAuth2(id, secret);")).toBe(true);
    // A `*` segment or the module itself: the import is enough.
    expect(mayCallSink(['@aws-sdk/client-s3'], "import * as s3 from '@aws-sdk/client-s3';")).toBe(true);
    expect(mayCallSink(['ioredis'], "import Cache from 'ioredis';")).toBe(true);
  });

  it('stops a file that does not import the module, or never names its sinks', () => {
    // Only a log message names the module.
    expect(mayCallSink(['./log'], "import { log } from './log';\nlog('@aws-sdk/credential-provider-ini - resolving');")).toBe(false);
    // crypto, but only for hashing.
    expect(mayCallSink(['crypto', './config'], "import crypto from 'crypto';\nconst etag = crypto.createHash('sha1').update(body).digest('hex');")).toBe(false);
    expect(mayCallSink(['jsonwebtoken'], "import { decode } from 'jsonwebtoken';\nconst claims = decode(token);")).toBe(false);
    expect(mayCallSink([], 'discovery(url, id, secret);')).toBe(false);
  });

  it('takes the sinks option into account', () => {
    const rows = sinkTableFor([{ module: '@acme/kensium-sdk', export: 'KensiumClient', call: 'new', slots: [{ arg: 0, property: 'oauth.key', kind: 'client-secret' }] }]).rows;
    const text = "import { KensiumClient } from '@acme/kensium-sdk';\nnew KensiumClient({ oauth: { key: cfg.key } });";
    expect(mayCallSink(['@acme/kensium-sdk'], text, rows)).toBe(true);
    expect(mayCallSink(['@acme/kensium-sdk'], text)).toBe(false);
  });
});

describe('method sinks', () => {
  it('finds kcAdmin.auth on an instance of the keycloak admin client', () => {
    expect(lookupMethodSink({ module: '@keycloak/keycloak-admin-client', path: [] }, 'auth', 'call')?.id).toBe('@keycloak/keycloak-admin-client#auth');
    expect(lookupMethodSink({ module: '@keycloak/keycloak-admin-client', path: [] }, 'login', 'call')).toBeUndefined();
  });

  it('treats Issuer.discover as a factory of Issuer instances', () => {
    expect(instanceFromFactory({ module: 'openid-client', path: ['Issuer', 'discover'] })).toEqual({ module: 'openid-client', path: ['Issuer'] });
    expect(instanceFromFactory({ module: 'openid-client', path: ['discovery'] })).toBeUndefined();
    expect(lookupMethodSink({ module: 'openid-client', path: ['Issuer'] }, 'Client', 'new')?.id).toBe('openid-client/Issuer#Client');
  });
});

describe('slotEnvName', () => {
  it('expands the Auth.js provider convention from the module', () => {
    const row = lookupSink({ module: 'next-auth/providers/github', path: [] }, 'call');
    const slot = row?.slots.find((candidate) => candidate.kind === 'client-secret');
    expect(slot && slotEnvName(slot, 'next-auth/providers/github')).toBe('AUTH_GITHUB_SECRET');
    expect(slot && slotEnvName(slot, '@auth/core/providers/microsoft-entra-id')).toBe('AUTH_MICROSOFT_ENTRA_ID_SECRET');
  });
});

describe('HTTP clients and module filter', () => {
  it('finds fetch, axios.post and got', () => {
    expect(lookupHttpClient({ global: 'fetch' })?.id).toBe('fetch');
    expect(lookupHttpClient({ module: 'axios', path: ['post'] })?.id).toBe('axios/data');
    expect(lookupHttpClient({ module: 'got', path: [] })?.id).toBe('got');
    expect(lookupHttpClient({ module: 'lodash', path: [] })).toBeUndefined();
  });

  it('knows which modules can hold sinks', () => {
    expect(isCatalogueModule('@azure/identity')).toBe(true);
    expect(isCatalogueModule('next-auth/providers/google')).toBe(true);
    expect(isCatalogueModule('lodash')).toBe(false);
  });
});

describe('every row', () => {
  it.each(SINK_ROWS.filter((row) => row.method === undefined).map((row) => [row.id, row] as const))('%s is found by its own module and path', (_id, row) => {
    for (const module of row.modules) {
      const path = row.path.map((segment) => (segment === '*' ? 'AnyClient' : segment));
      const specifier = module === '@aws-sdk' || module === '@google-cloud' || module.endsWith('/providers') ? `${module}/example` : module;
      expect(lookupSink({ module: specifier, path }, row.invocation)?.id).toBe(row.id);
    }
  });

  it.each(SINK_ROWS.filter((row) => row.method !== undefined).map((row) => [row.id, row] as const))('%s is found on an instance of its export', (_id, row) => {
    for (const module of row.modules) {
      expect(lookupMethodSink({ module, path: row.path }, row.method ?? '', row.invocation)?.id).toBe(row.id);
    }
  });
});

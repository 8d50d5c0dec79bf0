import { describe, expect, it } from 'vitest';
import { envLookupText, envVarNameFor, helperImportText } from '../../src/fix/index.js';
import { connectionStringEnvName } from '../../src/fix/naming.js';

describe('envVarNameFor', () => {
  it.each([
    [{ kind: 'client-secret', objectName: 'kensium', propertyName: 'clientSecret' }, 'KENSIUM_CLIENT_SECRET'],
    [{ kind: 'client-secret', objectName: 'kensiumConfig', propertyName: 'clientSecret' }, 'KENSIUM_CLIENT_SECRET'],
    [{ kind: 'client-id', objectName: 'acumaticaOptions', propertyName: 'client_id' }, 'ACUMATICA_CLIENT_ID'],
    [{ kind: 'client-secret', variableName: 'KENSIUM_CLIENT_SECRET' }, 'KENSIUM_CLIENT_SECRET'],
    [{ kind: 'client-secret', variableName: 'posClientSecret' }, 'POS_CLIENT_SECRET'],
    [{ kind: 'password', propertyName: 'password', fileName: '/srv/sync/src/acumatica-client.ts' }, 'ACUMATICA_PASSWORD'],
    [{ kind: 'signing-secret', propertyName: 'jwtSecret' }, 'JWT_SECRET'],
    [{ kind: 'client-secret', provider: 'kensium-pos', propertyName: 'clientSecret' }, 'KENSIUM_POS_CLIENT_SECRET'],
    [{ kind: 'client-secret', convention: 'AZURE_CLIENT_SECRET', objectName: 'kensium', prefix: 'APP' }, 'AZURE_CLIENT_SECRET'],
    [{ kind: 'client-secret', objectName: 'kensium', propertyName: 'clientSecret', prefix: 'APP_' }, 'APP_KENSIUM_CLIENT_SECRET'],
    [{ kind: 'client-secret', objectName: 'config', propertyName: 'clientSecret' }, 'CLIENT_SECRET'],
    [{ kind: 'api-key' }, 'API_KEY'],
    [{ kind: 'password', objectName: 'login', propertyName: 'pass' }, 'LOGIN_PASSWORD'],
    [{ kind: 'password', variableName: 'dbPwd' }, 'DB_PASSWORD'],
    [{ kind: 'client-secret', objectName: 'kensium', propertyName: 'clientSecret', taken: ['KENSIUM_CLIENT_SECRET'] }, 'KENSIUM_CLIENT_SECRET_2'],
    [{ kind: 'client-secret', objectName: 'kensium', propertyName: 'clientSecret', taken: ['KENSIUM_CLIENT_SECRET', 'KENSIUM_CLIENT_SECRET_2'] }, 'KENSIUM_CLIENT_SECRET_3'],
    // A token's kind words are no product: the file still qualifies it.
    [{ kind: 'token', propertyName: 'accessToken', fileName: '/srv/sync/src/hubspot.ts' }, 'HUBSPOT_ACCESS_TOKEN'],
    // Nest's `{ provide, useValue: { clientSecret } }`: the wiring names nothing.
    [{ kind: 'client-secret', objectName: 'useValue', propertyName: 'clientSecret', fileName: '/srv/api/src/pos/pos.module.ts' }, 'POS_CLIENT_SECRET'],
    [{ kind: 'client-secret', variableName: 'ERP_VALUE', fileName: '/srv/lambdas/shared/settings.ts' }, 'ERP_CLIENT_SECRET'],
    // @fastify/oauth2's `credentials.client.secret`.
    [{ kind: 'secret', objectName: 'client', propertyName: 'secret', fileName: '/srv/services/sync/src/plugins/oauth.ts' }, 'SYNC_CLIENT_SECRET'],
    [{ kind: 'client-id', objectName: 'client', propertyName: 'id', provider: 'erp' }, 'ERP_CLIENT_ID'],
    [{ kind: 'password', fileName: '/srv/services/sync/src/auth-header.cjs' }, 'SYNC_PASSWORD'],
  ] as const)('names %o as %s', (context, expected) => {
    expect(envVarNameFor(context)).toBe(expected);
  });
});

describe('connectionStringEnvName', () => {
  it.each([
    ['postgres', {}, 'DATABASE_URL'],
    ['postgresql', { taken: ['DATABASE_URL'] }, 'DATABASE_URL_2'],
    ['mongodb+srv', {}, 'MONGODB_URI'],
    ['rediss', {}, 'REDIS_URL'],
    ['https', { variableName: 'legacyErp', propertyName: 'baseURL' }, 'LEGACY_ERP_URL'],
    ['https', { fileName: '/srv/api/src/erp/acumatica-http.ts' }, 'ACUMATICA_URL'],
    ['smtp', {}, 'SMTP_URL'],
    ['https', { variableName: 'legacyErp', prefix: 'APP' }, 'APP_LEGACY_ERP_URL'],
  ] as const)('names a %s URL with %o as %s', (scheme, context, expected) => {
    expect(connectionStringEnvName(scheme, context)).toBe(expected);
  });
});

describe('envLookupText', () => {
  it('writes process.env and requireEnv lookups', () => {
    expect(envLookupText('KENSIUM_CLIENT_SECRET')).toBe('process.env.KENSIUM_CLIENT_SECRET');
    expect(envLookupText('KENSIUM_CLIENT_SECRET', { style: 'require-env' })).toBe("requireEnv('KENSIUM_CLIENT_SECRET')");
    expect(envLookupText('X', { style: 'require-env', helperName: 'mustEnv' })).toBe("mustEnv('X')");
  });

  it('refuses names that would not be an identifier', () => {
    expect(() => envLookupText("X'); evil('")).toThrow(/Not an environment variable name/u);
  });

  it('writes the helper import for ESM and CommonJS', () => {
    expect(helperImportText({ importPath: './env.js' })).toBe("import { requireEnv } from './env.js';\n");
    expect(helperImportText({ importPath: '@acme/config', helperName: 'mustEnv', moduleType: 'commonjs' })).toBe("const { mustEnv } = require('@acme/config');\n");
  });
});

describe('envVarNameFor on any input', () => {
  it('always returns a valid env-var name, whatever the context strings', async () => {
    const fc = await import('fast-check');
    const kinds = ['client-secret', 'client-id', 'password', 'api-key', 'token', 'private-key', 'signing-secret', 'secret'] as const;
    fc.assert(
      fc.property(
        fc.constantFrom(...kinds),
        fc.option(fc.string(), { nil: undefined }),
        fc.option(fc.string(), { nil: undefined }),
        fc.option(fc.string(), { nil: undefined }),
        fc.option(fc.string(), { nil: undefined }),
        fc.option(fc.string(), { nil: undefined }),
        (kind, objectName, propertyName, variableName, fileName, convention) => {
          const name = envVarNameFor({ kind, objectName, propertyName, variableName, fileName, convention });
          expect(name).toMatch(/^[A-Z_][A-Z0-9_]*$/u);
        },
      ),
    );
  });

  it.each([
    ['/home/dev/acme/src/connectors/shopify/client.ts', 'client-secret', 'SHOPIFY_CLIENT_SECRET'],
    ['/home/dev/acme/src/integrations/netsuite/auth/index.ts', 'password', 'NETSUITE_PASSWORD'],
    ['/repo/packages/erp-sync/src/config.ts', 'client-secret', 'ERP_SYNC_CLIENT_SECRET'],
    ['/repo/services/pos-bridge/index.js', 'api-key', 'POS_BRIDGE_API_KEY'],
    ['/repo/app/api/shopify/callback/route.ts', 'client-secret', 'SHOPIFY_CLIENT_SECRET'],
    ['/repo/app/api/auth/[...nextauth]/route.ts', 'client-secret', 'CLIENT_SECRET'],
    ['/repo/src/connectors/acumatica/acumatica-client.ts', 'password', 'ACUMATICA_PASSWORD'],
  ] as const)('takes the product from the folder of %s when the file name says nothing', (fileName, kind, expected) => {
    expect(envVarNameFor({ kind, fileName })).toBe(expected);
  });

  it.each([
    // Above the source root are the project, the user's home and temporary folders.
    ['/tmp/ch-fix-a1b2c3/src/config.ts'],
    ['/home/dev/shopify-sync/config.ts'],
    ['/home/dev/acme/src/index.ts'],
    ['/repo/src/connectors/client.ts'],
  ])('gives no folder qualifier for %s', (fileName) => {
    expect(envVarNameFor({ kind: 'client-secret', fileName })).toBe('CLIENT_SECRET');
  });

  it('keeps the names that the binding gives over the folder', () => {
    expect(envVarNameFor({ kind: 'client-secret', objectName: 'kensium', propertyName: 'clientSecret', fileName: '/repo/src/connectors/shopify/client.ts' })).toBe('KENSIUM_CLIENT_SECRET');
    expect(envVarNameFor({ kind: 'client-secret', variableName: 'XERO_CLIENT_SECRET', fileName: '/repo/src/connectors/shopify/client.ts' })).toBe('XERO_CLIENT_SECRET');
  });

  it('drops a file-name qualifier that starts with a digit', () => {
    expect(envVarNameFor({ kind: 'client-secret', fileName: 'src/2fa.ts' })).toBe('CLIENT_SECRET');
  });
});

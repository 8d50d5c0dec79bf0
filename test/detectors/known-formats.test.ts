import { lintSource } from '@secretlint/core';
import { creator as recommendedPreset } from '@secretlint/secretlint-rule-preset-recommend';
import { describe, expect, it } from 'vitest';
import { findKnownSecrets } from '../../src/detectors/index.js';
import { isDefaultPassword } from '../../src/detectors/known-formats.js';

const join = (...parts: string[]): string => parts.join('');

/** Realistic integration snippets, each with a secret the recommended preset knows. */
const samples: Record<string, string> = {
  'config.ts': join('export const aws = {\n  accessKeyId: "AKIA', 'Q3EGRIDPZ4XKN7QB",\n  aws_secret_access_key: "', 'wJalrXUtnFEMI/K7MDENG/', 'bPxRfiCYq8Zv2LmNx4",\n};\n'),
  'deploy.ts': join('const token = "ghp_', 'a1B2c3D4e5F6g7H8i9J0', 'k1L2m3N4o5P6q7R8";\n'),
  'notify.ts': join("const hook = 'https://hooks.slack.com/services/T0", '1234567/B0123456/', "AbCdEfGhIjKlMnOpQrStUvWx';\n"),
  'db.ts': join("const url = 'postgres://pos_sync:", 'Zq8vL2mN7xQ4', "@db.internal:5432/pos';\n"),
  '.npmrc': join('//registry.npmjs.org/:_authToken=npm_', 'a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8', '\n'),
  'key.ts': join('const pem = `-----BEGIN RSA PRIVATE KEY-----\n', 'MIIEpAIBAAKCAQEA7bq8'.repeat(6), '\n-----END RSA PRIVATE KEY-----`;\n'),
  'clean.ts': "export const tokenUrl = 'https://pos.example.com/identity/connect/token';\n",
};

async function presetRanges(fileName: string, content: string): Promise<string[]> {
  const result = await lintSource({
    source: { content, filePath: `/project/${fileName}`, ext: fileName.slice(fileName.lastIndexOf('.')), contentType: 'text' },
    options: { config: { rules: [{ id: '@secretlint/secretlint-rule-preset-recommend', rule: recommendedPreset }] } },
  });
  return result.messages.map((message) => `${message.range[0]}:${message.range[1]}`).sort();
}

describe('findKnownSecrets', () => {
  it.each(Object.keys(samples))('agrees with secretlint lintSource on %s', async (fileName) => {
    const content = samples[fileName] as string;
    const ours = findKnownSecrets(content, { filePath: `/project/${fileName}` })
      .filter((secret) => secret.source.startsWith('@secretlint/'))
      .map((secret) => `${secret.range[0]}:${secret.range[1]}`)
      .sort();
    expect(ours).toEqual(await presetRanges(fileName, content));
  });

  it('finds at least one secret in every sample but the clean one', () => {
    for (const [fileName, content] of Object.entries(samples)) {
      expect(findKnownSecrets(content).length > 0, fileName).toBe(fileName !== 'clean.ts');
    }
  });

  it('reports ranges that cover the secret itself, and labels without the value', () => {
    const secret = join('GOCSPX-', 'q8Zv2LmNx4Rt7YpK', 'w1Bs9DfH3JcA');
    const content = `const google = new OAuth2Client({ clientSecret: '${secret}' });`;
    const [found] = findKnownSecrets(content);
    expect(found).toBeDefined();
    expect(content.slice(found!.range[0], found!.range[1]) === secret).toBe(true);
    expect(found!.label).toBe('Google OAuth client secret');
  });

  it('names the Shopify credential by its prefix: the app shared secret is the client secret', () => {
    const body = join('0123456789abcdef', '0123456789abcdef');
    expect(findKnownSecrets(`const app = { apiSecretKey: "shpss_${body}" };`).map((secret) => secret.label)).toEqual(["Shopify app shared secret (the app's client secret)"]);
    expect(findKnownSecrets(`const admin = { accessToken: "shpat_${body}" };`).map((secret) => secret.label)).toEqual(['Shopify Admin API access token']);
  });

  it('returns nothing quickly for text without any hint', () => {
    expect(findKnownSecrets('export function add(a: number, b: number) { return a + b; }')).toEqual([]);
  });
});

describe('isDefaultPassword and connection strings', () => {
  it.each([
    ['postgres', 'postgres'],
    ['postgres', 'x'],
    ['guest', 'guest'],
    ['root', 'root'],
    ['app_password', 'app'],
    ['svc123', 'svc'],
    ['minioadmin', 'minioadmin'],
    ['123456', 'u'],
  ])('takes %j (user %j) for a local default', (password, user) => {
    expect(isDefaultPassword(password, user)).toBe(true);
  });

  it.each([
    [['Xk29fjQp', 'L0aZ'].join(''), 'postgres'],
    ['postgres-Vx81q', 'postgres'],
    ['Sommer2024', 'app'],
  ])('does not take %j (user %j) for a default', (password, user) => {
    expect(isDefaultPassword(password, user)).toBe(false);
  });

  it('leaves connection strings with a default password out, and keeps random ones', () => {
    expect(findKnownSecrets('DATABASE_URL=postgres://postgres:postgres@localhost:5432/test')).toEqual([]);
    expect(findKnownSecrets('url: mongodb://root:example@mongo:27017/')).toEqual([]);
    // The same default on a routable host is a weak real password.
    expect(findKnownSecrets(['DATABASE_URL=postgres://postgres:', 'postgres@orders.db.acme-erp.com:5432/app'].join('')).map((secret) => secret.format)).toEqual(['postgre-sql-connection']);
    const real = findKnownSecrets(['DATABASE_URL=postgres://postgres:', 'Xk29fjQp', 'L0aZ@localhost:5432/test'].join(''));
    expect(real.map((secret) => secret.format)).toEqual(['postgre-sql-connection']);
  });
});

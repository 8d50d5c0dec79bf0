import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { maskSecret, redactSecrets, redactValuesInCode } from '../../src/detectors/index.js';

const join = (...parts: string[]): string => parts.join('');

describe('maskSecret', () => {
  it('shows no character of a short value', () => {
    const preview = maskSecret('pos2024!');
    expect(preview).toBe('**** (8 chars)');
  });

  it('shows at most two characters at each end of a medium value', () => {
    const value = join('Zq8vL2mN', 'x4Rt7YpK', 'w1');
    expect(maskSecret(value)).toBe('Zq…w1 (18 chars)');
  });

  it('shows four characters at each end of a long value', () => {
    const value = join('Zq8vL2mNx4Rt7YpK', 'w1Bs9DfH3JcA0eUg', 'A0cE');
    expect(maskSecret(value)).toBe('Zq8v…A0cE (36 chars)');
  });

  it('never reveals more than a quarter of any value, and never the whole', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', minLength: 1, maxLength: 200 }), (value) => {
        const preview = maskSecret(value);
        const length = Array.from(value).length;
        if (length >= 4) expect(preview.includes(value)).toBe(false);
        const shown = preview.replace(/ \(\d+ chars\)$/u, '').replace('…', '').replace(/^\*{4}$/u, '');
        expect(Array.from(shown).length).toBeLessThanOrEqual(Math.floor(length / 4));
      }),
    );
  });

  it('keeps control characters out of the preview', () => {
    expect(maskSecret(join('\n\u0007', 'a'.repeat(30), '\r\n'))).not.toMatch(/[\n\r\u0007]/u);
  });

  it('does not split surrogate pairs', () => {
    const preview = maskSecret('🔑'.repeat(40));
    expect(preview.startsWith('🔑🔑🔑🔑…')).toBe(true);
  });
});

describe('redactSecrets', () => {
  it('replaces every occurrence with the masked preview', () => {
    const secret = join('Zq8vL2mNx4Rt7YpK', 'w1Bs9DfH3JcA0eUg');
    const text = `failed with ${secret} and again ${secret}`;
    const redacted = redactSecrets(text, [secret]);
    expect(redacted.includes(secret)).toBe(false);
    expect(redacted).toContain('Zq8v…0eUg');
  });
});

describe('redactValuesInCode', () => {
  it('masks every line of a value over several lines, as a diff shows it', () => {
    const body = [join('MIIEvQIBADANBgkqhkiG9w0BAQEF', 'AASCBKcwggSjAgEAAoIBAQC7VJTU'), join('MzEfYyjiWA4R4/M2bS1GB4t7NXp9', '8C3SC6dVMvDuictGeurT8jNb')];
    const pem = ['-----BEGIN PRIVATE KEY-----', ...body, '-----END PRIVATE KEY-----'].join('\n');
    const diff = [' import jwt from "jsonwebtoken";', `-const PRIVATE_KEY = \`${pem.split('\n').join('\n-')}\`;`, "+const PRIVATE_KEY = requireEnv('JWT_PRIVATE_KEY');"].join('\n');
    const redacted = redactValuesInCode(diff, [pem]);
    for (const line of body) expect(redacted).not.toContain(line.slice(8, 40));
    expect(redacted).toContain("+const PRIVATE_KEY = requireEnv('JWT_PRIVATE_KEY');");
  });

  it('masks a short value only where it stands as a value, not inside words and paths', () => {
    const diff = [
      '--- /dev/null',
      "+import KcAdminClient from '@keycloak/keycloak-admin-client';",
      "-await kc.auth({ clientId: 'admin-cli', username: 'dev', password, realm: \"dev\" });",
      '+KEYCLOAK_CLIENT_ID=admin-cli',
      '+stage: dev',
    ].join('\n');
    expect(redactValuesInCode(diff, ['admin-cli', 'dev', "'admin-cli'"])).toBe(
      [
        '--- /dev/null',
        "+import KcAdminClient from '@keycloak/keycloak-admin-client';",
        "-await kc.auth({ clientId: **** (11 chars), username: '**** (3 chars)', password, realm: \"**** (3 chars)\" });",
        '+KEYCLOAK_CLIENT_ID=**** (9 chars)',
        '+stage: **** (3 chars)',
      ].join('\n'),
    );
  });

  it('masks a long value wherever it stands', () => {
    const secret = join('Zq8vL2mNx4Rt', '7YpKw1Bs9DfH');
    expect(redactValuesInCode(`const url = \`https://pos:${secret}@erp.example.com\`; // ${secret}x`, [secret])).not.toContain(secret);
  });
});


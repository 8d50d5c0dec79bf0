import { describe, expect, it } from 'vitest';
import { declaredEnvNames, gitignoreIgnores, readEnvText, serializeEnvEntry } from '../../src/fix/apply/index.js';

describe('serializeEnvEntry', () => {
  it('single-quotes values so that #, $, spaces and backslashes come back unchanged', () => {
    const value = ['Wm7#kQ2$', 'vR9 pL\\x4!'].join('');
    const line = serializeEnvEntry('ACUMATICA_PASSWORD', value);
    expect(line).toBe(`ACUMATICA_PASSWORD='${value}'`);
    expect(readEnvText(`${line ?? ''}\n`).get('ACUMATICA_PASSWORD')).toBe(value);
  });

  it('falls back to double quotes for a value with a single quote', () => {
    const value = ["it's", '-a-secret'].join('');
    expect(serializeEnvEntry('X', value)).toBe(`X="${value}"`);
  });

  it('writes a PEM key on one line with \\n escapes that Node expands', () => {
    const pem = ['-----BEGIN PRIVATE KEY-----', 'MIIEvQIBADANBgkqhkiG9w0BAQEFAASC', '-----END PRIVATE KEY-----'].join('\n');
    const line = serializeEnvEntry('SIGNING_KEY', pem);
    expect(line).toBe(`SIGNING_KEY="${pem.replace(/\n/gu, '\\n')}"`);
    expect(readEnvText(`${line ?? ''}\n`).get('SIGNING_KEY')).toBe(pem);
  });

  it('refuses a value no quoting can hold unchanged', () => {
    expect(serializeEnvEntry('X', 'a\n"b"')).toBeUndefined();
    expect(serializeEnvEntry('X', `a'b"c\`d`)).toBeUndefined();
  });
});

describe('declaredEnvNames', () => {
  it('lists names with and without values, with export, skipping comments', () => {
    expect([...declaredEnvNames('# A=1\nB=\nexport C=3\n  D = x\n')]).toEqual(['B', 'C', 'D']);
  });
});

describe('gitignoreIgnores', () => {
  it('matches the env file by name, anchored path and glob, and honours negation', () => {
    expect(gitignoreIgnores('.env\n', '.env')).toBe(true);
    expect(gitignoreIgnores('/.env\n', '.env')).toBe(true);
    expect(gitignoreIgnores('.env*\n', '.env.example')).toBe(true);
    expect(gitignoreIgnores('.env*\n!.env.example\n', '.env.example')).toBe(false);
    expect(gitignoreIgnores('node_modules/\n.env.local\n', '.env')).toBe(false);
    expect(gitignoreIgnores('# .env\n', '.env')).toBe(false);
    expect(gitignoreIgnores('config/.env\n', '.env')).toBe(false);
  });
});

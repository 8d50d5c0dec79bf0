/**
 * `scanTextFile` for environment files: a committed `.env` is reported as a whole only when it
 * holds a credential, and the message names the keys, never the values.
 */
import { describe, expect, it } from 'vitest';
import { COMMITTED_ENV_FILE_RULE, scanTextFile } from '../../src/scanner/text-files.js';

// Fake credentials, assembled so that no whole secret sits in the source.
const SECRET = ['Zq8vL2mNx4Rt', '7YpKw1Bs9DfH3JcA0eUg'].join('');
const DB_PASSWORD = ['78VEYbwN', 'aXVKtYLR'].join('');

function scan(name: string, text: string, tracked = true): { ruleId: string; message: string }[] {
  return scanTextFile(text, { path: `/repo/${name}`, tracked }).map(({ ruleId, message }) => ({ ruleId, message }));
}

function envFileFindings(name: string, text: string, tracked = true): string[] {
  return scan(name, text, tracked)
    .filter((finding) => finding.ruleId === COMMITTED_ENV_FILE_RULE)
    .map((finding) => finding.message);
}

describe('scanTextFile: committed env files', () => {
  it('does not report committed env files with only public settings (Vite, Next.js)', () => {
    expect(scan('.env', 'VITE_API_URL=http://localhost:3000\n')).toEqual([]);
    expect(scan('.env.production', 'NEXT_PUBLIC_API_URL=https://api.example.com\nNEXT_PUBLIC_SENTRY_DSN=https://abc@o1.ingest.sentry.io/1\n')).toEqual([]);
    expect(scan('.env.development', 'NEXT_PUBLIC_API_URL=https://api.dev.example.com\nNEXT_PUBLIC_POS_CLIENT_ID=pos-web\nLOG_LEVEL=debug\n')).toEqual([]);
    expect(scan('.env.test', 'NODE_ENV=test\nPORT=3001\n')).toEqual([]);
  });

  it('treats .env.test like a test file: obvious dummies pass, real-looking values do not', () => {
    expect(scan('.env.test', 'JWT_SECRET=test-secret\nSESSION_SECRET=dummy\n')).toEqual([]);
    expect(envFileFindings('.env.test', `JWT_SECRET=${SECRET}\n`)).toHaveLength(1);
  });

  it('does not let a client id or a public token alone make the file a leak', () => {
    const text = `VITE_AZURE_CLIENT_ID=0oa1b2c3d4e5f6g7h8i9\nNEXT_PUBLIC_MAPBOX_TOKEN=${SECRET}\n`;
    expect(envFileFindings('.env', text)).toEqual([]);
  });

  it('reports a tracked env file holding a credential, naming the keys and never the values', () => {
    const text = `NODE_ENV=production\nERP_CLIENT_ID=pos-sync\nERP_CLIENT_SECRET=${SECRET}\nDATABASE_URL=postgres://pos_app:${DB_PASSWORD}@db.internal.example:5432/pos\n`;
    const findings = scan('.env', text);
    const [envFile] = envFileFindings('.env', text);
    expect(envFile).toContain('`.env` is tracked by git and holds credentials (`ERP_CLIENT_SECRET`, `DATABASE_URL`)');
    expect(envFile).toContain('git rm --cached .env');
    for (const finding of findings) {
      expect(finding.message).not.toContain(SECRET);
      expect(finding.message).not.toContain(DB_PASSWORD);
    }
    // The values keep their own findings.
    expect(findings.map((finding) => finding.ruleId)).toEqual([COMMITTED_ENV_FILE_RULE, 'no-hardcoded-client-secret', 'no-hardcoded-credentials']);
  });

  it('reports an untracked, unignored env file with a credential as one that would be committed', () => {
    expect(envFileFindings('.env.local', `export JWT_SECRET="${SECRET}"\n`, false)).toEqual([
      '`.env.local` holds credentials (`JWT_SECRET`) and is not ignored by git, so it would be committed: add it to .gitignore and keep a `.env.example` with placeholders instead.',
    ]);
  });

  it('leaves templates with placeholders and files outside git alone', () => {
    expect(scan('.env.example', 'ERP_CLIENT_SECRET=\nERP_API_TOKEN=your-token-here\nDB_PASSWORD=<password>\n')).toEqual([]);
    // Outside git nothing says whether the file is committed; its values are still reported.
    const outside = scanTextFile(`ERP_CLIENT_SECRET=${SECRET}\n`, { path: '/repo/.env', tracked: undefined });
    expect(outside.map((finding) => finding.ruleId)).toEqual(['no-hardcoded-client-secret']);
  });
});

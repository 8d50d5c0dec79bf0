/**
 * A project with many hard-coded client secrets for the fix's failure tests: large files (so that
 * writing them takes long enough to be interrupted), an executable file (its mode must survive),
 * and an existing `.env` with values of its own (they must survive too).
 */
import { chmodSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import type { FixTarget } from '../../../src/fix/apply/index.js';

export interface FixProject {
  readonly dir: string;
  readonly envFile: string;
  readonly exampleFile: string;
  /** Absolute source paths, in order. */
  readonly sources: readonly string[];
  /** The secret hard-coded in each source, same order. */
  readonly secrets: readonly string[];
  readonly targets: readonly FixTarget[];
  /** What the `.env` held before the fix. */
  readonly envBefore: string;
}

/** A client secret for source `index`, assembled at run time (never a literal in the repository). */
export function secretFor(index: number): string {
  const hash = createHash('sha256').update(`credential-hygiene fix audit ${index}`).digest('base64url');
  return `${hash.slice(0, 14)}~${hash.slice(14, 30)}`;
}

export const EXECUTABLE_MODE = 0o755;

export function writeFixProject(options: { files: number; paddingBytes: number; dir?: string }): FixProject {
  const dir = options.dir ?? mkdtempSync(join(tmpdir(), 'credential-hygiene-fix-'));
  mkdirSync(join(dir, 'src'), { recursive: true });
  writeFileSync(join(dir, 'package.json'), `${JSON.stringify({ name: 'kensium-pos-sync', version: '1.0.0', type: 'module' })}\n`);
  writeFileSync(join(dir, '.gitignore'), 'node_modules/\n.env\n');
  const envBefore = "# Local settings\nEXISTING_ERP_TOKEN='keep-this-value-42'\nLOG_LEVEL=debug\n";
  writeFileSync(join(dir, '.env'), envBefore, { mode: 0o600 });
  chmodSync(join(dir, '.env'), 0o600);
  const padding = `/*\n${'x'.repeat(Math.max(0, options.paddingBytes))}\n*/\n`;
  const sources: string[] = [];
  const secrets: string[] = [];
  const targets: FixTarget[] = [];
  for (let index = 0; index < options.files; index++) {
    const name = `store${String(index).padStart(2, '0')}`;
    const secret = secretFor(index);
    const literal = `'${secret}'`;
    const head = `// POS store ${index}\nexport const ${name} = {\n  clientId: 'pos-sync-${index}',\n  clientSecret: `;
    const text = `${head}${literal},\n};\n${padding}`;
    const path = join(dir, 'src', `${name}.ts`);
    writeFileSync(path, text);
    if (index === 0) chmodSync(path, EXECUTABLE_MODE);
    sources.push(path);
    secrets.push(secret);
    targets.push({
      file: path,
      start: head.length,
      end: head.length + literal.length,
      ruleId: 'no-hardcoded-client-secret',
      kind: 'client-secret',
      envName: `${name.toUpperCase()}_CLIENT_SECRET`,
      clientSide: false,
    });
  }
  return { dir, envFile: join(dir, '.env'), exampleFile: join(dir, '.env.example'), sources, secrets, targets, envBefore };
}

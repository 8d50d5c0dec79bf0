/**
 * Writes a fixture project into a temp directory, with every seeded secret placed where the
 * front ends look: secret slots of SDK calls, token requests, env fallbacks, logging, a JSON config
 * file, a committed `.env`, and a file that does not parse.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { SEEDED_SECRETS, type SeededSecret } from './seeded-secrets.js';

/** A JavaScript string literal for the value (PEM line breaks become `\n`). */
const literal = (value: string): string => JSON.stringify(value);

function sourceFor(seed: SeededSecret): string {
  const value = literal(seed.value);
  return [
    `// Kensium POS sync: ${seed.id}`,
    "import * as client from 'openid-client';",
    "import { ClientSecretCredential } from '@azure/identity';",
    '',
    `export const ${seed.slot.replace(/\W/gu, '_')} = ${value};`,
    `export const kensium = { clientId: 'pos-sync', ${JSON.stringify(seed.slot)}: ${value} };`,
    `const fromEnv = process.env.KENSIUM_${seed.slot.replace(/\W/gu, '_').toUpperCase()} || ${value};`,
    '',
    'export async function connect() {',
    `  const config = await client.discovery(new URL('https://pos.example.com'), 'pos-sync', ${value});`,
    `  const credential = new ClientSecretCredential('tenant', 'pos-sync', ${value});`,
    "  const response = await fetch('https://erp.example.com/connect/token', {",
    "    method: 'POST',",
    `    body: new URLSearchParams({ grant_type: 'client_credentials', client_id: 'pos-sync', client_secret: ${value} }),`,
    '  });',
    `  console.log('token request', ${value}, fromEnv);`,
    `  throw new Error(\`token request failed for \${${value}}\`);`,
    '  return { config, credential, response };',
    '}',
    '',
  ].join('\n');
}

export interface SeededProject {
  readonly dir: string;
  /** Relative paths of the files written. */
  readonly files: readonly string[];
}

/** Writes the project; `files` decides which kinds of files are included. */
export function writeSeededProject(seeds: readonly SeededSecret[] = SEEDED_SECRETS, prefix = 'credential-hygiene-leak-'): SeededProject {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  const files: Record<string, string> = {
    'package.json': `${JSON.stringify({ name: 'kensium-pos-sync', version: '1.0.0', type: 'module' }, null, 2)}\n`,
    'tsconfig.json': `${JSON.stringify({ compilerOptions: { target: 'ES2022', module: 'NodeNext', strict: true, noEmit: true }, include: ['src'] }, null, 2)}\n`,
    '.env': seeds.map((seed, i) => `SECRET_${i}_${seed.slot.replace(/\W/gu, '_').toUpperCase()}=${JSON.stringify(seed.value)}`).join('\n') + '\n',
    'config/kensium.json': `${JSON.stringify({ credentials: Object.fromEntries(seeds.map((seed) => [seed.slot, seed.value])) }, null, 2)}\n`,
    'config/keycloak.json': `${JSON.stringify({ realm: 'pos', resource: 'pos-sync', credentials: { secret: seeds[0]?.value ?? '' } }, null, 2)}\n`,
    // Does not parse: a secret next to a syntax error must not reach the error message.
    'src/broken.ts': `export const kensium = { clientSecret: ${literal(seeds[0]?.value ?? '')}, +;\nconst other = ${literal(seeds[1]?.value ?? '')} ${literal(seeds[2]?.value ?? '')};\n`,
  };
  for (const seed of seeds) {
    files[`src/${seed.id}.ts`] = sourceFor(seed);
    files[`src/js/${seed.id}.js`] = sourceFor(seed).replace(/^import .*$/gmu, '');
  }
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), content);
  }
  return { dir, files: Object.keys(files) };
}

/**
 * The client-bundle walk (`findClientReachableSecrets`) takes its roots' sides from their facts,
 * except for files that are server code by their path alone: those are never parsed to be
 * rejected as roots, and are still followed (and parsed) when a client module imports them.
 */
import { mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FileFacts } from '../../src/scanner/facts.js';
import { DEFAULT_COMPILER_OPTIONS } from '../../src/scanner/project.js';
import { findClientReachableSecrets, ModuleResolver, type ModuleGraphHost } from '../../src/scanner/whole-program.js';

let root: string;
const paths = ['src/server/pos-token.ts', 'src/server/sync.ts', 'src/components/Checkout.tsx', 'src/lib/erp.ts'];

function facts(partial: Partial<FileFacts>): FileFacts {
  return { directives: [], imports: [], reExports: [], exportedStrings: [], slotUses: [], secretEnvReads: [], publicEnvReads: [], browserGlobals: [], disableDirectives: [], ...partial };
}

const secretRead = { name: 'POS_CLIENT_SECRET', text: 'process.env.POS_CLIENT_SECRET', kind: 'client-secret' as const, range: [0, 29] as const, endLine: 1, endColumn: 30, line: 1, column: 1 };
const importOf = (specifier: string) => ({ specifier, typeOnly: false, line: 1, column: 1 });

/** Facts by path relative to the root, as the facts rule would give them. */
const factsByPath: Record<string, FileFacts> = {
  // Reads the secret; under `server/`, yet bundled when client code imports it.
  'src/server/pos-token.ts': facts({ secretEnvReads: [secretRead], browserGlobals: ['window'] }),
  // A server module that mentions `window` and imports the reader: never a root.
  'src/server/sync.ts': facts({ imports: [importOf('./pos-token')], browserGlobals: ['window'], directives: ['use client'] }),
  'src/components/Checkout.tsx': facts({ directives: ['use client'], imports: [importOf('../server/pos-token')] }),
  'src/lib/erp.ts': facts({ imports: [importOf('../server/pos-token')] }),
};

function recordingHost(): { host: ModuleGraphHost; asked: string[] } {
  const asked: string[] = [];
  const relative = (path: string): string => path.slice(root.length + 1);
  return {
    asked,
    host: {
      getFacts: (path) => {
        asked.push(relative(path));
        return factsByPath[relative(path)];
      },
      getCompilerOptions: () => DEFAULT_COMPILER_OPTIONS,
      relative,
    },
  };
}

beforeAll(() => {
  root = realpathSync(mkdtempSync(join(tmpdir(), 'ch-client-walk-')));
  for (const path of paths) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), 'export {};\n');
  }
});

afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('findClientReachableSecrets', () => {
  it('does not ask for the facts of a root that is server code by its path', () => {
    const { host, asked } = recordingHost();
    const files = paths.map((path) => join(root, path));
    const reaches = findClientReachableSecrets(host, new ModuleResolver(host, files), files);
    expect(reaches.map((reach) => [host.relative(reach.file), reach.chain.map(host.relative)])).toEqual([
      ['src/server/pos-token.ts', ['src/components/Checkout.tsx', 'src/server/pos-token.ts']],
    ]);
    expect(asked).not.toContain('src/server/sync.ts');
    // Reached from the client root, the server-path module is parsed and followed.
    expect(asked).toContain('src/server/pos-token.ts');
    expect(asked).toContain('src/lib/erp.ts');
  });

  it('treats configured server files the same way', () => {
    const { host, asked } = recordingHost();
    const files = paths.map((path) => join(root, path));
    const reaches = findClientReachableSecrets(host, new ModuleResolver(host, files), files, { serverFiles: ['src/components/**'] });
    expect(reaches).toEqual([]);
    expect(asked).not.toContain('src/components/Checkout.tsx');
  });
});

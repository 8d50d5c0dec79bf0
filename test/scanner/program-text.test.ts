/**
 * The text tests of the whole-program checks: each must let through every file whose facts (from
 * a real parse) hold what the test stands for, and stop the bundle-like text that only mentions
 * the words.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { mayCallSink } from '../../src/catalogue/index.js';
import { FileLinter } from '../../src/scanner/lint.js';
import { mayReadSecretEnv, mayUseImportedSecretName, mayUseSecretName } from '../../src/scanner/prefilter.js';
import { importedBindingNames, importSpecifiers, isSecretEnvName, mayReadSecretEnvText, mayUseImportedFrom, mayUseImportedUnderSecretName } from '../../src/scanner/program-text.js';
import { importersOf } from '../../src/scanner/whole-program.js';

const root = join(import.meta.dirname, '..', '..');

function codeFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'node_modules' ? [] : codeFiles(path);
    return /\.(?:[cm]?[jt]s|[jt]sx)$/u.test(name) && !name.endsWith('.d.ts') ? [path] : [];
  });
}

describe('importSpecifiers', () => {
  it('finds the specifiers of imports, re-exports, import() and require(), comments between the tokens included', () => {
    const text = [
      "import a from './a';",
      "import type { B } from \"./b.js\";",
      "import './side-effect';",
      "export * from './barrel';",
      "export { c as d } from '../c';",
      "const e = await import('./lazy');",
      "const f = require /* legacy */ ('./f.cjs');",
      "import g from\n  // where it lives\n  '@acme/config';",
      "const h = require('./escaped\\u002ejs');",
    ].join('\n');
    expect(importSpecifiers(text)).toEqual(['./a', './b.js', './side-effect', './barrel', '../c', './lazy', './f.cjs', '@acme/config', './escaped.js']);
  });

  it('finds nothing in a file without import words, and ignores a template specifier the facts ignore too', () => {
    expect(importSpecifiers('const total = items.reduce((sum, item) => sum + item.price, 0);')).toEqual([]);
    expect(importSpecifiers('const m = await import(`./x-${name}`);')).toEqual([]);
  });
});

describe('mayReadSecretEnvText', () => {
  it('lets through every shape of a secret env read the facts record', () => {
    for (const text of [
      'const secret = process.env.KENSIUM_CLIENT_SECRET;',
      "const key = process.env['ERP_API_KEY'];",
      'const key = process.env?.ERP_API_KEY;',
      'const pw = import.meta.env.DB_PASSWORD;',
      'const token = Bun.env.GITHUB_TOKEN;',
      "const token = Deno.env.get('GITHUB_TOKEN');",
      'const pw = (process.env).DB_PASSWORD;',
      'const pw = process.env!.DB_PASSWORD;',
      'const { PORT, KENSIUM_CLIENT_SECRET } = process.env;',
      'const { PORT, erp: { x } = {}, ERP_PASSWORD: password = undefined } = process.env;',
      'const { ERP_PASSWORD }: NodeJS.ProcessEnv = process.env;',
      'const { ERP_PASSWORD }: { ERP_PASSWORD?: string } = process.env;',
      '({ ERP_PASSWORD } = process.env);',
      'const {\n  ERP_PASSWORD,\n} = process\n  .env;',
      // Shapes it does not follow count as reads.
      'const pw = (process.env as Record<string, string>).DB_PASSWORD;',
      'const { ERP_PASSWORD } = /* from the host */ process.env;',
      "const { ERP_PASSWORD = '' } = process.env;",
    ]) {
      expect(mayReadSecretEnvText(text), text).toBe(true);
      expect(mayReadSecretEnv(text), text).toBe(true);
    }
  });

  it('stops env reads the facts do not count as secret reads: public prefixes, client ids, other names', () => {
    for (const text of [
      "if (process.env.NODE_ENV !== 'production') console.warn(token);",
      'const key = process.env.NEXT_PUBLIC_MAPS_API_KEY;',
      'const id = process.env.KENSIUM_CLIENT_ID;',
      'const { PORT, HOST } = process.env; const password = form.password;',
      'const env = process.env; const name = env[key]; const tokens = lexer.tokens;',
      "const secretName = process.env.SECRET_NAME; const tokenUrl = process.env['TOKEN_URL'];",
    ]) {
      expect(mayReadSecretEnvText(text), text).toBe(false);
    }
  });

  it('judges env names as the facts rule does', () => {
    expect(isSecretEnvName('KENSIUM_CLIENT_SECRET')).toBe(true);
    expect(isSecretEnvName('VITE_API_SECRET')).toBe(false);
    expect(isSecretEnvName('KENSIUM_CLIENT_ID')).toBe(false);
    expect(isSecretEnvName('TOKEN_URL')).toBe(false);
  });
});

describe('mayUseImportedUnderSecretName', () => {
  it('lets through each way the facts record an imported value used under a secret name', () => {
    for (const text of [
      "import { erp } from './config';\nconst client = createClient({ clientSecret: erp.secret });",
      "import cfg from './config';\nconnect(cfg.erp.password);",
      "import * as cfg from './config';\nconst { clientSecret } = cfg;",
      "import * as cfg from './config';\nconst {\n  login: erpPassword,\n} = cfg.erp;",
      "import { pw } from './config';\nconst password: string = pw;",
      "import { pw } from './config';\nlet user = '', password: string | undefined = pw;",
      "import { t } from './config';\noptions.token = t;",
      "import { clientSecret } from './config';\nsend({ clientSecret });",
      "const cfg = require('./config');\nconst auth = { 'client-secret': cfg.value };",
      "const { erp } = require('./config');\nlog(erp['client_secret']);",
      "import cfg from './config';\nconst s = cfg.clientSecret!;",
    ]) {
      expect(mayUseImportedUnderSecretName(text), text).toBe(true);
      expect(mayUseImportedSecretName(text), text).toBe(true);
    }
  });

  it('stops credential words that are not on an imported value', () => {
    for (const text of [
      // No import at all.
      'const clientSecret = config.secret;',
      // The word is on a local value, or the imported chain goes on past it, or is assigned to.
      "import { lexer } from './lexer';\nconst token = next();\nconst password = form.password;",
      "import { ctx } from './ctx';\nctx.token.value = 1;\nctx.encryptionKey = encryptionKey;",
      "import { build } from './build';\n// Pass it up to the caller.\nbuild(options);",
      "import { a } from './a';\nconst { password } = form;",
    ]) {
      expect(mayUseImportedUnderSecretName(text), text).toBe(false);
    }
  });

  it('collects the names bound to imports and requires', () => {
    const names = importedBindingNames("import a, { b as c } from './x';\nimport * as ns from './y';\nconst { d, e: f } = require('./z');\nconst g = require('./g');\nfoo(require('./h'));");
    expect(names === 'any' ? [] : [...names]).toEqual(expect.arrayContaining(['a', 'c', 'ns', 'd', 'f', 'g']));
  });
});

describe('mayUseImportedFrom', () => {
  const local = (specifier: string): boolean => specifier.startsWith('.');

  it('counts only the bindings of the specifiers it is given (those that resolve to another scanned file)', () => {
    const names = importedBindingNames(
      "import a, { b as c } from './x';\nimport * as ns from 'pkg';\nconst { d } = require('./z');\nconst e = require('lib');\nconst f = require(name);\nconst g = require(\n  // the module\n  ('./g'));",
      local,
    );
    expect(names === 'any' ? 'any' : [...names].filter((name) => name.length === 1).sort()).toEqual(['a', 'b', 'c', 'd', 'g']);
  });

  it('lets through a use of a value imported from a scanned file, under a secret name or at a sink', () => {
    for (const text of [
      "import { erp } from './config';\nconst client = createClient({ clientSecret: erp.secret });",
      "const cfg = require('./config');\nconst { password } = cfg;",
      "import { discovery } from 'openid-client';\nimport { kensium } from './settings';\nawait discovery(url, kensium.id, kensium.value);",
      // A specifier on a broken line is not read: counted.
      "import { erp } from './config\nconst x = { clientSecret: erp.secret };",
    ]) {
      expect(mayUseImportedFrom(text, local), text).toBe(true);
    }
    // At a sink (`mayCallSink`), under any name.
    expect(mayUseImportedFrom("import { ErpClient } from '@acme/erp';\nimport { erp } from './config';\nnew ErpClient(erp.handle);", local, true)).toBe(true);
    expect(mayUseImportedFrom("import { ErpClient } from '@acme/erp';\nimport { erp } from './config';\nnew ErpClient(erp.handle);", local, false)).toBe(false);
  });

  it('stops uses of values imported from packages outside the scan', () => {
    for (const text of [
      "import { erp } from 'erp-sdk';\nconst client = createClient({ clientSecret: erp.secret });",
      "const cfg = require('config');\nconst { password } = cfg;",
      "import { discovery } from 'openid-client';\nimport { format } from './format';\nawait discovery(url, process.env.ID, secret);",
      "const cfg = require(`./config`);\nconst { password } = cfg;",
    ]) {
      expect(mayUseImportedFrom(text, local), text).toBe(text.includes("'./format'"));
    }
  });
});

describe('the text tests against the facts of a parse', () => {
  const linter = new FileLinter({ rules: {}, reportUnusedDisableDirectives: false });
  const files = [...codeFiles(join(root, 'test/fixtures/scanner')), ...codeFiles(join(root, 'examples'))];

  it('covers every import, secret env read and cross-file use the facts rule records in the fixtures', () => {
    let reads = 0;
    let uses = 0;
    let sinkUses = 0;
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      const facts = linter.lint(file, text, { factsOnly: true }).facts;
      if (!facts) continue;
      const specifiers = importSpecifiers(text);
      for (const entry of facts.imports) expect(specifiers, `${file}: ${entry.specifier}`).toContain(entry.specifier);
      if (facts.secretEnvReads.length > 0) {
        reads++;
        expect(mayReadSecretEnv(text), file).toBe(true);
      }
      if (facts.slotUses.length > 0) {
        uses++;
        expect(mayUseSecretName(text), file).toBe(true);
        expect(mayUseImportedSecretName(text), file).toBe(true);
        // Counting only the imports the uses go through (the ones that matter to the check).
        const used = new Set(facts.slotUses.map((use) => use.specifier));
        const callsSink = mayCallSink(specifiers, text);
        expect(mayUseImportedFrom(text, (specifier) => used.has(specifier), callsSink), file).toBe(true);
        if (facts.slotUses.some((use) => use.phrase.startsWith('passed to'))) {
          sinkUses++;
          expect(callsSink, file).toBe(true);
        }
      }
    }
    // The fixtures hold all three, so the loop above checked something.
    expect(reads).toBeGreaterThan(3);
    expect(uses).toBeGreaterThan(3);
    expect(sinkUses).toBeGreaterThan(0);
  });
});

describe('importersOf', () => {
  it('walks import edges backwards from the targets', () => {
    const edges: Record<string, string[]> = { page: ['ui', 'api'], ui: ['format'], api: ['secret'], admin: ['api'], other: ['format'] };
    const importers = importersOf(['secret'], Object.keys(edges), (file) => edges[file] ?? []);
    expect([...importers].sort()).toEqual(['admin', 'api', 'page', 'secret']);
  });
});

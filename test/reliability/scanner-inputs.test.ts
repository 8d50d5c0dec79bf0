/**
 * Any input, no crash, scanner side: a project mixing good files (each with a finding) and hostile
 * ones — truncated and spliced real sources, expressions nested tens of thousands deep, a 10 MB
 * minified bundle, binary, invalid UTF-8, CRLF, BOM — is scanned without an exception escaping;
 * every bad file is named in `errors` or counted in `stats.skipped`, and every finding of the good
 * files is still reported, exactly as when they are scanned alone.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { run, type Finding, type RunResult } from '../../src/scanner/index.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

/** A client secret for good file `index`, assembled at run time. */
const secretFor = (index: number): string => ['Zq8vL2mN', String(index).padStart(4, '0'), 'x4Rt7YpKw1Bs9DfH'].join('');

/** Files with one hard-coded client secret each, in the shapes real code has. */
function goodFiles(): Record<string, string | Buffer> {
  return {
    'src/kensium.ts': `export const kensium = {\n  clientId: 'pos-sync',\n  clientSecret: '${secretFor(1)}',\n};\n`,
    'src/erp-client.js': `const erp = { tokenUrl: 'https://erp.example.com/token', clientSecret: "${secretFor(2)}" };\nmodule.exports = erp;\n`,
    'src/crlf.ts': `// Windows line endings\r\nexport const pos = {\r\n  clientSecret: '${secretFor(3)}',\r\n};\r\n`,
    'src/bom.ts': `\ufeffexport const acumatica = { clientSecret: '${secretFor(4)}' };\n`,
    'config/keycloak.json': `${JSON.stringify({ realm: 'pos', resource: 'pos-sync', credentials: { secret: secretFor(5) } }, null, 2)}\n`,
  };
}

const DEPTH = 20_000;

/** Real source text of this repository, to damage. */
function realSources(): string[] {
  const dir = join(root, 'src', 'detectors');
  return readdirSync(dir)
    .filter((name) => name.endsWith('.ts'))
    .map((name) => readFileSync(join(dir, name), 'utf8'));
}

function hostileFiles(): Record<string, string | Buffer> {
  const [first = '', second = ''] = realSources();
  const invalidUtf8 = Buffer.concat([Buffer.from(`export const clientSecret = '${secretFor(90)}';\n// `), Buffer.from([0xc3, 0x28, 0xa0, 0xa1, 0xed, 0xa0, 0x80]), Buffer.from('\n')]);
  const binary = Buffer.concat([Buffer.from('\u007fELF'), Buffer.alloc(64, 0), Buffer.from(`clientSecret='${secretFor(91)}'`)]);
  const minifiedLine = 'var a=1,b=function(c){return c*2},d={e:"f"};'.repeat(240_000);
  return {
    'src/truncated.ts': first.slice(0, Math.floor(first.length / 2)),
    // A secret first, so that a gate lets the file through to the parse, and a seam that no splice of
    // the sources can leave valid (the parser recovers from some cuts without a syntax error).
    'src/spliced.ts': `export const kensium = { clientSecret: '${secretFor(95)}' };\n${first.slice(0, Math.floor(first.length / 3))}\n}} ((\n${second.slice(Math.floor(second.length / 2))}`,
    // Nested tens of thousands deep, one level per line (so it is parsed, not skipped as minified).
    'src/deep-parens.ts': `export const clientSecret = ${'(\n'.repeat(DEPTH)}'x'${')\n'.repeat(DEPTH)};\n`,
    'src/deep-objects.ts': `export const config = ${'{ a:\n'.repeat(DEPTH)}1${' }\n'.repeat(DEPTH)};\n`,
    'src/deep-arrays.js': `module.exports = ${'[\n'.repeat(DEPTH)}${']\n'.repeat(DEPTH)};\n`,
    'src/deep-calls.ts': `declare function f(x: unknown): unknown;\nexport const v = ${'f(\n'.repeat(DEPTH)}0${')\n'.repeat(DEPTH)};\n`,
    'src/long-sum.ts': `const a = 1;\nexport const total = ${Array.from({ length: 50_000 }, () => 'a').join(' +\n')};\n`,
    'src/long-concat.ts': `export const clientSecret = ${Array.from({ length: 30_000 }, () => "'x'").join(' +\n')};\n`,
    // The same nesting on one line reads as minified code and is skipped with a notice.
    'src/deep-one-line.ts': `export const clientSecret = ${'('.repeat(DEPTH)}'x'${')'.repeat(DEPTH)};\n`,
    'public/app.js': minifiedLine.slice(0, 10 * 1024 * 1024),
    'public/vendor.js': minifiedLine.slice(0, 900_000),
    'dist/bundle.min.js': minifiedLine.slice(0, 100_000),
    'src/binary.ts': binary,
    'src/invalid-utf8.ts': invalidUtf8,
    'src/empty.ts': '',
    'src/only-bom.ts': '\ufeff',
    'src/unbalanced.ts': `export const kensium = { clientSecret: '${secretFor(92)}', ${'{'.repeat(500)}\n`,
    'config/broken.json': `{ "credentials": { "secret": "${secretFor(93)}", \n`,
    '.env': `KENSIUM_CLIENT_SECRET=${secretFor(94)}\n\u0001\u0002garbage=\n`,
  };
}

function writeProject(files: Record<string, string | Buffer>): string {
  const dir = mkdtempSync(join(tmpdir(), 'credential-hygiene-inputs-'));
  dirs.push(dir);
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), content);
  }
  return dir;
}

/** What identifies a finding independently of other files in the run. */
const key = (finding: Finding): string => `${finding.file}:${finding.line}:${finding.column}:${finding.ruleId}:${finding.fingerprint}`;

function findingsIn(result: RunResult, files: readonly string[]): string[] {
  return result.findings.filter((finding) => files.includes(finding.file)).map(key).sort();
}

/**
 * Every file is accounted for: read and checked (`stats.files`, which includes files that then
 * failed to parse), skipped with a reason, or an error before it could be read.
 */
function expectEveryFileAccountedFor(result: RunResult, total: number): void {
  const skippedCount = Object.values(result.stats.skipped).reduce((sum, count) => sum + count, 0);
  const unread = result.errors.filter((error) => !/^(?:syntax error at|cannot be parsed)/u.test(error.message)).length;
  expect(result.stats.files + skippedCount + unread).toBe(total);
}

describe('scanner on hostile files', () => {
  it('reports every good file as if alone, and accounts for every bad one', async () => {
    const good = goodFiles();
    const alone = await run({ cwd: writeProject(good), wholeProgram: true });
    const goodPaths = Object.keys(good);
    const expected = findingsIn(alone, goodPaths);
    // Each good file has its finding, and the CRLF and BOM files are reported on the right line.
    expect(new Set(alone.findings.map((finding) => finding.file))).toEqual(new Set(goodPaths));
    expect(alone.findings.find((finding) => finding.file === 'src/crlf.ts')?.line).toBe(3);
    expect(alone.findings.find((finding) => finding.file === 'src/bom.ts')?.column).toBe(42);

    const hostile = hostileFiles();
    const mixed = await run({ cwd: writeProject({ ...good, ...hostile }) });
    expect(findingsIn(mixed, goodPaths)).toEqual(expected);

    const errors = new Map(mixed.errors.map((error) => [error.file, error.message]));
    expect(errors.get('src/invalid-utf8.ts')).toBe('invalid UTF-8');
    expect(errors.get('src/truncated.ts')).toMatch(/^syntax error at \d+:\d+: /u);
    expect(errors.get('src/spliced.ts')).toMatch(/^syntax error at \d+:\d+: /u);
    expect(errors.get('src/unbalanced.ts')).toMatch(/^syntax error at \d+:\d+: /u);
    // Deep nesting may exhaust the parser's stack: that is an error entry for the file, never a crash.
    for (const file of ['src/deep-parens.ts', 'src/deep-objects.ts', 'src/deep-arrays.js', 'src/deep-calls.ts', 'src/long-sum.ts', 'src/long-concat.ts']) {
      const message = errors.get(file);
      if (message !== undefined) expect(message, file).toMatch(/^(?:syntax error at \d+:\d+|cannot be parsed): \S/u);
    }
    for (const message of errors.values()) expect(message).not.toContain('undefined');
    expect(mixed.stats.skipped).toEqual({ 'too-large': 1, minified: 2, binary: 1, ignored: 1 });
    // What can still be read in broken config files is still reported.
    expect(mixed.findings.some((finding) => finding.file === '.env')).toBe(true);
    // No file is both reported as an error and counted as scanned twice; every error names a file.
    expect(new Set(mixed.errors.map((error) => error.file)).size).toBe(mixed.errors.length);
    for (const error of mixed.errors) expect(error.message.length).toBeGreaterThan(0);
    expectEveryFileAccountedFor(mixed, Object.keys({ ...good, ...hostile }).length);
  }, 120_000);

  it('survives random damage to real source files without losing the good files', async () => {
    const sources = realSources();
    const good = goodFiles();
    const alone = await run({ cwd: writeProject(good) });
    const expected = findingsIn(alone, Object.keys(good));
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.record({
            source: fc.nat({ max: sources.length - 1 }),
            other: fc.nat({ max: sources.length - 1 }),
            cut: fc.double({ min: 0, max: 1, noNaN: true }),
            from: fc.double({ min: 0, max: 1, noNaN: true }),
            noise: fc.uint8Array({ maxLength: 64 }),
            mutation: fc.constantFrom('truncate', 'splice', 'bytes', 'crlf', 'bom', 'nul'),
          }),
          { minLength: 1, maxLength: 4 },
        ),
        async (damages) => {
          const files: Record<string, string | Buffer> = { ...good };
          damages.forEach(({ source, other, cut, from, noise, mutation }, index) => {
            const a = sources[source]!;
            const b = sources[other]!;
            const at = Math.floor(a.length * cut);
            const content =
              mutation === 'truncate'
                ? a.slice(0, at)
                : mutation === 'splice'
                  ? a.slice(0, at) + b.slice(Math.floor(b.length * from))
                  : mutation === 'bytes'
                    ? Buffer.concat([Buffer.from(a.slice(0, at)), Buffer.from(noise), Buffer.from(a.slice(at))])
                    : mutation === 'crlf'
                      ? a.replace(/\n/gu, '\r\n')
                      : mutation === 'bom'
                        ? `\ufeff${a}`
                        : `${a.slice(0, at)}\u0000${a.slice(at)}`;
            files[`src/damaged-${index}.ts`] = content;
          });
          const result = await run({ cwd: writeProject(files) });
          expect(findingsIn(result, Object.keys(good))).toEqual(expected);
          expectEveryFileAccountedFor(result, Object.keys(files).length);
        },
      ),
      { numRuns: 8 },
    );
  }, 120_000);
});

/**
 * Test support for the fix: copies a fixture project to a temp directory (with the repo's
 * node_modules linked in, for `@types/node` and `tsc`) and builds fix targets by locating a
 * literal's source text, the way the scanner reports it.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import type { FixTarget } from '../../src/fix/apply/index.js';

export const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const fixturesDir = join(repoRoot, 'test', 'fixtures', 'fix');

const created: string[] = [];

/** A fresh temp directory, removed by `cleanupProjects`. */
export function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'ch-fix-'));
  created.push(dir);
  return dir;
}

/** Copies `test/fixtures/fix/<name>` to a temp directory with node_modules linked. */
export function copyFixture(name: string): string {
  const dir = tempDir();
  cpSync(join(fixturesDir, name), dir, { recursive: true });
  symlinkSync(join(repoRoot, 'node_modules'), join(dir, 'node_modules'), 'dir');
  return dir;
}

export function cleanupProjects(): void {
  for (const dir of created.splice(0)) rmSync(dir, { recursive: true, force: true });
}

/** Writes files (path → text) under `dir`, creating directories. */
export function writeProject(dir: string, files: Readonly<Record<string, string>>): void {
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
}

export interface TargetSpec {
  /** The literal exactly as written in the file, quotes included. */
  readonly literal: string;
  readonly kind?: string;
  readonly envName: string;
  readonly ruleId?: string;
  readonly clientSide?: boolean;
  /** Which occurrence of `literal` in the file (0-based). */
  readonly occurrence?: number;
}

/** A fix target for the `occurrence`-th appearance of `literal` in `file`. */
export function targetFor(file: string, spec: TargetSpec): FixTarget {
  const text = readFileSync(file, 'utf8');
  let start = -1;
  for (let index = 0; index <= (spec.occurrence ?? 0); index++) {
    start = text.indexOf(spec.literal, start + 1);
    if (start === -1) throw new Error(`literal #${index} not found in ${file}`);
  }
  return {
    file,
    start,
    end: start + spec.literal.length,
    ruleId: spec.ruleId ?? 'no-hardcoded-client-secret',
    kind: spec.kind ?? 'client-secret',
    envName: spec.envName,
    clientSide: spec.clientSide ?? false,
  };
}

export function sha256(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}

/** Every file under `dir` (relative, `/`-separated) with its text, skipping node_modules. */
export function snapshotTree(dir: string): Map<string, string> {
  const result = new Map<string, string>();
  const walk = (current: string): void => {
    for (const entry of readdirSync(current, { withFileTypes: true })) {
      if (entry.name === 'node_modules') continue;
      const path = join(current, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.isFile()) result.set(relative(dir, path).split('\\').join('/'), readFileSync(path, 'utf8'));
    }
  };
  walk(dir);
  return result;
}

export interface ProcessResult {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs a command without the parent's environment (only PATH), so no env var leaks in. */
export function runProcess(command: string, args: readonly string[], cwd: string): Promise<ProcessResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, env: { PATH: process.env['PATH'] ?? '' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

/** `tsc --noEmit -p <dir>` with the repo's own TypeScript. */
export function typeCheck(dir: string): Promise<ProcessResult> {
  return runProcess(process.execPath, [join(repoRoot, 'node_modules', 'typescript', 'bin', 'tsc'), '--noEmit', '-p', dir], dir);
}

/**
 * Transpiles the TypeScript files of `srcDir` into `outDir` for Node (ESM or CommonJS), marking
 * the format with a package.json, so a test can run the fixed program.
 */
export function transpileForNode(srcDir: string, outDir: string, format: 'esm' | 'commonjs'): void {
  mkdirSync(outDir, { recursive: true });
  writeFileSync(join(outDir, 'package.json'), JSON.stringify({ type: format === 'esm' ? 'module' : 'commonjs' }));
  for (const name of readdirSync(srcDir)) {
    if (!/\.tsx?$/u.test(name)) continue;
    const output = ts.transpileModule(readFileSync(join(srcDir, name), 'utf8'), {
      compilerOptions: { target: ts.ScriptTarget.ES2022, module: format === 'esm' ? ts.ModuleKind.ESNext : ts.ModuleKind.CommonJS },
      fileName: name,
    });
    writeFileSync(join(outDir, name.replace(/\.tsx?$/u, '.js')), output.outputText);
  }
}

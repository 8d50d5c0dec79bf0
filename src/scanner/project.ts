/**
 * Loads a TypeScript project the way tsc does: `ts.getParsedCommandLineOfConfigFile` (so `extends`
 * works), failing loudly on a broken tsconfig, then following `references` recursively. A
 * solution-style root (`"files": []` plus references) yields the files of its references.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
// Loaded with `require`: importing TypeScript's 9 MB CommonJS bundle from an ES module makes Node
// scan it for named exports first (about 0.3 s of start-up).
import ts = require('typescript');
import { ProjectConfigError } from './project-error.js';

export interface LoadedProject {
  /** Absolute path of the tsconfig. */
  readonly configFile: string;
  readonly options: ts.CompilerOptions;
  /** Absolute paths of the files the project includes. */
  readonly fileNames: readonly string[];
}

export { ProjectConfigError };

function formatDiagnostic(diagnostic: ts.Diagnostic): string {
  const text = ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n');
  if (diagnostic.file && diagnostic.start !== undefined) {
    const { line, character } = diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start);
    return `TS${diagnostic.code} at ${line + 1}:${character + 1}: ${text}`;
  }
  return `TS${diagnostic.code}: ${text}`;
}

/** Which diagnostics do not stop a scan: an `include` that matches nothing is not broken. */
const HARMLESS_DIAGNOSTICS = new Set([18003]);

function parseConfig(configFile: string): ts.ParsedCommandLine {
  const host: ts.ParseConfigFileHost = {
    ...ts.sys,
    onUnRecoverableConfigFileDiagnostic(diagnostic) {
      throw new ProjectConfigError(configFile, formatDiagnostic(diagnostic));
    },
  };
  const parsed = ts.getParsedCommandLineOfConfigFile(configFile, { noEmit: true }, host);
  if (!parsed) throw new ProjectConfigError(configFile, 'cannot read the file');
  const errors = parsed.errors.filter((diagnostic) => !HARMLESS_DIAGNOSTICS.has(diagnostic.code));
  const first = errors[0];
  if (first) throw new ProjectConfigError(configFile, formatDiagnostic(first));
  return parsed;
}

/**
 * Loads `configFile` and every project it references, de-duplicated by resolved path. References
 * are not inherited through `extends` (microsoft/TypeScript#61223), so each config's own list is used.
 */
export function loadProjects(configFile: string): LoadedProject[] {
  const loaded = new Map<string, LoadedProject>();
  const pending = [resolve(configFile)];
  while (pending.length > 0) {
    const current = pending.shift() as string;
    if (loaded.has(current)) continue;
    if (!existsSync(current)) throw new ProjectConfigError(current, 'the file does not exist');
    const parsed = parseConfig(current);
    loaded.set(current, { configFile: current, options: parsed.options, fileNames: parsed.fileNames.map((name) => resolve(name)) });
    for (const reference of parsed.projectReferences ?? []) pending.push(resolve(ts.resolveProjectReferencePath(reference)));
  }
  return [...loaded.values()];
}

/** The `tsconfig.json` directly in `dir`, if any. */
export function findTsconfig(dir: string): string | undefined {
  const candidate = join(dir, 'tsconfig.json');
  return existsSync(candidate) ? candidate : undefined;
}

/** Compiler options used to resolve imports in files that no tsconfig covers. */
export const DEFAULT_COMPILER_OPTIONS: ts.CompilerOptions = {
  allowJs: true,
  module: ts.ModuleKind.NodeNext,
  moduleResolution: ts.ModuleResolutionKind.NodeNext,
  target: ts.ScriptTarget.ES2022,
  noEmit: true,
};

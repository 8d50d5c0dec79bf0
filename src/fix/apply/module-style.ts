/**
 * How a file imports things: ESM or CommonJS syntax, and whether relative specifiers carry a
 * `.js` extension. Detected from the file extension, the nearest package.json `type` and the
 * nearest tsconfig's `module` / `moduleResolution`, the same facts Node and TypeScript use.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, parse, relative, sep } from 'node:path';
import ts from 'typescript';

export interface ModuleStyle {
  /** `import { x } from '…'` or `const { x } = require('…')`. */
  readonly syntax: 'esm' | 'commonjs';
  /** Whether a relative specifier needs the runtime extension (`./require-env.js`). */
  readonly extensions: boolean;
  /** TypeScript source (the helper is written as `.ts` and typed). */
  readonly typescript: boolean;
}

export interface ProjectFacts {
  /** Directory of the nearest package.json, or the file's directory when there is none. */
  readonly packageDir: string;
  readonly packageType: 'module' | 'commonjs';
  /** Path of the nearest tsconfig.json, if any. */
  readonly tsconfig: string | undefined;
  readonly moduleResolution: ts.ModuleResolutionKind | undefined;
  readonly module: ts.ModuleKind | undefined;
}

const cache = new Map<string, ProjectFacts>();

function findUp(start: string, name: string, stopAt?: string): string | undefined {
  let current = start;
  for (;;) {
    const candidate = join(current, name);
    if (existsSync(candidate)) return candidate;
    const parent = dirname(current);
    if (parent === current || current === stopAt) return undefined;
    current = parent;
  }
}

function readPackageType(path: string | undefined): 'module' | 'commonjs' {
  if (!path) return 'commonjs';
  try {
    const parsed = JSON.parse(readFileSync(path, 'utf8')) as { type?: unknown };
    return parsed.type === 'module' ? 'module' : 'commonjs';
  } catch {
    return 'commonjs';
  }
}

/** Reads the options of a tsconfig with its `extends` chain; `undefined` options on error. */
function readCompilerOptions(path: string): ts.CompilerOptions | undefined {
  const config = ts.readConfigFile(path, (file) => ts.sys.readFile(file));
  if (config.error) return undefined;
  const parsed = ts.parseJsonConfigFileContent(config.config, ts.sys, dirname(path), undefined, path);
  return parsed.options;
}

/** Facts about the project a file belongs to (cached per directory). */
export function projectFactsFor(file: string): ProjectFacts {
  const directory = dirname(file);
  const cached = cache.get(directory);
  if (cached) return cached;
  const packageJson = findUp(directory, 'package.json');
  const packageDir = packageJson ? dirname(packageJson) : directory;
  // A tsconfig above the package (a monorepo root) still applies through `extends` or directly.
  const tsconfig = findUp(directory, 'tsconfig.json');
  const options = tsconfig ? readCompilerOptions(tsconfig) : undefined;
  const facts: ProjectFacts = {
    packageDir,
    packageType: readPackageType(packageJson),
    tsconfig,
    moduleResolution: options?.moduleResolution,
    module: options?.module,
  };
  cache.set(directory, facts);
  return facts;
}

/** Forgets cached project facts (tests create projects on the fly). */
export function clearProjectFactsCache(): void {
  cache.clear();
}

function isTypeScriptFile(file: string): boolean {
  return /\.[cm]?tsx?$/u.test(file);
}

/** True when TypeScript resolves relative imports the way Node's ESM loader does. */
function needsExtensions(facts: ProjectFacts): boolean {
  const resolution = facts.moduleResolution;
  if (resolution === ts.ModuleResolutionKind.Node16 || resolution === ts.ModuleResolutionKind.NodeNext) return true;
  if (resolution !== undefined) return false;
  // No explicit moduleResolution: TypeScript derives it from `module`.
  return facts.module === ts.ModuleKind.Node16 || facts.module === ts.ModuleKind.NodeNext || facts.module === ts.ModuleKind.Node18;
}

/**
 * The module style of `file`, judged from its extension, package type, tsconfig and, for plain
 * `.js`, from the file's own syntax (a `.js` file that already uses `require` and no `import`
 * stays CommonJS).
 */
export function moduleStyleFor(file: string, text: string): ModuleStyle {
  const facts = projectFactsFor(file);
  const typescript = isTypeScriptFile(file);
  if (typescript) {
    // TypeScript source is written with import syntax whatever it compiles to.
    return { syntax: 'esm', extensions: needsExtensions(facts), typescript };
  }
  let syntax: 'esm' | 'commonjs';
  if (/\.mjs$/u.test(file)) syntax = 'esm';
  else if (/\.cjs$/u.test(file)) syntax = 'commonjs';
  else if (/^\s*(?:import\s[^(]|export\s)/mu.test(text)) syntax = 'esm';
  else if (/\brequire\s*\(|\bmodule\.exports\b|\bexports\.\w/u.test(text)) syntax = 'commonjs';
  else syntax = facts.packageType === 'module' ? 'esm' : 'commonjs';
  // Node's ESM loader needs the extension; CommonJS accepts it, so JavaScript always carries it.
  return { syntax, extensions: true, typescript };
}

/**
 * The specifier `from` uses to import `helperFile`: relative, `/`-separated, starting with `./`
 * or `../`, with the runtime extension when `style.extensions` is set.
 */
export function relativeSpecifier(from: string, helperFile: string, style: ModuleStyle): string {
  const parsed = parse(helperFile);
  let runtimeExtension = parsed.ext;
  if (parsed.ext === '.ts' || parsed.ext === '.tsx') runtimeExtension = '.js';
  else if (parsed.ext === '.mts') runtimeExtension = '.mjs';
  else if (parsed.ext === '.cts') runtimeExtension = '.cjs';
  const target = join(parsed.dir, style.extensions ? parsed.name + runtimeExtension : parsed.name);
  let specifier = relative(dirname(from), target).split(sep).join('/');
  if (!specifier.startsWith('.')) specifier = `./${specifier}`;
  return specifier;
}

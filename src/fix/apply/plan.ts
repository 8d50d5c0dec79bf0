/**
 * Plans a fix: reads every file involved, decides the variable name of each secret, and
 * computes the new text of every source file, the helper, the env file, `.env.example` and
 * `.gitignore`, without writing anything. `applyPlan` (atomic.ts) then writes all or nothing.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, sep } from 'node:path';
import { envNamesUsedIn } from '../eslint.js';
import { CREDENTIAL_KIND_LABELS, maskSecret, type CredentialKind } from '../../detectors/index.js';
import { applyEdits, positionOf } from './edits.js';
import { appendEdit, declaredEnvNames, gitignoreIgnores, readEnvText, serializeEnvEntry } from './env-file.js';
import { DEFAULT_HELPER_NAME, exportsHelper, helperSource, type HelperFlavour } from './helper.js';
import { planHelperImport } from './imports.js';
import { isFailure, isEditableSourceFile, locateLiteral, parseSource, syntaxErrorCount, type LocatedLiteral } from './literal.js';
import { moduleStyleFor, projectFactsFor, relativeSpecifier } from './module-style.js';
import type { FixedSecret, FixPlan, FixTarget, LookupStyle, PlannedFile, PlanNotice, SkippedTarget, TextEdit } from './types.js';

/**
 * How names and replacement text are made. The `fix` command builds this from `src/fix/`'s
 * `envVarNameFor` and `envLookupText`, the functions the ESLint suggestions use, so both front
 * ends produce the same text for the same finding.
 */
export interface FixNaming {
  /** The variable name for `target`, not in `taken`. */
  nameFor(target: FixTarget, taken: ReadonlySet<string>): string;
  /** The expression that reads `name` in the chosen style. */
  lookupText(name: string, style: LookupStyle, helperName: string): string;
  /**
   * The variable name for a whole URL with a password in it (`DATABASE_URL`, `MONGODB_URI`,
   * `LEGACY_ERP_URL`), not in `taken`. Without it, `nameFor` names the URL.
   */
  urlNameFor?(target: FixTarget, scheme: string, taken: ReadonlySet<string>): string;
}

export interface FixOptions {
  /** Paths in messages and diffs are relative to this directory. */
  readonly cwd: string;
  readonly style: LookupStyle;
  /** Absolute path of the env file (`.env`). */
  readonly envFile: string;
  /** Absolute path of the example file (`.env.example`). */
  readonly exampleFile: string;
  /** Absolute path of the helper; by default `require-env.ts` (or `.js`) per package. */
  readonly helperPath?: string;
  readonly helperName?: string;
  readonly naming: FixNaming;
  /** Names the project already reads (`process.env.X` elsewhere), which a new secret must not take. */
  readonly takenNames?: Iterable<string>;
  /**
   * Which client ids move: `with-secret` (the default) only those in a file whose client secret
   * moves too (a confidential client, configured per environment); `all`; or `none`. A lone
   * client id may be a public client's (a CLI, a native app) that ships with the code, and
   * `requireEnv` would make every user set it.
   */
  readonly clientIds?: 'with-secret' | 'all' | 'none';
}

interface Candidate {
  readonly target: FixTarget;
  readonly located: LocatedLiteral;
  readonly line: number;
  readonly column: number;
}

/** A second finding on a literal another finding already covers (a fallback and its known format). */
interface Duplicate {
  readonly target: FixTarget;
  readonly line: number;
  readonly column: number;
  readonly of: Candidate;
}

interface Assigned extends Candidate {
  readonly name: string;
  readonly alreadyInEnvFile: boolean;
}

function readIfExists(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

function displayPath(cwd: string, path: string): string {
  const relativePath = relative(cwd, path);
  return (relativePath === '' || relativePath.startsWith('..') || isAbsolute(relativePath) ? path : relativePath).split(sep).join('/');
}

/** "client secret" for a credential kind; "credential" for anything else (a token format…). */
function kindLabel(kind: string): string {
  return (CREDENTIAL_KIND_LABELS as Readonly<Record<string, string>>)[kind as CredentialKind] ?? 'credential';
}

/** Runs git in `directory`; `undefined` when git is missing or the directory is not in a repository. */
function git(directory: string, args: readonly string[]): { status: number; stdout: string } | undefined {
  const result = spawnSync('git', args, { cwd: directory, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  if (result.error || result.status === null) return undefined;
  if (result.status === 128) return undefined; // not a repository
  return { status: result.status, stdout: result.stdout };
}

function isGitIgnored(path: string, gitignoreText: string | undefined, gitignoreDir: string): boolean {
  const result = git(dirname(path), ['check-ignore', '-q', '--no-index', '--', path]);
  if (result) return result.status === 0;
  return gitignoreText !== undefined && gitignoreIgnores(gitignoreText, displayPath(gitignoreDir, path));
}

function isGitTracked(path: string): boolean {
  const result = git(dirname(path), ['ls-files', '--error-unmatch', '--', path]);
  return result !== undefined && result.status === 0;
}

/** Where the helper for a package goes when `--helper-path` is not given. */
function defaultHelperPath(packageDir: string, files: readonly string[]): string {
  const allTypeScript = files.every((file) => /\.[cm]?tsx?$/u.test(file)) && projectFactsFor(files[0] ?? packageDir).tsconfig !== undefined;
  const extension = allTypeScript ? '.ts' : '.js';
  const sourceDir = join(packageDir, 'src');
  const underSrc = files.every((file) => file.startsWith(sourceDir + sep));
  return join(underSrc ? sourceDir : packageDir, `require-env${extension}`);
}

/**
 * The helper a CommonJS file can `require`: a `.cjs` file (or `.cts`) whose package helper is an
 * ES module (`"type": "module"`) or TypeScript gets a `.cjs` (or `.cts`) helper beside it, since
 * `require()` of an ES module needs Node 20.19 or later.
 */
function commonJsHelperPath(file: string, helperPath: string): string {
  // A `.cjs` file cannot load TypeScript source either: it gets a JavaScript helper of its own.
  if (/\.cjs$/u.test(file) && helperFlavourFor(helperPath) !== 'commonjs') return helperPath.replace(/\.[cm]?[jt]sx?$/u, '.cjs');
  if (/\.cts$/u.test(file) && /\.(?:m?ts|tsx)$/u.test(helperPath) && (helperPath.endsWith('.mts') || projectFactsFor(helperPath).packageType === 'module')) {
    return helperPath.replace(/\.[cm]?[jt]sx?$/u, '.cts');
  }
  return helperPath;
}

function helperFlavourFor(helperPath: string): HelperFlavour {
  if (/\.[cm]?tsx?$/u.test(helperPath)) return 'typescript';
  if (helperPath.endsWith('.mjs')) return 'esm';
  if (helperPath.endsWith('.cjs')) return 'commonjs';
  return projectFactsFor(helperPath).packageType === 'module' ? 'esm' : 'commonjs';
}

export function planFix(targets: readonly FixTarget[], options: FixOptions): FixPlan {
  const helperName = options.helperName ?? DEFAULT_HELPER_NAME;
  const skipped: SkippedTarget[] = [];
  const notices: PlanNotice[] = [];
  const secrets = new Set<string>();
  const texts = new Map<string, string>();
  const show = (path: string): string => displayPath(options.cwd, path);

  function skip(target: FixTarget, reason: SkippedTarget['reason'], message: string, position?: { line: number; column: number }, value?: string): void {
    skipped.push({ target, reason, message, line: position?.line ?? 0, column: position?.column ?? 0, ...(value === undefined ? {} : { masked: maskSecret(value) }) });
  }

  // 1. Locate every literal; client-side code and unreadable or changed files are reported.
  const seen = new Set<string>();
  const candidates: Candidate[] = [];
  const duplicates: Duplicate[] = [];
  const ordered = [...targets].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.start - b.start));
  for (const target of ordered) {
    const key = `${target.file}\0${target.start}\0${target.end}`;
    if (seen.has(key)) continue;
    seen.add(key);
    let text = texts.get(target.file);
    if (text === undefined) {
      text = readIfExists(target.file);
      if (text === undefined) {
        skip(target, 'stale', `${show(target.file)} no longer exists.`);
        continue;
      }
      texts.set(target.file, text);
    }
    // Offsets count from after a byte-order mark, as ESLint and the scanner read the file.
    const bom = text.charCodeAt(0) === 0xfeff ? 1 : 0;
    const position = positionOf(text.slice(bom), target.start);
    if (target.clientSide) {
      skip(
        target,
        'client-side',
        target.kind === 'client-id'
          ? 'Client-side code: an environment variable would still be bundled into the browser, where a public client id is expected; set it through the bundler\'s public configuration if it differs per environment.'
          : 'Client-side code: an environment variable would still be bundled into the browser. Move this call to a server (a backend-for-frontend or an API route), then rotate the secret.',
        position,
      );
      continue;
    }
    if (target.testFile) {
      skip(target, 'test-file', 'Test file: tests run where no env file exists (CI). Replace the value with an obvious dummy such as `test-client-secret`, and rotate it if it was ever real.', position);
      continue;
    }
    if (!isEditableSourceFile(target.file)) {
      skip(target, 'not-replaceable', 'Not a JavaScript or TypeScript source file; move the value by hand.', position);
      continue;
    }
    const located = locateLiteral(parseSource(target.file, text), target.start + bom, target.end + bom);
    if (isFailure(located)) {
      skip(target, located.failure === 'not-a-literal' ? 'stale' : 'not-replaceable', located.message, position);
      continue;
    }
    if (located.value === '') {
      skip(target, 'not-replaceable', 'The value is empty: there is nothing to move; remove the literal by hand.', position);
      continue;
    }
    secrets.add(located.value);
    secrets.add(located.raw);
    // The reported part (a URL's password) is a secret of its own wherever else it stands.
    if (located.urlScheme !== undefined) secrets.add(text.slice(target.start + bom, target.end + bom));
    const overlapping = candidates.find((other) => other.target.file === target.file && other.located.start < located.end && located.start < other.located.end);
    if (overlapping) {
      duplicates.push({ target, ...position, of: overlapping });
      continue;
    }
    candidates.push({ target, located, ...position });
  }

  // Client ids: an id whose secret moves too is configuration of the same client and moves with it;
  // a lone id may be a public client's, shipped on purpose, and a required variable would break
  // every user of the program.
  const clientIds = options.clientIds ?? 'with-secret';
  const filesWithSecrets = new Set(candidates.filter((candidate) => candidate.target.kind !== 'client-id').map((candidate) => candidate.target.file));
  for (let index = candidates.length - 1; index >= 0; index--) {
    const candidate = candidates[index] as Candidate;
    if (candidate.target.kind !== 'client-id' || candidate.located.existingEnvName !== undefined) continue;
    if (clientIds === 'all' || (clientIds === 'with-secret' && filesWithSecrets.has(candidate.target.file))) continue;
    candidates.splice(index, 1);
    skip(
      candidate.target,
      'client-id',
      clientIds === 'none'
        ? 'A client id is not a secret, and --client-ids none leaves client ids in the code.'
        : 'A client id is not a secret, and no client secret moves from this file: it may be a public client (a CLI, a native or single-page app) whose id ships with the code, and a required variable would stop every user who has not set it. Move it with --client-ids all, or by hand with a default.',
      candidate,
    );
  }

  // 2. Names: an env fallback keeps its variable; a value seen before keeps its name (in this run
  // or from an earlier run's env file); otherwise the naming function picks one not yet taken.
  const envBefore = readIfExists(options.envFile);
  const envValues = envBefore === undefined ? new Map<string, string>() : readEnvText(envBefore);
  const exampleBefore = readIfExists(options.exampleFile);
  const exampleNames = exampleBefore === undefined ? new Set<string>() : declaredEnvNames(exampleBefore);
  // A name the code already reads is taken. One that `.env.example` only declares is what the
  // deployment is told to set: the value it was declared for takes it (the env file's own check
  // below still stops a different value already set under it).
  const taken = new Set<string>(options.takenNames ?? []);
  for (const text of texts.values()) for (const name of envNamesUsedIn(text)) taken.add(name);
  const nameByValue = new Map<string, string>();
  const valueByName = new Map<string, string>();
  for (const [name, value] of envValues) if (!nameByValue.has(value) && value !== '') nameByValue.set(value, name);

  const assigned: Assigned[] = [];
  const urlNames = new Set<string>();
  const labelOf = (name: string, kind: string): string => (urlNames.has(name) ? `URL with a ${kindLabel(kind)} in it` : kindLabel(kind));
  for (const candidate of candidates) {
    const { target, located } = candidate;
    let name = located.existingEnvName ?? nameByValue.get(located.value);
    if (name === undefined) {
      const unavailable = new Set([...taken, ...valueByName.keys()]);
      name =
        located.urlScheme !== undefined && options.naming.urlNameFor
          ? options.naming.urlNameFor(target, located.urlScheme, unavailable)
          : options.naming.nameFor(target, unavailable);
    }
    const inRun = valueByName.get(name);
    if (inRun !== undefined && inRun !== located.value) {
      skip(target, 'conflict', `${name} is already used for a different value in this fix; the code was left unchanged.`, candidate, located.value);
      continue;
    }
    const inEnvFile = envValues.get(name);
    // `process.env.X || 'old'` with X set to another value in the env file is a conflict like any
    // other: which value is current (the file's, or the fallback's where the file is not loaded)
    // is the user's call, and the fallback is the only copy of the old value in the code.
    if (inEnvFile !== undefined && inEnvFile !== '' && inEnvFile !== located.value) {
      skip(
        target,
        'conflict',
        `${show(options.envFile)} already sets ${name} to a different value (${maskSecret(inEnvFile)}); the code and the env file were left unchanged. Decide which value is right, then run the fix again.`,
        candidate,
        located.value,
      );
      secrets.add(inEnvFile);
      continue;
    }
    if (serializeEnvEntry(name, located.value) === undefined) {
      skip(target, 'not-representable', 'The value contains quotes and line breaks that an env file cannot hold unchanged; move it to a secret store by hand.', candidate, located.value);
      continue;
    }
    valueByName.set(name, located.value);
    nameByValue.set(located.value, name);
    if (located.urlScheme !== undefined) urlNames.add(name);
    assigned.push({ ...candidate, name, alreadyInEnvFile: inEnvFile === located.value });
  }

  // 3. Helper paths (require-env style), one per package unless given.
  const byFile = new Map<string, Assigned[]>();
  for (const entry of assigned) byFile.set(entry.target.file, [...(byFile.get(entry.target.file) ?? []), entry]);
  const helperFor = new Map<string, string>();
  if (options.style === 'require-env') {
    const filesByPackage = new Map<string, string[]>();
    for (const file of byFile.keys()) {
      const packageDir = projectFactsFor(file).packageDir;
      filesByPackage.set(packageDir, [...(filesByPackage.get(packageDir) ?? []), file]);
    }
    for (const [packageDir, files] of filesByPackage) {
      const helperPath = options.helperPath ?? defaultHelperPath(packageDir, files);
      for (const file of files) helperFor.set(file, commonJsHelperPath(file, helperPath));
    }
  }
  const helperOk = new Map<string, boolean>();
  function helperUsable(path: string): boolean {
    let ok = helperOk.get(path);
    if (ok === undefined) {
      const existing = readIfExists(path);
      ok = existing === undefined || exportsHelper(existing, helperName);
      helperOk.set(path, ok);
    }
    return ok;
  }

  // 4. Source edits, checked by re-parsing: a file whose edit would add a syntax error is left alone.
  const files: PlannedFile[] = [];
  const fixed: FixedSecret[] = [];
  const usedHelpers = new Set<string>();
  for (const [file, entries] of byFile) {
    const before = texts.get(file) as string;
    const edits: TextEdit[] = entries.map(({ located, name }) => ({
      start: located.start,
      end: located.end,
      text: located.wrap(options.naming.lookupText(name, options.style, helperName)),
    }));
    const helperPath = helperFor.get(file);
    const skipAll = (reason: SkippedTarget['reason'], message: string): void => {
      for (const entry of entries) skip(entry.target, reason, message, entry, entry.located.value);
    };
    if (helperPath !== undefined) {
      if (!helperUsable(helperPath)) {
        skipAll('helper-clash', `${show(helperPath)} exists and does not export \`${helperName}\`; choose another --helper-path.`);
        continue;
      }
      const sourceFile = parseSource(file, before);
      const style = moduleStyleFor(file, before);
      const importPlan = planHelperImport(sourceFile, helperName, relativeSpecifier(file, helperPath, style), style);
      if ('clash' in importPlan) {
        skipAll('import-clash', importPlan.clash);
        continue;
      }
      if (importPlan.edit) edits.push(importPlan.edit);
      usedHelpers.add(helperPath);
    }
    const after = applyEdits(before, edits);
    if (syntaxErrorCount(parseSource(file, after)) > syntaxErrorCount(parseSource(file, before))) {
      skipAll('not-replaceable', 'Replacing the literal here would break the syntax of the file; move it by hand.');
      continue;
    }
    files.push({ path: file, before, after, edits, createMode: 0o644, role: 'source' });
    for (const entry of entries) {
      fixed.push({ target: entry.target, line: entry.line, column: entry.column, envName: entry.name, masked: maskSecret(entry.located.value), alreadyInEnvFile: entry.alreadyInEnvFile });
    }
  }

  // A second finding on a moved literal is resolved with it; one on a literal left in place is not.
  const sameLiteral: FixedSecret[] = [];
  for (const duplicate of duplicates) {
    const primary = fixed.find((entry) => entry.target === duplicate.of.target);
    if (primary) {
      sameLiteral.push({ ...primary, target: duplicate.target, line: duplicate.line, column: duplicate.column });
    } else {
      skip(duplicate.target, 'duplicate', `Same literal as the finding at ${duplicate.of.line}:${duplicate.of.column}, which is left unchanged (see there).`, duplicate, duplicate.of.located.value);
    }
  }

  if (options.style === 'process-env') {
    const typed = files.find((file) => /\.[cm]?tsx?$/u.test(file.path));
    if (typed) {
      notices.push({ file: show(typed.path), message: 'now reads process.env, which TypeScript types as `string | undefined`: run tsc --noEmit, or use --style require-env.' });
    }
  }

  // 5. The helper, created once per path.
  for (const helperPath of usedHelpers) {
    if (readIfExists(helperPath) !== undefined) continue;
    const text = helperSource(helperFlavourFor(helperPath), helperName);
    files.push({ path: helperPath, before: undefined, after: text, edits: [{ start: 0, end: 0, text }], createMode: 0o644, role: 'helper' });
  }

  // 6. The env file: one entry per new name, never touching an existing line.
  const fixedNames = new Set(fixed.map((entry) => entry.envName));
  const firstUse = new Map<string, FixedSecret>();
  for (const entry of fixed) if (!firstUse.has(entry.envName)) firstUse.set(entry.envName, entry);
  const envLines: string[] = [];
  for (const [name, entry] of firstUse) {
    const value = valueByName.get(name) as string;
    // Never write over a value the env file already has (the same, or an env fallback's own).
    const existing = envValues.get(name);
    if (existing !== undefined && existing !== '') continue;
    const line = serializeEnvEntry(name, value) as string;
    secrets.add(line);
    // An existing empty `NAME=` is filled in place, which never loses a value.
    const rotate = entry.target.kind === 'client-id' ? '' : ' Rotate it: the old value is in git history.';
    envLines.push(`# ${labelOf(name, entry.target.kind)} from ${show(entry.target.file)}.${rotate}`, line);
  }
  if (envLines.length > 0) {
    const base = envBefore ?? '';
    const emptyNames = [...firstUse.keys()].filter((name) => envValues.get(name) === '');
    let edits: TextEdit[] = [appendEdit(base, envLines)];
    if (emptyNames.length > 0) {
      // Remove the empty declarations so the appended value is the only one.
      const removals: TextEdit[] = [];
      for (const name of emptyNames) {
        for (const match of base.matchAll(new RegExp(`^[ \\t]*(?:export[ \\t]+)?${name}[ \\t]*=[ \\t]*(?:''|""|)?[ \\t]*(?:#.*)?(?:\\r?\\n|$)`, 'gmu'))) {
          removals.push({ start: match.index, end: match.index + match[0].length, text: '' });
        }
      }
      edits = [...removals, ...edits];
    }
    files.push({ path: options.envFile, before: envBefore, after: applyEdits(base, edits), edits, createMode: 0o600, role: 'env' });
  }
  if (envBefore !== undefined) {
    const mode = statSync(options.envFile).mode & 0o777;
    if ((mode & 0o077) !== 0) {
      notices.push({ file: show(options.envFile), message: `is readable by other users (mode ${mode.toString(8).padStart(4, '0')}); run chmod 600 on it.` });
    }
  }

  // 7. `.env.example`: every name, with an empty value and a comment.
  const exampleLines: string[] = [];
  for (const [name, entry] of firstUse) {
    if (exampleNames.has(name)) continue;
    const usedAt = entry.target.sink ? ` (used at ${entry.target.sink})` : '';
    exampleLines.push(`# ${labelOf(name, entry.target.kind)} for ${show(entry.target.file)}${usedAt}. Required; keep the real value out of git.`, `${name}=`);
  }
  if (exampleLines.length > 0) {
    const base = exampleBefore ?? '';
    const edit = appendEdit(base, exampleLines);
    files.push({ path: options.exampleFile, before: exampleBefore, after: applyEdits(base, [edit]), edits: [edit], createMode: 0o644, role: 'example' });
  }

  // 8. `.gitignore` next to the env file must ignore it (and must not ignore the example).
  if (fixedNames.size > 0 || envBefore !== undefined) {
    const directory = dirname(options.envFile);
    const gitignorePath = join(directory, '.gitignore');
    const gitignoreBefore = readIfExists(gitignorePath);
    const lines: string[] = [];
    if (!isGitIgnored(options.envFile, gitignoreBefore, directory)) lines.push(`/${displayPath(directory, options.envFile)}`);
    if (dirname(options.exampleFile) === directory && isGitIgnored(options.exampleFile, gitignoreBefore, directory)) {
      lines.push(`!/${displayPath(directory, options.exampleFile)}`);
    }
    if (lines.length > 0 && fixedNames.size === 0) {
      notices.push({ file: show(options.envFile), message: 'is not ignored by git; add it to .gitignore.' });
    } else if (lines.length > 0) {
      const base = gitignoreBefore ?? '';
      const edit = appendEdit(base, ['# Local secrets: never commit the env file.', ...lines]);
      files.push({ path: gitignorePath, before: gitignoreBefore, after: applyEdits(base, [edit]), edits: [edit], createMode: 0o644, role: 'gitignore' });
    }
    if (existsSync(options.envFile) && isGitTracked(options.envFile)) {
      notices.push({
        file: show(options.envFile),
        message: 'is tracked by git, so .gitignore does not protect it: run `git rm --cached` on it, commit, and rotate every secret it ever held.',
      });
    }
  }

  skipped.sort((a, b) => (a.target.file < b.target.file ? -1 : a.target.file > b.target.file ? 1 : a.target.start - b.target.start));

  // Env file, example and ignore rules first: if the run is interrupted between renames, the
  // values exist before any code reads them.
  const order: Record<PlannedFile['role'], number> = { gitignore: 0, env: 1, example: 2, helper: 3, source: 4 };
  files.sort((a, b) => order[a.role] - order[b.role]);
  return { cwd: options.cwd, files, fixed, sameLiteral, skipped, notices, secrets: [...secrets].filter((secret) => secret.length > 0) };
}

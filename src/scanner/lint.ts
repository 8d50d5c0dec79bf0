/**
 * The per-file pass: the plugin's own rules, run in-process by ESLint's `Linter` (flat config), so
 * the scanner reports exactly what `eslint` with this plugin reports (same rule ids, messages and
 * `eslint-disable` handling). A scanner-private rule collects the whole-program facts in the same
 * traversal.
 */
import { createRequire } from 'node:module';
import { dirname, join, parse as parseFileRoot } from 'node:path';
import type { Linter } from 'eslint';
import type { UserSinkOption } from '../catalogue/user-sinks.js';
import plugin from '../index.js';
import { NAMESPACE, ruleSeverities } from '../configs.js';
import { RULE_GATES } from '../detectors/text-gates/index.js';
import { createFactsRule, type FileFacts } from './facts.js';
import { createScannerLanguage, createScannerParser } from './parser.js';

export const FACTS_NAMESPACE = 'credential-hygiene-scanner';
const CODE_FILES = ['**/*.js', '**/*.mjs', '**/*.cjs', '**/*.jsx', '**/*.ts', '**/*.mts', '**/*.cts', '**/*.tsx'];

/**
 * The rules that read tokens (`sourceCode.getTokenBefore`/`getTokenAfter`…): the scanner's parser
 * produces tokens only for a file one of them may report in (its text gate passes), since every
 * rule returns no listeners when its gate fails. test/scanner/parser.test.ts checks this list
 * against the token API calls in rules/ and src/.
 */
export const TOKEN_RULES: readonly string[] = ['no-offline-access-with-client-credentials'];

export interface FileLinterOptions {
  /** Rule levels keyed `credential-hygiene/<rule>` (the `recommended` config's by default). */
  readonly rules: Linter.RulesRecord;
  /** Report `eslint-disable` comments for our rule ids that suppress nothing. */
  readonly reportUnusedDisableDirectives: boolean;
  /** The project's own SDK wrappers declared as sinks (the facts rule records their arguments). */
  readonly sinks?: readonly UserSinkOption[];
}

export interface FileLintResult {
  /** Messages of our rules (and unused-directive notices for our rule ids). */
  readonly messages: readonly Linter.LintMessage[];
  readonly facts: FileFacts | undefined;
  /** The parser's error ("Parsing error: ',' expected.") with its position, when the file does not parse. */
  readonly parseError?: { readonly message: string; readonly line: number; readonly column: number };
}

function sourceTypeFor(filename: string): 'module' | 'commonjs' {
  return /\.c[jt]s$/u.test(filename) ? 'commonjs' : 'module';
}

/** Whether a null-rule message is an unused `eslint-disable` for one of our rules. */
function isOwnUnusedDirective(message: Linter.LintMessage): boolean {
  return message.ruleId === null && /^Unused eslint-disable directive/u.test(message.message) && message.message.includes(`'${NAMESPACE}/`);
}

const require = createRequire(import.meta.url);

/**
 * ESLint and typescript-eslint's parser (which loads TypeScript) cost about half a second to load:
 * they are required when the first file is linted (the parser by parser.ts), so a scan the prefilter settles without a parse
 * (a commit without credential code) never loads them. Both are CommonJS packages, so `require`
 * loads them synchronously, and without the ES-module wrapper's scan of TypeScript's 9 MB source.
 */
let eslintLinter: typeof Linter | undefined;
function loadEslint(): typeof Linter {
  eslintLinter ??= (require('eslint') as { Linter: typeof Linter }).Linter;
  return eslintLinter;
}

type ConfigArrayLike = Linter.Config[] & { getConfig(filePath: string): unknown };
type FlatConfigArrayClass = new (configs: Linter.Config[], options: { basePath: string }) => ConfigArrayLike & { normalizeSync(): void };

let flatConfigArrayClass: FlatConfigArrayClass | null | undefined;

/**
 * `Linter#verify` normalises a plain config array on every call (a tenth of the time of a small
 * file). Given an already normalised `FlatConfigArray`, it reuses it and its per-file config cache.
 * The class is not a public export, so it is loaded by path, and a failure falls back to the plain
 * array (same results, slower).
 */
function normalisedConfig(configs: Linter.Config[], basePath: string): Linter.Config[] {
  if (flatConfigArrayClass === undefined) {
    try {
      const eslintDir = dirname(require.resolve('eslint/package.json'));
      flatConfigArrayClass = (require(join(eslintDir, 'lib', 'config', 'flat-config-array.js')) as { FlatConfigArray?: FlatConfigArrayClass }).FlatConfigArray ?? null;
    } catch {
      flatConfigArrayClass = null;
    }
  }
  if (!flatConfigArrayClass) return configs;
  try {
    const array = new flatConfigArrayClass(configs, { basePath });
    array.normalizeSync();
    return typeof array.getConfig === 'function' ? array : configs;
  } catch {
    return configs;
  }
}

export class FileLinter {
  private readonly facts = new Map<string, FileFacts>();
  private readonly linters = new Map<string, Linter>();
  private readonly fullConfig: Linter.Config[];
  private readonly factsOnlyConfig: Linter.Config[];

  /** The enabled rules that read tokens, with their gates. */
  private readonly tokenGates: readonly ((text: string) => boolean)[];
  /** Whether the file being linted needs tokens (read by the parser). */
  private tokensWanted = false;

  constructor(options: FileLinterOptions) {
    // ESLint's JS language without code path analysis, which no rule of ours listens to (parser.ts).
    const language = createScannerLanguage();
    const factsPlugin = { rules: { facts: createFactsRule(this.facts, options.sinks) }, ...(language ? { languages: { js: language } } : {}) };
    const severities = ruleSeverities(options.rules);
    this.tokenGates = TOKEN_RULES.filter((rule) => (severities.get(rule) ?? 'off') !== 'off').map((rule) => {
      const gate = RULE_GATES[rule];
      return gate ? (text: string) => gate(text) : () => true;
    });
    const parser = createScannerParser({ needsTokens: () => this.tokensWanted });
    const base = (sourceType: 'module' | 'commonjs', files: string[]): Linter.Config => ({
      files,
      ...(language ? { plugins: { [FACTS_NAMESPACE]: factsPlugin as never }, language: `${FACTS_NAMESPACE}/js` } : {}),
      languageOptions: {
        // One parser for JS and TS: typescript-eslint's (the lighter variant in parser.ts), which also reads JSX in .js/.jsx files.
        parser,
        ecmaVersion: 'latest',
        sourceType,
        parserOptions: { ecmaFeatures: { jsx: true } },
      },
    });
    const parsers: Linter.Config[] = [
      base('module', CODE_FILES),
      base('commonjs', ['**/*.cjs', '**/*.cts']),
    ];
    this.fullConfig = [
      ...parsers,
      {
        files: CODE_FILES,
        plugins: { [NAMESPACE]: plugin, [FACTS_NAMESPACE]: factsPlugin as never },
        linterOptions: { reportUnusedDisableDirectives: options.reportUnusedDisableDirectives ? 'warn' : 'off' },
        rules: { ...options.rules, [`${FACTS_NAMESPACE}/facts`]: 'error' },
      },
    ];
    this.factsOnlyConfig = [
      ...parsers,
      {
        files: CODE_FILES,
        plugins: { [FACTS_NAMESPACE]: factsPlugin as never },
        linterOptions: { reportUnusedDisableDirectives: 'off' },
        rules: { [`${FACTS_NAMESPACE}/facts`]: 'error' },
      },
    ];
  }

  private readonly prepared = new Map<string, { full: Linter.Config[]; factsOnly: Linter.Config[] }>();

  private linterFor(filename: string): { linter: Linter; full: Linter.Config[]; factsOnly: Linter.Config[] } {
    // Rooted at the file system root, so that an absolute filename anywhere matches `**/*.ts`.
    const root = parseFileRoot(filename).root || '/';
    let linter = this.linters.get(root);
    if (!linter) {
      linter = new (loadEslint())({ configType: 'flat', cwd: root });
      this.linters.set(root, linter);
    }
    let configs = this.prepared.get(root);
    if (!configs) {
      configs = { full: normalisedConfig(this.fullConfig, root), factsOnly: normalisedConfig(this.factsOnlyConfig, root) };
      this.prepared.set(root, configs);
    }
    return { linter, ...configs };
  }

  /** Lints one file (absolute path) with our rules, or only collects its facts. */
  lint(filename: string, text: string, { factsOnly = false }: { factsOnly?: boolean } = {}): FileLintResult {
    this.facts.delete(filename);
    const { linter, full, factsOnly: factsOnlyConfig } = this.linterFor(filename);
    // The rules that read tokens run (past their gate, which sees the text ESLint gives rules:
    // without a byte order mark) only in the full pass.
    const ruleText = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
    this.tokensWanted = !factsOnly && this.tokenGates.some((mayReport) => mayReport(ruleText));
    const raw = linter.verify(text, factsOnly ? factsOnlyConfig : full, { filename });
    const fatal = raw.find((message) => message.fatal === true);
    const facts = this.facts.get(filename);
    this.facts.delete(filename);
    if (fatal) return { messages: [], facts: undefined, parseError: { message: fatal.message, line: fatal.line, column: fatal.column } };
    const messages = raw.filter((message) => (message.ruleId !== null && message.ruleId.startsWith(`${NAMESPACE}/`)) || isOwnUnusedDirective(message));
    return { messages, facts };
  }
}

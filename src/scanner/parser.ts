/**
 * The scanner's parser, for the scanner's own `Linter` only (users' ESLint keeps the parser they
 * configure).
 *
 * A JavaScript file (`.js`, `.mjs`, `.cjs`, `.jsx`) is parsed as ESLint parses it by default:
 * espree, then eslint-scope with the options of ESLint's JavaScript language (ESLint's own copies).
 * That is about three times faster than typescript-estree and its scope analysis on the same files,
 * and it is the AST the rules see in every ESLint setup that lints JavaScript with the default
 * parser. A file espree rejects (type annotations or decorators in a `.js` file, a top-level
 * `return` in a `.cjs` script, a syntax error) takes the typescript-eslint path below, so it gets
 * the AST or the syntax error it always got.
 *
 * Every other file gets typescript-eslint's `parseForESLint` (`@typescript-eslint/parser`) minus
 * two pieces of work the scanner's rules never use:
 *
 * - tokens: no rule reads the token list except `no-offline-access-with-client-credentials` (its
 *   suggestions look for the comma next to a removed element), so tokens are produced only when
 *   the caller says a file needs them. Without them the AST carries an empty `tokens` array (ESLint
 *   requires the property) and ESLint's token store indexes only the comments. Comments are always
 *   converted: `eslint-disable` directives and the rules read them.
 * - the ESTree ↔ TypeScript node maps (`preserveNodeMaps`): they serve type-aware rules through
 *   parser services; without a `project` there are no types, and no rule reads the maps.
 *
 * Everything else mirrors `@typescript-eslint/parser` 8.x (`dist/parser.js`) option for option —
 * source type, JSX, the TypeScript-version warning, scope analysis options — so the AST, the
 * scopes and the parse errors are the same. A call with type information (`project`,
 * `projectService`, `programs`) goes to the standard parser unchanged. The parse and scope
 * packages are loaded from the standard parser's own location, so both are the copies it uses.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Linter } from 'eslint';

type Options = Record<string, unknown> & { ecmaFeatures?: Record<string, unknown> };
type Program = { type: 'Program'; sourceType?: string; tokens?: unknown[] } & Record<string, unknown>;

interface EstreeModule {
  parseAndGenerateServices(code: string, options: Options): { ast: Program; services: Record<string, unknown> & { program: unknown } };
}
interface ScopeManagerModule {
  analyze(ast: Program, options: Options): unknown;
}
interface VisitorKeysModule {
  visitorKeys: Record<string, readonly string[] | undefined>;
}
interface EspreeModule {
  parse(code: string, options: Options): Program;
}
interface EslintScopeModule {
  analyze(ast: Program, options: Options): unknown;
}
interface EslintVisitorKeysModule {
  readonly KEYS: Record<string, readonly string[] | undefined>;
  getKeys(node: object): readonly string[];
}
interface StandardParser {
  parseForESLint(code: string, options?: unknown): Linter.ESLintParseResult;
}

interface Modules {
  readonly standard: StandardParser;
  readonly estree: EstreeModule;
  readonly scopeManager: ScopeManagerModule;
  readonly visitorKeys: VisitorKeysModule;
}

let modules: Modules | undefined;
function load(): Modules {
  if (!modules) {
    const fromHere = createRequire(import.meta.url);
    const parserPath = fromHere.resolve('@typescript-eslint/parser');
    const fromParser = createRequire(parserPath);
    modules = {
      standard: fromHere('@typescript-eslint/parser') as StandardParser,
      estree: fromParser('@typescript-eslint/typescript-estree') as EstreeModule,
      scopeManager: fromParser('@typescript-eslint/scope-manager') as ScopeManagerModule,
      visitorKeys: fromParser('@typescript-eslint/visitor-keys') as VisitorKeysModule,
    };
  }
  return modules;
}

interface JsModules {
  readonly espree: EspreeModule;
  readonly eslintScope: EslintScopeModule;
  readonly evk: EslintVisitorKeysModule;
  /** See `analyzeScope`; null when the merged-keys path cannot be set up (then the plain call). */
  readonly keys: { readonly estraverse: { VisitorKeys: unknown }; readonly merged: Record<string, unknown> } | null;
}

let jsModules: JsModules | null | undefined;
/**
 * ESLint's own parser, scope analyser and visitor keys for JavaScript, from ESLint's location;
 * null when they cannot be loaded from there (then every file takes the typescript-estree path).
 */
function loadJs(): JsModules | null {
  if (jsModules === undefined) {
    try {
      const fromEslint = createRequire(createRequire(import.meta.url).resolve('eslint'));
      const evk = fromEslint('eslint-visitor-keys') as EslintVisitorKeysModule;
      jsModules = {
        espree: fromEslint('espree') as EspreeModule,
        eslintScope: fromEslint('eslint-scope') as EslintScopeModule,
        evk,
        keys: mergedVisitorKeys(fromEslint, evk),
      };
    } catch {
      jsModules = null;
    }
  }
  return jsModules;
}

/**
 * eslint-scope walks the AST with esrecurse, whose every visitor (one per declared pattern: each
 * variable, parameter and assignment target) copies estraverse's keys and the `childVisitorKeys`
 * given into a new object: on a 600 kB bundle that is about a fifth of the lint's CPU, most of it
 * garbage. The same merged keys, built once, are what esrecurse reads when no `childVisitorKeys`
 * is given and estraverse's own table is the merged one; `analyzeScope` puts it there for the
 * duration of one synchronous `analyze` call. Null when esrecurse's estraverse cannot be found or
 * its table cannot be replaced.
 */
function mergedVisitorKeys(fromEslint: NodeJS.Require, evk: EslintVisitorKeysModule): JsModules['keys'] {
  try {
    const fromScope = createRequire(fromEslint.resolve('eslint-scope'));
    const estraverse = createRequire(fromScope.resolve('esrecurse'))('estraverse') as { VisitorKeys?: unknown };
    const descriptor = Object.getOwnPropertyDescriptor(estraverse, 'VisitorKeys');
    if (!descriptor || !('value' in descriptor) || !descriptor.writable || typeof descriptor.value !== 'object' || descriptor.value === null) return null;
    return { estraverse: estraverse as { VisitorKeys: unknown }, merged: Object.assign({}, descriptor.value, evk.KEYS) };
  } catch {
    return null;
  }
}

function analyzeScope(js: JsModules, ast: Program, options: Options): unknown {
  if (!js.keys) return js.eslintScope.analyze(ast, options);
  const { estraverse, merged } = js.keys;
  const own = estraverse.VisitorKeys;
  estraverse.VisitorKeys = merged;
  try {
    return js.eslintScope.analyze(ast, { ...options, childVisitorKeys: null });
  } finally {
    estraverse.VisitorKeys = own;
  }
}

const JS_FILE = /\.(?:[cm]?js|jsx)$/u;

/**
 * Whether the scanner parses a file with TypeScript's parser, by its name: every code file but
 * JavaScript, which espree parses (a `.js` file that espree rejects takes TypeScript's path too,
 * which its name cannot tell).
 */
export function parsedWithTypeScript(path: string): boolean {
  return !JS_FILE.test(path);
}

/**
 * A JavaScript file parsed as ESLint parses it by default (espree, then eslint-scope with the
 * options ESLint's JS language passes), with the scanner's source type: undefined when espree
 * rejects the text, which then goes to typescript-estree as before (so a file espree cannot read
 * gets the same AST or the same syntax error as with typescript-eslint's parser).
 */
function parseJavaScript(code: string, parserOptions: Options, sourceType: string, tokens: boolean): Linter.ESLintParseResult | undefined {
  const js = loadJs();
  if (!js) return undefined;
  const { espree, evk } = js;
  const ecmaFeatures = parserOptions.ecmaFeatures ?? {};
  let ast: Program;
  try {
    ast = espree.parse(code, { ecmaVersion: 'latest', sourceType, ecmaFeatures: { jsx: ecmaFeatures['jsx'] === true }, range: true, loc: true, comment: true, tokens });
  } catch {
    return undefined;
  }
  // ESLint's SourceCode requires a token array; an empty one indexes the comments alone.
  if (!tokens) ast.tokens = [];
  const ecmaVersion = parserOptions['ecmaVersion'];
  const scopeManager = analyzeScope(js, ast, {
    ignoreEval: true,
    ecmaVersion: typeof ecmaVersion === 'number' ? ecmaVersion : 6,
    sourceType,
    childVisitorKeys: evk.KEYS,
    fallback: evk.getKeys,
    jsx: ecmaFeatures['jsx'] === true,
  });
  return { ast, scopeManager, services: {}, visitorKeys: evk.KEYS } as unknown as Linter.ESLintParseResult;
}

function validateBoolean(value: unknown, fallback = false): boolean {
  return typeof value === 'boolean' ? value : fallback;
}

export interface ScannerParserOptions {
  /** Whether the file being parsed needs its tokens (asked once per parse). */
  readonly needsTokens: () => boolean;
}

/** A parser object for ESLint's `languageOptions.parser`, used by the scanner's `Linter`. */
export function createScannerParser({ needsTokens }: ScannerParserOptions): Linter.Parser {
  return {
    meta: { name: 'credential-hygiene/scanner-parser' },
    parseForESLint(code: string, options?: unknown): Linter.ESLintParseResult {
      const parserOptions: Options = options !== null && typeof options === 'object' ? { ...(options as Options) } : {};
      if (parserOptions['project'] != null || parserOptions['projectService'] || parserOptions['programs'] != null) return load().standard.parseForESLint(code, options);
      // The rest follows `parseForESLint` in @typescript-eslint/parser.
      if (parserOptions['sourceType'] !== 'module' && parserOptions['sourceType'] !== 'script') parserOptions['sourceType'] = 'script';
      if (typeof parserOptions.ecmaFeatures !== 'object') parserOptions.ecmaFeatures = {};
      const ecmaFeatures = parserOptions.ecmaFeatures;
      if (parserOptions['onUnsupportedTypeScriptVersion'] != null && parserOptions['warnOnUnsupportedTypeScriptVersion'] != null) {
        throw new Error('Cannot use both the `onUnsupportedTypeScriptVersion` and the deprecated `warnOnUnsupportedTypeScriptVersion` options. Please use only `onUnsupportedTypeScriptVersion`.');
      }
      const onUnsupportedTypeScriptVersion = parserOptions['onUnsupportedTypeScriptVersion'] ?? (validateBoolean(parserOptions['warnOnUnsupportedTypeScriptVersion'], true) ? 'warn' : 'ignore');
      const tokens = needsTokens();
      const filePath = parserOptions['filePath'];
      if (typeof filePath === 'string' && JS_FILE.test(filePath)) {
        const parsed = parseJavaScript(code, parserOptions, parserOptions['sourceType'] as string, tokens);
        if (parsed) return parsed;
      }
      // Only here: a worker whose files are all JavaScript never loads TypeScript (about 0.25 s).
      const { estree, scopeManager, visitorKeys } = load();
      const { ast, services } = estree.parseAndGenerateServices(code, {
        jsx: validateBoolean(ecmaFeatures['jsx']),
        ...parserOptions,
        onUnsupportedTypeScriptVersion,
        errorOnTypeScriptSyntacticAndSemanticIssues: false,
        comment: true,
        loc: true,
        range: true,
        tokens,
        preserveNodeMaps: false,
      });
      ast.sourceType = parserOptions['sourceType'] as string;
      // ESLint's SourceCode requires a token array; an empty one indexes the comments alone.
      if (!tokens) ast.tokens = [];
      const scopes = scopeManager.analyze(ast, {
        globalReturn: ecmaFeatures['globalReturn'],
        jsxFragmentName: parserOptions['jsxFragmentName'],
        jsxPragma: parserOptions['jsxPragma'],
        lib: parserOptions['lib'],
        sourceType: parserOptions['sourceType'],
      });
      services['emitDecoratorMetadata'] ??= parserOptions['emitDecoratorMetadata'] === true;
      services['experimentalDecorators'] ??= parserOptions['experimentalDecorators'] === true;
      services['isolatedDeclarations'] ??= parserOptions['isolatedDeclarations'] === true;
      return { ast, scopeManager: scopes, services, visitorKeys: visitorKeys.visitorKeys } as unknown as Linter.ESLintParseResult;
    },
  };
}

type SourceCodeClass = new (config: Record<string, unknown>) => object;
interface JsLanguage {
  createSourceCode(file: { body: string; bom: boolean }, parseResult: Record<string, unknown>, options: unknown): object;
}

/**
 * ESLint's JavaScript language for the scanner's `Linter`, without code path analysis: ESLint runs
 * it over every node of an ESTree AST (`SourceCode#traverse`, when `isESTree`) for the rules that
 * listen to `onCodePathStart` and the like, and none of the plugin's rules does (the test suite
 * checks). The traversal, the scopes, the directives and every other step are ESLint's own: the
 * language is ESLint's `js` language object with a `createSourceCode` that makes a `SourceCode`
 * whose `isESTree` reads false. Undefined when ESLint's internals are not where this expects them
 * (then the scanner uses the default language, with code path analysis).
 */
export function createScannerLanguage(): object | undefined {
  try {
    const fromHere = createRequire(import.meta.url);
    const eslintDir = dirname(fromHere.resolve('eslint/package.json'));
    const js = fromHere(join(eslintDir, 'lib', 'languages', 'js', 'index.js')) as JsLanguage;
    const { SourceCode } = fromHere('eslint') as { SourceCode: SourceCodeClass };
    if (typeof js.createSourceCode !== 'function' || typeof SourceCode !== 'function') return undefined;
    class ScannerSourceCode extends SourceCode {}
    // SourceCode's constructor assigns `isESTree` and then freezes the object: the assignment lands
    // on this accessor, so the frozen object reads false.
    Object.defineProperty(ScannerSourceCode.prototype, 'isESTree', { configurable: false, get: () => false, set: () => undefined });
    return {
      ...js,
      createSourceCode(file: { body: string; bom: boolean }, parseResult: Record<string, unknown>, options: unknown): object {
        // Scope analysis comes with the parse (parseForESLint); anything else takes ESLint's own path.
        if (!parseResult['scopeManager']) return js.createSourceCode(file, parseResult, options);
        return new ScannerSourceCode({
          text: file.body,
          ast: parseResult['ast'],
          hasBOM: file.bom,
          parserServices: parseResult['parserServices'],
          scopeManager: parseResult['scopeManager'],
          visitorKeys: parseResult['visitorKeys'],
        });
      },
    };
  } catch {
    return undefined;
  }
}

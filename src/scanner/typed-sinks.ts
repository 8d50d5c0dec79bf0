/**
 * Typed sinks: a hard-coded string passed where the declared parameter or property type comes
 * from a catalogued library (openid-client's `ClientMetadata.client_secret`, the `clientSecret`
 * parameter of oauth4webapi's `ClientSecretPost`, msal's `Configuration.auth.clientSecret`) is a
 * sink whatever the local names say: a library function re-exported under another name, or a
 * project wrapper (`makeErpClient(secret)`) that forwards its parameter to the library (one level).
 *
 * This is the only check that needs TypeScript's type checker, so it is gated: it runs only for
 * files of a tsconfig project, only when some project file imports a catalogued module (a text
 * check) and some file holds a credential-shaped literal; then one `ts.Program` is built from the
 * files that import a catalogued module and the files that import those, and only string values at
 * argument and property positions of those files are looked up with the checker.
 */
import { dirname } from 'node:path';
// Loaded with `require`: importing TypeScript's 9 MB CommonJS bundle from an ES module makes Node
// scan it for named exports first (about 0.3 s of start-up).
import ts = require('typescript');
import { SINK_ROWS } from '../catalogue/index.js';
import type { SinkRow } from '../catalogue/types.js';
import {
  characterClassCount,
  classifySecretName,
  classifySecretValue,
  CREDENTIAL_KIND_LABELS,
  isHarmlessValueKind,
  isTestFile,
  maskSecret,
  shannonEntropy,
  type CredentialKind,
  type SecretValueClassification,
} from '../detectors/index.js';
import { moduleMatches } from '../util/module-names.js';
import type { LoadedProject } from './project.js';
import type { TraceHop } from './types.js';

export interface TypedSinkOptions {
  /** The loaded tsconfig projects; without one the check does nothing. */
  readonly projects: readonly LoadedProject[];
  /** Absolute paths of the scanned code files: only these are searched, and only these are reported. */
  readonly files: readonly string[];
  /** The text of a scanned file (as the scan read it), or undefined when it cannot be read. */
  readText(path: string): string | undefined;
  /** Path relative to the scan's cwd, with `/`. */
  relative(path: string): string;
  /** Globs for test files, where obvious dummies are allowed. */
  readonly testFiles?: readonly string[];
}

export interface TypedSinkFlow {
  /** Absolute path of the file holding the literal. */
  readonly file: string;
  /** `[start, end)` of the literal (quotes included). */
  readonly range: readonly [number, number];
  readonly kind: CredentialKind;
  readonly classification: SecretValueClassification;
  /** `no-hardcoded-client-secret`, `no-hardcoded-client-id` or `no-hardcoded-credentials`. */
  readonly ruleId: string;
  /** The full message, with a masked preview only. */
  readonly message: string;
  /** From the literal to the library call or property. */
  readonly trace: readonly TraceHop[];
}

/** The packages of the sink catalogue (`openid-client`, `@azure/msal-node`, `next-auth`…). */
const CATALOGUE_MODULES: readonly string[] = [...new Set(SINK_ROWS.flatMap((row) => row.modules))];

const CATALOGUE_MODULE_SET: ReadonlySet<string> = new Set(CATALOGUE_MODULES);

/** Whether a module specifier is a catalogued module or a subpath of one (`next-auth/providers/github`). */
function isCataloguedSpecifier(specifier: string): boolean {
  const parts = (specifier.startsWith('node:') ? specifier.slice('node:'.length) : specifier).split('/');
  for (let length = 1; length <= parts.length; length++) if (CATALOGUE_MODULE_SET.has(parts.slice(0, length).join('/'))) return true;
  return false;
}

/** Module specifiers of static imports, re-exports, `require()` and `import()`. */
const SPECIFIER = /(?:\bfrom\s*|\bimport\s*\(?\s*|\brequire\s*\(\s*)['"]([^'"\n]+)['"]/gu;
/** Quoted strings without spaces long enough to be a credential (the second gate). */
const CANDIDATE_STRING = /(['"`])([^'"`\s\\]{16,512})\1/gu;

/** The package a declaration file belongs to: `…/node_modules/@azure/msal-node/dist/index.d.ts` → `@azure/msal-node`. */
export function packageOfFile(fileName: string): string | undefined {
  const posix = fileName.replace(/\\/gu, '/');
  const index = posix.lastIndexOf('/node_modules/');
  if (index < 0) return undefined;
  const match = /^((?:@[^/]+\/)?[^/]+)\//u.exec(posix.slice(index + '/node_modules/'.length));
  if (!match) return undefined;
  const name = match[1] as string;
  // `@types/foo__bar` declares `@foo/bar`.
  if (name.startsWith('@types/')) {
    const bare = name.slice('@types/'.length);
    return bare.includes('__') ? `@${bare.replace('__', '/')}` : bare;
  }
  return name;
}

function rowsOfPackage(pkg: string): SinkRow[] {
  return SINK_ROWS.filter((row) => row.modules.some((module) => moduleMatches(module, pkg) || moduleMatches(pkg, module)));
}

function hasCredentialLiteral(text: string): boolean {
  for (const match of text.matchAll(CANDIDATE_STRING)) {
    const value = match[2] as string;
    // Cheap shape checks before the full classification (which runs the known-format detectors).
    if (characterClassCount(value) < 2 || shannonEntropy(value) < 3) continue;
    const kind = classifySecretValue(value, { atSink: true }).kind;
    if (kind === 'credential' || kind === 'known-format') return true;
  }
  return false;
}

/** A library slot a value lands in. */
interface LibrarySlot {
  readonly pkg: string;
  readonly kind: CredentialKind;
  /** Declared name: the parameter or property (`clientSecret`, `client_secret`, `metadata`). */
  readonly name: string;
  /** "the `client_secret` property of `ClientMetadata` (openid-client)". */
  readonly description: string;
  /** Known from the declared name alone (no catalogue row): only a credential-shaped value counts. */
  readonly byName: boolean;
}

interface ResolvedValue {
  readonly value: string;
  readonly literal: ts.StringLiteral | ts.NoSubstitutionTemplateLiteral;
  /** Constants the value went through, from the literal outwards. */
  readonly via: readonly { node: ts.Node; name: string }[];
}

const MAX_CONST_DEPTH = 6;

function skipOuter(node: ts.Expression): ts.Expression {
  let current = node;
  while (ts.isParenthesizedExpression(current) || ts.isAsExpression(current) || ts.isSatisfiesExpression(current) || ts.isTypeAssertionExpression(current) || ts.isNonNullExpression(current)) {
    current = current.expression;
  }
  return current;
}

/** The argument or property-value position an expression stands in, looking through `as`, `!`, parentheses. */
function positionOf(node: ts.Expression): ts.Expression {
  let current: ts.Expression = node;
  while (
    (ts.isParenthesizedExpression(current.parent) || ts.isAsExpression(current.parent) || ts.isSatisfiesExpression(current.parent) || ts.isNonNullExpression(current.parent)) &&
    current.parent.expression === current
  ) {
    current = current.parent;
  }
  return current;
}

function nameText(name: ts.PropertyName | ts.BindingName | undefined): string | undefined {
  if (!name) return undefined;
  if (ts.isIdentifier(name) || ts.isStringLiteral(name) || ts.isNumericLiteral(name) || ts.isPrivateIdentifier(name)) return name.text;
  return undefined;
}

/**
 * A literal written under a secret name (`clientSecret: '…'`, `const erpPassword = '…'`): the
 * per-file rules judged it where it stands, and a value they let pass stays passed.
 */
function judgedByRules(literal: ts.Node): boolean {
  let current = literal;
  while (ts.isParenthesizedExpression(current.parent) || ts.isAsExpression(current.parent) || ts.isSatisfiesExpression(current.parent)) current = current.parent;
  const parent = current.parent;
  const name = ts.isPropertyAssignment(parent) || ts.isVariableDeclaration(parent) || ts.isPropertyDeclaration(parent) ? nameText(parent.name) : undefined;
  return name !== undefined && classifySecretName(name) !== undefined;
}

class TypedSinkChecker {
  private readonly checker: ts.TypeChecker;

  constructor(
    private readonly program: ts.Program,
    private readonly options: TypedSinkOptions,
    private readonly scanned: ReadonlySet<string>,
  ) {
    this.checker = program.getTypeChecker();
  }

  private hop(node: ts.Node, message: string): TraceHop {
    const source = node.getSourceFile();
    const { line, character } = source.getLineAndCharacterOfPosition(node.getStart(source));
    return { file: this.options.relative(source.fileName), line: line + 1, column: character + 1, message };
  }

  /** A literal, or a `const` (in this or another module, or a member of a const object) holding one. */
  private resolveValue(expression: ts.Expression, depth = 0): ResolvedValue | undefined {
    const node = skipOuter(expression);
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return { value: node.text, literal: node, via: [] };
    if (depth >= MAX_CONST_DEPTH || !(ts.isIdentifier(node) || ts.isPropertyAccessExpression(node))) return undefined;
    let symbol = this.checker.getSymbolAtLocation(ts.isPropertyAccessExpression(node) ? node.name : node);
    if (symbol && symbol.flags & ts.SymbolFlags.Alias) symbol = this.checker.getAliasedSymbol(symbol);
    const declaration = symbol?.valueDeclaration;
    if (!declaration) return undefined;
    let initializer: ts.Expression | undefined;
    if (ts.isVariableDeclaration(declaration) && ts.isVariableDeclarationList(declaration.parent) && declaration.parent.flags & ts.NodeFlags.Const) {
      initializer = declaration.initializer;
    } else if (ts.isPropertyAssignment(declaration) && ts.isPropertyAccessExpression(node) && this.isConstObjectMember(declaration)) {
      initializer = declaration.initializer;
    }
    if (!initializer) return undefined;
    const inner = this.resolveValue(initializer, depth + 1);
    if (!inner) return undefined;
    const name = ts.isPropertyAccessExpression(node) ? node.getText() : node.text;
    return { ...inner, via: [...inner.via, { node: declaration, name }] };
  }

  /** A property of an object literal that initialises a `const` (possibly nested). */
  private isConstObjectMember(property: ts.PropertyAssignment): boolean {
    let current: ts.Node = property.parent;
    while (ts.isObjectLiteralExpression(current)) {
      const parent: ts.Node = current.parent;
      if (ts.isPropertyAssignment(parent)) current = parent.parent;
      else if (ts.isAsExpression(parent) || ts.isSatisfiesExpression(parent) || ts.isParenthesizedExpression(parent)) current = parent;
      else return ts.isVariableDeclaration(parent) && ts.isVariableDeclarationList(parent.parent) && (parent.parent.flags & ts.NodeFlags.Const) !== 0;
      while (ts.isAsExpression(current) || ts.isSatisfiesExpression(current) || ts.isParenthesizedExpression(current)) {
        const up: ts.Node = current.parent;
        if (ts.isVariableDeclaration(up)) return ts.isVariableDeclarationList(up.parent) && (up.parent.flags & ts.NodeFlags.Const) !== 0;
        current = up;
      }
    }
    return false;
  }

  private signatureDeclaration(call: ts.CallExpression | ts.NewExpression): ts.SignatureDeclaration | undefined {
    const signature = this.checker.getResolvedSignature(call);
    const declaration = signature?.declaration;
    return declaration && !ts.isJSDocSignature(declaration) ? declaration : undefined;
  }

  /** `discovery`, `ClientSecretCredential` (a constructor), `Client` (a method). */
  private static declaredName(declaration: ts.SignatureDeclaration): string | undefined {
    if (ts.isConstructorDeclaration(declaration) || ts.isConstructSignatureDeclaration(declaration)) {
      const owner = declaration.parent;
      return ts.isClassLike(owner) || ts.isInterfaceDeclaration(owner) ? nameText(owner.name) : undefined;
    }
    if ('name' in declaration && declaration.name) return nameText(declaration.name as ts.PropertyName);
    const parent = declaration.parent;
    if (ts.isVariableDeclaration(parent) || ts.isPropertyAssignment(parent) || ts.isPropertyDeclaration(parent)) return nameText(parent.name);
    return undefined;
  }

  /** The library slot of argument `index` of a call whose signature is declared in a catalogued package. */
  private argumentSlot(call: ts.CallExpression | ts.NewExpression, declaration: ts.SignatureDeclaration, index: number): LibrarySlot | undefined {
    const pkg = packageOfFile(declaration.getSourceFile().fileName);
    if (pkg === undefined) return undefined;
    const rows = rowsOfPackage(pkg);
    if (rows.length === 0) return undefined;
    const parameters = declaration.parameters;
    const last = parameters.at(-1);
    const parameter = index < parameters.length ? parameters[index] : last?.dotDotDotToken ? last : undefined;
    const parameterName = nameText(parameter?.name);
    const functionName = TypedSinkChecker.declaredName(declaration) ?? parameterName ?? 'the call';
    const invocation = ts.isNewExpression(call) ? 'new' : 'call';
    let kind: CredentialKind | undefined;
    for (const row of rows) {
      if (row.invocation !== invocation || (row.method ?? row.path.at(-1)) !== functionName) continue;
      kind = row.slots.find((slot) => slot.arg === index && slot.path === undefined)?.kind;
      if (kind) break;
    }
    const byName = kind === undefined;
    kind ??= parameterName === undefined ? undefined : classifySecretName(parameterName)?.kind;
    if (!kind) return undefined;
    const name = parameterName ?? `argument ${index + 1}`;
    return { pkg, kind, name, description: `the \`${name}\` parameter of \`${functionName}\` (${pkg})`, byName };
  }

  /** The library slot of a property value in an object literal whose contextual type a catalogued package declares. */
  private propertySlot(property: ts.PropertyAssignment | ts.ShorthandPropertyAssignment): LibrarySlot | undefined {
    const key = nameText(property.name);
    if (key === undefined) return undefined;
    const type = this.checker.getContextualType(property.parent);
    if (!type) return undefined;
    for (const member of type.isUnion() ? type.types : [type]) {
      const symbol = this.checker.getPropertyOfType(member, key);
      const declaration = symbol?.declarations?.[0];
      if (!declaration) continue;
      const pkg = packageOfFile(declaration.getSourceFile().fileName);
      if (pkg === undefined) continue;
      const rows = rowsOfPackage(pkg);
      if (rows.length === 0) continue;
      const outer = property.parent.parent;
      const outerKey = ts.isPropertyAssignment(outer) ? nameText(outer.name) : undefined;
      let kind: CredentialKind | undefined;
      for (const row of rows) {
        kind = row.slots.find((slot) => slot.path?.at(-1) === key && (slot.path.length < 2 || outerKey === undefined || slot.path.at(-2) === outerKey))?.kind;
        if (kind) break;
      }
      const byName = kind === undefined;
      kind ??= classifySecretName(key)?.kind;
      if (!kind) continue;
      const owner = declaration.parent;
      const ownerName = (ts.isInterfaceDeclaration(owner) || ts.isClassLike(owner) || ts.isTypeAliasDeclaration(owner)) && owner.name ? owner.name.text : undefined;
      const literalOwner = ts.isTypeLiteralNode(owner) ? owner.parent : undefined;
      const ownerText =
        ownerName ??
        (literalOwner && (ts.isTypeAliasDeclaration(literalOwner) || ts.isPropertySignature(literalOwner) || ts.isPropertyDeclaration(literalOwner)) ? nameText(literalOwner.name) : undefined);
      return { pkg, kind, name: key, description: ownerText ? `the \`${key}\` property of \`${ownerText}\` (${pkg})` : `the \`${key}\` property (${pkg})`, byName };
    }
    return undefined;
  }

  /** Where a value at this position goes when a library declares it: an argument or a property. */
  private directSlot(position: ts.Expression): { slot: LibrarySlot; at: ts.Node; call?: ts.CallExpression | ts.NewExpression } | undefined {
    const parent = position.parent;
    if ((ts.isCallExpression(parent) || ts.isNewExpression(parent)) && parent.arguments?.includes(position)) {
      const declaration = this.signatureDeclaration(parent);
      const slot = declaration && this.argumentSlot(parent, declaration, parent.arguments.indexOf(position));
      return slot ? { slot, at: position, call: parent } : undefined;
    }
    if ((ts.isPropertyAssignment(parent) && parent.initializer === position) || (ts.isShorthandPropertyAssignment(parent) && parent.name === position)) {
      const slot = this.propertySlot(parent);
      return slot ? { slot, at: parent } : undefined;
    }
    return undefined;
  }

  private calleeText(call: ts.CallExpression | ts.NewExpression): string {
    const text = call.expression.getText();
    return text.length <= 60 ? text : `${text.slice(0, 57)}…`;
  }

  /**
   * A project function (not a library declaration) called with the value at argument `index` that
   * forwards that parameter, unchanged, to a library slot.
   */
  private forwardedSlot(call: ts.CallExpression | ts.NewExpression, index: number): { slot: LibrarySlot; at: ts.Node; parameter: string } | undefined {
    const declaration = this.signatureDeclaration(call);
    if (!declaration || !('body' in declaration) || !declaration.body) return undefined;
    const file = declaration.getSourceFile();
    if (file.isDeclarationFile || packageOfFile(file.fileName) !== undefined) return undefined;
    const parameter = declaration.parameters[index];
    if (!parameter || parameter.dotDotDotToken || !ts.isIdentifier(parameter.name)) return undefined;
    const symbol = this.checker.getSymbolAtLocation(parameter.name);
    if (!symbol) return undefined;
    const parameterName = parameter.name.text;
    let found: { slot: LibrarySlot; at: ts.Node; parameter: string } | undefined;
    const visit = (node: ts.Node): void => {
      if (found) return;
      if (ts.isIdentifier(node) && node !== parameter.name && this.checker.getSymbolAtLocation(node) === symbol) {
        const direct = this.directSlot(positionOf(node));
        if (direct) found = { slot: direct.slot, at: direct.at, parameter: parameterName };
        return;
      }
      ts.forEachChild(node, visit);
    };
    visit(declaration.body);
    return found;
  }

  private report(resolved: ResolvedValue, slot: LibrarySlot, hops: readonly TraceHop[]): TypedSinkFlow | undefined {
    const literalFile = resolved.literal.getSourceFile().fileName;
    if (!this.scanned.has(literalFile) || judgedByRules(resolved.literal)) return undefined;
    const classification = classifySecretValue(resolved.value, {
      name: slot.name,
      isTestFile: isTestFile(this.options.relative(literalFile), this.options.testFiles),
      expectedKind: slot.kind,
      atSink: true,
    });
    if (isHarmlessValueKind(classification.kind)) return undefined;
    // A slot known by its declared name alone (`tokenUse`, `secretName`) needs a value that looks
    // like a credential: a readable word there is far more often a mode or a label.
    if (slot.byName && classification.kind !== 'credential' && classification.kind !== 'known-format') return undefined;
    const trace = [...resolved.via.map((step) => this.hop(step.node, `assigned to \`${step.name}\``)), ...hops];
    const sink = hops.at(-1) as TraceHop;
    const label = CREDENTIAL_KIND_LABELS[slot.kind];
    const masked = maskSecret(resolved.value);
    const where = `reaches ${slot.description} in ${sink.file}:${sink.line}`;
    const message =
      slot.kind === 'client-id'
        ? `Hard-coded client id (${masked}) ${where}. Read it from configuration or an environment variable, like the client secret, so that each environment and tenant sets its own.`
        : classification.kind === 'weak'
          ? `Hard-coded ${label} (${masked}) ${where}, and it is ${classification.reason}, a weak secret. Generate a long random value, read it from an environment variable or a secret store, and rotate it.`
          : `Hard-coded ${label} (${masked}) ${where}, ${classification.reason}. Read it from an environment variable or a secret store, and rotate it: it is in version control.`;
    return {
      file: literalFile,
      range: [resolved.literal.getStart(), resolved.literal.getEnd()],
      kind: slot.kind,
      classification,
      ruleId: slot.kind === 'client-secret' ? 'no-hardcoded-client-secret' : slot.kind === 'client-id' ? 'no-hardcoded-client-id' : 'no-hardcoded-credentials',
      message,
      trace,
    };
  }

  /** Checks the value at one argument or property position. */
  private checkPosition(position: ts.Expression, value: ts.Expression): TypedSinkFlow | undefined {
    const resolved = this.resolveValue(value);
    if (!resolved || resolved.value.length === 0) return undefined;
    // Cheap before the checker: a value that is harmless as any kind of secret is never a finding.
    if (isHarmlessValueKind(classifySecretValue(resolved.value, { atSink: true }).kind)) return undefined;
    const direct = this.directSlot(position);
    if (direct) {
      const message = direct.call
        ? `passed to \`${this.calleeText(direct.call)}\` as ${direct.slot.description}`
        : `set as ${direct.slot.description}`;
      return this.report(resolved, direct.slot, [this.hop(direct.at, message)]);
    }
    const parent = position.parent;
    if ((ts.isCallExpression(parent) || ts.isNewExpression(parent)) && parent.arguments?.includes(position)) {
      const forwarded = this.forwardedSlot(parent, parent.arguments.indexOf(position));
      if (!forwarded) return undefined;
      const callHop = this.hop(position, `passed to \`${this.calleeText(parent)}\` as \`${forwarded.parameter}\``);
      const innerParent = forwarded.at.parent;
      const innerMessage =
        ts.isCallExpression(innerParent) || ts.isNewExpression(innerParent)
          ? `forwarded to \`${this.calleeText(innerParent)}\` as ${forwarded.slot.description}`
          : `forwarded as ${forwarded.slot.description}`;
      return this.report(resolved, forwarded.slot, [callHop, this.hop(forwarded.at, innerMessage)]);
    }
    return undefined;
  }

  check(file: ts.SourceFile): TypedSinkFlow[] {
    const flows: TypedSinkFlow[] = [];
    const visit = (node: ts.Node): void => {
      if (ts.isCallExpression(node) || ts.isNewExpression(node)) {
        for (const argument of node.arguments ?? []) {
          if (ts.isObjectLiteralExpression(skipOuter(argument))) continue;
          const flow = this.checkPosition(argument, argument);
          if (flow) flows.push(flow);
        }
      } else if (ts.isPropertyAssignment(node)) {
        const flow = this.checkPosition(node.initializer, node.initializer);
        if (flow) flows.push(flow);
      } else if (ts.isShorthandPropertyAssignment(node)) {
        const flow = this.checkPosition(node.name, node.name);
        if (flow) flows.push(flow);
      }
      ts.forEachChild(node, visit);
    };
    visit(file);
    return flows;
  }
}

/**
 * Declaration text read per package before its further files are read as empty modules: googleapis
 * declares every Google API (about 170 MB, 20 s to parse and check), while the credential slots of
 * a client library sit in its first few files. The SDKs of the catalogue each stay well below it.
 */
const PACKAGE_DECLARATION_BUDGET = 8 * 1024 * 1024;

/** TypeScript's own lib files, parsed once per process: they never change. */
const LIB_FILES = new Map<string, ts.SourceFile>();
const BROWSER_LIBS = /^lib\.(?:dom|webworker|scripthost)\b/u;

/**
 * The project's options for a checker that only reads declared parameter and property types: no
 * global `@types` packages and no DOM lib (parsing them is most of the cost of a small program).
 */
function checkerOptions(options: ts.CompilerOptions): ts.CompilerOptions {
  const lib = (options.lib ?? [ts.getDefaultLibFileName(options).replace('.full.', '.')]).filter((name) => !BROWSER_LIBS.test(name));
  return { ...options, noEmit: true, types: [], lib };
}

/**
 * Hard-coded values that reach a credential slot a catalogued library declares. Returns nothing,
 * without building a program, unless the text gates pass. Each literal is returned once.
 */
/** How many `ts.Program`s the check has built in this process (the check is meant to build one rarely). */
export const typedSinkStats = { programsBuilt: 0 };

export function findTypedSinkFlows(options: TypedSinkOptions): TypedSinkFlow[] {
  if (options.projects.length === 0) return [];
  const projectOf = new Map<string, LoadedProject>();
  for (const project of options.projects) for (const file of project.fileNames) if (!projectOf.has(file)) projectOf.set(file, project);
  const texts = new Map<string, string>();
  for (const file of options.files) {
    if (!projectOf.has(file)) continue;
    const text = options.readText(file);
    if (text !== undefined) texts.set(file, text);
  }
  const resolutionCache = new Map<string, string | undefined>();
  const resolveFrom = (specifier: string, file: string): string | undefined => {
    const key = `${dirname(file)}\0${specifier}`;
    if (!resolutionCache.has(key)) {
      const compilerOptions = (projectOf.get(file) as LoadedProject).options;
      const resolved = ts.resolveModuleName(specifier, file, compilerOptions, ts.sys).resolvedModule?.resolvedFileName;
      resolutionCache.set(key, resolved === undefined ? undefined : ts.sys.realpath ? ts.sys.realpath(resolved) : resolved);
    }
    return resolutionCache.get(key);
  };
  // Gate 1: some project file imports a catalogued module whose declarations are installed.
  const importing = new Set<string>();
  for (const [file, text] of texts) {
    for (const match of text.matchAll(SPECIFIER)) {
      const specifier = match[1] as string;
      if (isCataloguedSpecifier(specifier) && resolveFrom(specifier, file) !== undefined) {
        importing.add(file);
        break;
      }
    }
  }
  if (importing.size === 0) return [];
  // Gate 2: some project file holds a credential-shaped literal.
  if (![...texts.values()].some(hasCredentialLiteral)) return [];
  // Files that call the library, and the files that import them (callers of wrappers).
  const candidates = new Set(importing);
  for (const [file, text] of texts) {
    if (candidates.has(file)) continue;
    for (const match of text.matchAll(SPECIFIER)) {
      const target = resolveFrom(match[1] as string, file);
      if (target !== undefined && importing.has(target)) {
        candidates.add(file);
        break;
      }
    }
  }
  const flows: TypedSinkFlow[] = [];
  const seen = new Set<string>();
  const scanned = new Set(texts.keys());
  const byProject = new Map<LoadedProject, string[]>();
  for (const file of candidates) {
    const project = projectOf.get(file) as LoadedProject;
    byProject.set(project, [...(byProject.get(project) ?? []), file]);
  }
  for (const [project, roots] of byProject) {
    const compilerOptions = checkerOptions(project.options);
    const host = ts.createCompilerHost(compilerOptions, true);
    const readFile = host.readFile.bind(host);
    host.readFile = (fileName) => texts.get(fileName) ?? readFile(fileName);
    const getSourceFile = host.getSourceFile.bind(host);
    const libDirectory = host.getDefaultLibLocation?.() ?? dirname(ts.getDefaultLibFilePath(compilerOptions));
    const declarationBytes = new Map<string, number>();
    host.getSourceFile = (fileName, languageVersion, onError, shouldCreate) => {
      const pkg = /\.d\.[cm]?ts$/u.test(fileName) ? packageOfFile(fileName) : undefined;
      if (pkg !== undefined) {
        // Past its budget, a package's further declaration files are read as empty modules.
        const used = declarationBytes.get(pkg) ?? 0;
        if (used > PACKAGE_DECLARATION_BUDGET) return ts.createSourceFile(fileName, '', languageVersion);
        const file = getSourceFile(fileName, languageVersion, onError, shouldCreate);
        declarationBytes.set(pkg, used + (file?.text.length ?? 0));
        return file;
      }
      if (dirname(fileName) !== libDirectory) return getSourceFile(fileName, languageVersion, onError, shouldCreate);
      const key = `${fileName}\0${JSON.stringify(languageVersion)}`;
      let cached = LIB_FILES.get(key);
      if (!cached) {
        cached = getSourceFile(fileName, languageVersion, onError, shouldCreate);
        if (cached) LIB_FILES.set(key, cached);
      }
      return cached;
    };
    const program = ts.createProgram({ rootNames: roots, options: compilerOptions, host });
    typedSinkStats.programsBuilt++;
    const checker = new TypedSinkChecker(program, options, scanned);
    for (const root of roots) {
      const source = program.getSourceFile(root);
      if (!source) continue;
      for (const flow of checker.check(source)) {
        const key = `${flow.file}\0${flow.range[0]}`;
        if (seen.has(key)) continue;
        seen.add(key);
        flows.push(flow);
      }
    }
  }
  return flows;
}

/**
 * Where a credential can be written in one file: catalogue sink slots, hand-rolled token requests,
 * and properties or variables whose name says credential. The three hard-coded-credential rules
 * run the same collection, so a literal is owned by exactly one of them (the one whose kind the
 * winning site has) and is never reported twice.
 *
 * Cheap syntactic checks come first: a name is classified once per file, and callees are resolved
 * against imports only when the file imports a catalogue module.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { instanceFromFactory, lookupHttpClient, lookupMethodSink, lookupSink, slotEnvName, type SinkInvocation, type SinkRow, type SinkSlot } from '../catalogue/index.js';
import { sinkTableFor, type SinkTable, type UserSinkOption } from '../catalogue/user-sinks.js';
import { classifySecretName, classifySecretValue, findKnownSecrets, isPlausibleKnownSecret, isReportedCredentialValue, type CredentialKind, type SecretValueClassification } from '../detectors/index.js';
import { findObjectProperty, getMemberPropertyName, getPropertyKeyName, resolveObject, resolveString, skipTypeWrappers } from './ast.js';
import { resolveImportedName, type ImportedName } from './imports.js';

/** How sure the site is that its value is sent as a credential. */
export type SiteStrength =
  /** A catalogue sink slot or a token request: even a weak value is reported. */
  | 'sink'
  /** Only the name says credential: weak values are reported for client secrets and ids only. */
  | 'name';

export interface CredentialSite {
  readonly kind: CredentialKind;
  /** The expression that holds the value. */
  readonly value: TSESTree.Node;
  readonly strength: SiteStrength;
  /** Message fragment: "passed to `ClientSecretCredential`", "assigned to `clientSecret`". */
  readonly where: string;
  /** For the env-var name. */
  readonly naming: SiteNaming;
  /**
   * A credential inside a longer static string: the value of `client_secret=` in a query string, the
   * part after `:` in a Basic credential. Offsets are into the resolved string value.
   */
  readonly part?: { readonly start: number; readonly end: number };
  /** The value is a URL or `key=value;` connection string whose password part is the credential. */
  readonly connectionString?: boolean;
}

export interface SiteNaming {
  readonly convention?: string;
  readonly provider?: string;
  readonly objectName?: string;
  readonly propertyName?: string;
  readonly variableName?: string;
}

/** A site resolved to a hard-coded value, classified and located. */
export interface CredentialFinding {
  readonly site: CredentialSite;
  /** The credential itself (the secret part when it sits inside a longer string). */
  readonly secret: string;
  readonly classification: SecretValueClassification;
  /** Source range of the credential. */
  readonly range: readonly [number, number];
  /** The literal (or concatenation) holding the value; replaced by an env fix. */
  readonly node: TSESTree.Node;
  /**
   * Whether an env fix may replace all of `node`: `range` covers it, or the node is a connection
   * string that moves into the environment whole.
   */
  readonly wholeNode: boolean;
}

const nameCache = new Map<string, CredentialKind | null>();

/** `classifySecretName` with a per-process cache: names repeat across a code base. */
export function credentialKindOfName(name: string | undefined): CredentialKind | undefined {
  if (name === undefined || name.length > 80) return undefined;
  return secretNameKind(name);
}

/** `classifySecretName(name)?.kind`, cached (names of any length). */
export function secretNameKind(name: string): CredentialKind | undefined {
  let cached = nameCache.get(name);
  if (cached === undefined) {
    cached = classifySecretName(name)?.kind ?? null;
    if (nameCache.size > 10_000) nameCache.clear();
    nameCache.set(name, cached);
  }
  return cached ?? undefined;
}

const MODULE_SPECIFIER = /\b(?:require|import)\s*\(\s*['"`]([^'"`\n]+)['"`]|\bfrom\s*['"]([^'"\n]+)['"]|\bimport\s*['"]([^'"\n]+)['"]/gu;
const TOKEN_URL_HINT = /token|oauth|\/connect\/|\/identity\/|\/auth\b|login/iu;
const BASIC_HINT = /\bbasic\s*$/iu;
const AUTH_SCHEME = /^(?:Bearer|Basic|Token|Bot|SSWS|Digest|ApiKey)\s+(?=\S)/iu;
const ACUMATICA_CLIENT_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}@[\w.-]+$/iu;

/** `table.isSinkModule` per specifier: the same few hundred module names are imported across a code base. */
const sinkModuleCache = new WeakMap<SinkTable, Map<string, boolean>>();

function importsCatalogueModule(text: string, table: SinkTable): boolean {
  let known = sinkModuleCache.get(table);
  if (!known) {
    known = new Map();
    sinkModuleCache.set(table, known);
  }
  for (const match of text.matchAll(MODULE_SPECIFIER)) {
    const specifier = match[1] ?? match[2] ?? match[3];
    if (specifier === undefined) continue;
    let isSink = known.get(specifier);
    if (isSink === undefined) {
      isSink = table.isSinkModule(specifier);
      if (known.size > 10_000) known.clear();
      known.set(specifier, isSink);
    }
    if (isSink) return true;
  }
  return false;
}

function nodeName(node: TSESTree.Node | undefined): string | undefined {
  if (!node) return undefined;
  const current = skipTypeWrappers(node);
  if (current.type === AST_NODE_TYPES.Identifier) return current.name;
  if (current.type === AST_NODE_TYPES.MemberExpression) return getMemberPropertyName(current);
  if (current.type === AST_NODE_TYPES.ThisExpression) return 'this';
  return undefined;
}

/** The variable, property or callee an object literal is bound to: `const kensium = { … }` → `kensium`. */
function enclosingObjectName(object: TSESTree.Node): string | undefined {
  let current: TSESTree.Node = object;
  for (let depth = 0; depth < 6 && current.parent; depth++) {
    const parent: TSESTree.Node = current.parent;
    if (parent.type === AST_NODE_TYPES.VariableDeclarator) return nodeName(parent.id);
    if (parent.type === AST_NODE_TYPES.AssignmentExpression) return nodeName(parent.left);
    if (parent.type === AST_NODE_TYPES.PropertyDefinition) return getPropertyKeyName(parent);
    if (parent.type === AST_NODE_TYPES.Property && parent.parent.type === AST_NODE_TYPES.ObjectExpression) {
      const key = getPropertyKeyName(parent);
      if (key !== undefined && credentialKindOfName(key) === undefined && !/^(?:auth|client|credentials|options|config)$/iu.test(key)) return key;
    }
    if (parent.type === AST_NODE_TYPES.NewExpression || parent.type === AST_NODE_TYPES.CallExpression) {
      const variable = parent.parent.type === AST_NODE_TYPES.AwaitExpression ? parent.parent.parent : parent.parent;
      // The callee (`stringify`, `ClientCredentials`) says nothing about whose credential it is.
      return variable?.type === AST_NODE_TYPES.VariableDeclarator ? nodeName(variable.id) : undefined;
    }
    current = parent;
  }
  return undefined;
}

function describeName(name: string): string {
  return `assigned to \`${name.length > 40 ? `${name.slice(0, 40)}…` : name}\``;
}

interface Collector {
  add(site: CredentialSite): void;
}

/** Follows a builder chain (`new SignJWT(p).setIssuer(i).sign(k)`) or a constant to the instance it starts from. */
function resolveInstance(node: TSESTree.Node, scope: TSESLint.Scope.Scope, rows: readonly SinkRow[], depth = 0): ImportedName | undefined {
  if (depth > 6) return undefined;
  let current = skipTypeWrappers(node);
  if (current.type === AST_NODE_TYPES.AwaitExpression) current = skipTypeWrappers(current.argument);
  if (current.type === AST_NODE_TYPES.NewExpression) return resolveImportedName(current.callee, scope);
  if (current.type === AST_NODE_TYPES.CallExpression) {
    const callee = resolveImportedName(current.callee, scope);
    const fromFactory = callee && instanceFromFactory(callee, rows);
    if (fromFactory) return fromFactory;
    if (current.callee.type === AST_NODE_TYPES.MemberExpression) return resolveInstance(current.callee.object, scope, rows, depth + 1);
    return undefined;
  }
  if (current.type === AST_NODE_TYPES.Identifier) {
    const variable = scope.set.get(current.name) ?? findVariable(scope, current.name);
    const def = variable?.defs.length === 1 ? variable.defs[0] : undefined;
    if (def?.type !== 'Variable' || def.node.id.type !== AST_NODE_TYPES.Identifier || !def.node.init) return undefined;
    return resolveInstance(def.node.init, scope, rows, depth + 1);
  }
  return undefined;
}

function findVariable(scope: TSESLint.Scope.Scope, name: string): TSESLint.Scope.Variable | undefined {
  for (let current: TSESLint.Scope.Scope | null = scope; current; current = current.upper) {
    const variable = current.set.get(name);
    if (variable) return variable;
  }
  return undefined;
}

/** The value node at `path` inside an object argument (through constants and `as const`). */
function valueAtPath(argument: TSESTree.Node, path: readonly string[], scope: TSESLint.Scope.Scope): TSESTree.Node | undefined {
  let current: TSESTree.Node = argument;
  for (const segment of path) {
    const object = resolveObject(current, scope);
    const property = object && findObjectProperty(object, segment);
    if (!property) return undefined;
    current = property.value;
  }
  return current;
}

function isStringShaped(node: TSESTree.Node, scope: TSESLint.Scope.Scope): boolean {
  return resolveString(node, scope) !== undefined;
}

function addSinkSites(collector: Collector, row: SinkRow, module: string, args: readonly TSESTree.Node[], scope: TSESLint.Scope.Scope): void {
  for (const slot of row.slots) {
    const argument = args[slot.arg];
    if (!argument || argument.type === AST_NODE_TYPES.SpreadElement) continue;
    let value: TSESTree.Node | undefined;
    if (slot.path) {
      value = valueAtPath(argument, slot.path, scope);
    } else if (slot.when === 'string') {
      value = isStringShaped(argument, scope) ? argument : undefined;
    } else {
      value = argument;
    }
    if (!value) continue;
    addSlotSite(collector, row, slot, module, value);
  }
}

function addSlotSite(collector: Collector, row: SinkRow, slot: SinkSlot, module: string, value: TSESTree.Node): void {
  const where = `passed to \`${row.label}\``;
  const naming: SiteNaming = {
    convention: slotEnvName(slot, module),
    propertyName: slot.path?.at(-1),
    objectName: enclosingObjectName(value),
  };
  const base = { kind: slot.kind, strength: 'sink' as const, where, naming, connectionString: slot.format === 'connection-string' };
  const inner = skipTypeWrappers(value);
  if (inner.type === AST_NODE_TYPES.ArrayExpression) {
    // `session({ secret: ['new', 'old'] })`: every element is a secret (rotation).
    for (const element of inner.elements) if (element && element.type !== AST_NODE_TYPES.SpreadElement) collector.add({ ...base, value: element });
    return;
  }
  collector.add({ ...base, value });
}

/** One piece of a string built by `+` or a template: static text, or an expression. */
interface TextPart {
  readonly text?: string;
  readonly expression?: TSESTree.Node;
  readonly node: TSESTree.Node;
}

function flattenParts(node: TSESTree.Node, scope: TSESLint.Scope.Scope, parts: TextPart[] = []): TextPart[] {
  const current = skipTypeWrappers(node);
  if (current.type === AST_NODE_TYPES.BinaryExpression && current.operator === '+') {
    flattenParts(current.left, scope, parts);
    flattenParts(current.right, scope, parts);
  } else if (current.type === AST_NODE_TYPES.TemplateLiteral) {
    current.quasis.forEach((quasi, index) => {
      parts.push({ text: quasi.value.cooked ?? quasi.value.raw, node: quasi });
      const expression = current.expressions[index];
      if (expression) parts.push({ expression, node: expression });
    });
  } else if (current.type === AST_NODE_TYPES.Literal && typeof current.value === 'string') {
    parts.push({ text: current.value, node: current });
  } else {
    parts.push({ expression: current, node: current });
  }
  return parts;
}

/** Whether the call producing `encoded` sits in a `Basic …` header expression. */
function inBasicHeader(call: TSESTree.Node): boolean {
  let current: TSESTree.Node = call;
  for (let depth = 0; depth < 5 && current.parent; depth++) {
    const parent: TSESTree.Node = current.parent;
    if (parent.type === AST_NODE_TYPES.BinaryExpression && parent.operator === '+' && parent.right === current) {
      const left = skipTypeWrappers(parent.left);
      if (left.type === AST_NODE_TYPES.Literal && typeof left.value === 'string' && BASIC_HINT.test(left.value)) return true;
    }
    if (parent.type === AST_NODE_TYPES.TemplateLiteral) {
      const index = parent.expressions.indexOf(current as TSESTree.Expression);
      const before = parent.quasis[index]?.value.cooked ?? '';
      return index >= 0 && BASIC_HINT.test(before);
    }
    if (parent.type === AST_NODE_TYPES.Property) {
      return /^authorization$/iu.test(getPropertyKeyName(parent) ?? '') || (parent.key.type === AST_NODE_TYPES.Identifier && /basic/iu.test(parent.key.name));
    }
    if (parent.type === AST_NODE_TYPES.VariableDeclarator) return /basic|auth/iu.test(nodeName(parent.id) ?? '');
    current = parent;
  }
  return false;
}

function addBasicCredentialSites(collector: Collector, call: TSESTree.CallExpression, argument: TSESTree.Node, scope: TSESLint.Scope.Scope): void {
  if (!inBasicHeader(call)) return;
  const parts = flattenParts(argument, scope);
  const colonIndex = parts.findIndex((part) => part.text?.includes(':') === true);
  if (colonIndex < 0) return;
  const colonPart = parts[colonIndex] as TextPart;
  const userParts = parts.slice(0, colonIndex);
  const userName = userParts.map((part) => (part.expression ? nodeName(part.expression) ?? '' : '')).join('');
  const userText = `${userParts.map((part) => part.text ?? '').join('')}${(colonPart.text ?? '').slice(0, (colonPart.text ?? '').indexOf(':'))}`;
  const kind: CredentialKind = /client|app|consumer/iu.test(userName) || credentialKindOfName(userName) === 'client-id' || /^[\w.-]+@[\w.-]+$|^[0-9a-f-]{36}/iu.test(userText) ? 'client-secret' : 'password';
  const where = 'encoded into a `Basic` authorization header';
  const naming: SiteNaming = { objectName: enclosingObjectName(call) };
  const rest = parts.slice(colonIndex + 1);
  const afterColon = (colonPart.text ?? '').slice((colonPart.text ?? '').indexOf(':') + 1);
  if (rest.length === 0 && afterColon !== '') {
    // `Buffer.from('id:secret')`, `${id}:secret`: the secret is the tail of this literal part.
    const value = colonPart.node.type === AST_NODE_TYPES.TemplateElement ? colonPart.node.parent : colonPart.node;
    if (value.type === AST_NODE_TYPES.TemplateLiteral && value.quasis.length > 1) {
      collector.add({ kind, value: colonPart.node, strength: 'sink', where, naming, part: { start: (colonPart.text ?? '').indexOf(':') + 1, end: (colonPart.text ?? '').length } });
      return;
    }
    const resolved = resolveString(value, scope);
    if (!resolved) return;
    const start = resolved.value.lastIndexOf(afterColon);
    collector.add({ kind, value, strength: 'sink', where, naming, part: { start, end: start + afterColon.length } });
    return;
  }
  if (afterColon === '' && rest.length === 1 && rest[0]?.expression) {
    collector.add({ kind, value: rest[0].expression, strength: 'sink', where, naming });
  } else if (afterColon === '' && rest.length === 1 && rest[0]?.text && rest[0].node.type === AST_NODE_TYPES.Literal) {
    // `clientId + ':' + 'secret'`: the secret is a literal of its own.
    collector.add({ kind, value: rest[0].node, strength: 'sink', where, naming });
  } else if (afterColon === '' && rest.length === 2 && rest[0]?.expression && rest[1]?.text === '') {
    collector.add({ kind, value: rest[0].expression, strength: 'sink', where, naming });
  }
}

const QUERY_PAIR = /(?:^|[?&])([A-Za-z_][\w.-]{0,40})=([^&#\s'"`;)]*)/gu;

/** `grant_type=client_credentials&client_secret=…` in a string or template part. */
function addQueryStringSites(collector: Collector, node: TSESTree.Literal | TSESTree.TemplateElement, text: string): void {
  if (!text.includes('=') || text.length > 4096) return;
  for (const match of text.matchAll(QUERY_PAIR)) {
    const [, name, rawValue] = match;
    if (name === undefined || rawValue === undefined || rawValue === '') continue;
    const kind = credentialKindOfName(name);
    if (!kind || !/^(?:client[_-]?secret|client[_-]?id|password|api[_-]?key|access[_-]?token|refresh[_-]?token|client[_-]?assertion)$/iu.test(name)) continue;
    const start = match.index + match[0].length - rawValue.length;
    collector.add({ kind, value: node, strength: 'sink', where: `sent as \`${name}\` in a query string or form body`, naming: { propertyName: name }, part: { start, end: start + rawValue.length } });
  }
}

function callName(callee: TSESTree.Node): string | undefined {
  if (callee.type === AST_NODE_TYPES.Identifier) return callee.name;
  if (callee.type === AST_NODE_TYPES.MemberExpression) return getMemberPropertyName(callee);
  return undefined;
}

/** Objects sent as a request body: `new URLSearchParams({…})`, `JSON.stringify({…})`, `qs.stringify({…})`. */
function isBodyBuilder(node: TSESTree.Node): boolean {
  if (node.type === AST_NODE_TYPES.NewExpression) return node.callee.type === AST_NODE_TYPES.Identifier && node.callee.name === 'URLSearchParams';
  if (node.type === AST_NODE_TYPES.CallExpression) return /^(?:stringify|encode)$/u.test(callName(node.callee) ?? '');
  return false;
}

const REQUEST_OPTION_KEYS = /^(?:body|data|form|json|params|searchParams|query)$/u;

function objectIsRequestBody(object: TSESTree.ObjectExpression): boolean {
  const parent = object.parent;
  if (isBodyBuilder(parent)) return true;
  if (parent.type === AST_NODE_TYPES.Property && REQUEST_OPTION_KEYS.test(getPropertyKeyName(parent) ?? '')) return true;
  return false;
}

/** One file's credential sites, collected once for every hard-coded rule that uses the same sink table. */
interface SharedCollection {
  readonly sites: CredentialSite[];
  readonly strings: (TSESTree.Literal | TSESTree.TemplateElement)[];
  /** Whether some rule of this run wants the strings (for known formats); set before the traversal. */
  wantStrings: boolean;
  /** Set when the collecting rule's traversal of the file has begun. */
  started: boolean;
  /** Rules that joined this collection (one creation per rule and run). */
  readonly members: Set<string>;
  /** Resolved findings, by whether the rule calls the file a test file (its `testFilePatterns`). */
  readonly findings: Map<boolean, CredentialFinding[]>;
}

/**
 * Per `SourceCode` and sink table: the three hard-coded rules run in the same traversal, so the
 * first one created for a file registers the collecting listeners and the others only read the
 * result when the program ends (all node listeners have run by then, whatever the rule order).
 */
const sharedCollections = new WeakMap<object, Map<SinkTable, SharedCollection>>();

function joinCollection(sourceCode: object, table: SinkTable, ruleId: string): { entry: SharedCollection; collects: boolean } {
  let byTable = sharedCollections.get(sourceCode);
  if (!byTable) {
    byTable = new Map();
    sharedCollections.set(sourceCode, byTable);
  }
  const existing = byTable.get(table);
  // A collection whose traversal has begun, or that this rule already joined, belongs to an earlier
  // run on the same `SourceCode` object (`Linter#verify` accepts one): start a new one.
  if (existing && !existing.started && !existing.members.has(ruleId)) {
    existing.members.add(ruleId);
    return { entry: existing, collects: false };
  }
  const entry: SharedCollection = { sites: [], strings: [], wantStrings: false, started: false, members: new Set([ruleId]), findings: new Map() };
  byTable.set(table, entry);
  return { entry, collects: true };
}

/**
 * Rule listeners that hand the de-duplicated credential findings of the file to `onFindings` at
 * the end of the program. `isTestFile` tunes value classification. Rules with the same `sinks`
 * share one collection of sites per file (see `sharedCollections`).
 */
export function collectCredentialFindings(
  context: Readonly<TSESLint.RuleContext<string, readonly unknown[]>>,
  options: {
    /** Whether the rule calls the file a test file; asked only when the file has credential sites. */
    readonly isTestFile: () => boolean;
    readonly collectStrings?: boolean;
    /** The rule's `sinks` option: the project's own SDK wrappers, checked like catalogue sinks. */
    readonly sinks?: readonly UserSinkOption[];
  },
  onFindings: (findings: readonly CredentialFinding[], strings: readonly (TSESTree.Literal | TSESTree.TemplateElement)[]) => void,
): TSESLint.RuleListener {
  const { sourceCode } = context;
  const table = sinkTableFor(options.sinks);
  const { entry, collects } = joinCollection(sourceCode, table, context.id);
  if (options.collectStrings === true) entry.wantStrings = true;
  const exit = {
    'Program:exit'(): void {
      const testFile = entry.sites.length > 0 && options.isTestFile();
      let findings = entry.findings.get(testFile);
      if (!findings) {
        findings = entry.sites.length === 0 ? [] : resolveFindings(entry.sites, sourceCode, testFile);
        entry.findings.set(testFile, findings);
      }
      onFindings(findings, options.collectStrings === true ? entry.strings : []);
    },
  };
  if (!collects) return exit;
  return { ...siteListeners(sourceCode, table, entry), ...exit };
}

/** The listeners that fill a shared collection; they run for one rule per file and sink table. */
function siteListeners(sourceCode: Readonly<TSESLint.SourceCode>, table: SinkTable, entry: SharedCollection): TSESLint.RuleListener {
  const { sites, strings } = entry;
  const collector: Collector = { add: (site) => sites.push(site) };
  const checkImports = importsCatalogueModule(sourceCode.text, table);

  function nameSite(name: string | undefined, value: TSESTree.Node | null | undefined, naming: SiteNaming): void {
    if (!value) return;
    const kind = credentialKindOfName(name);
    if (!kind || name === undefined) return;
    collector.add({ kind, value, strength: 'name', where: describeName(name), naming });
  }

  function checkSinkCall(node: TSESTree.CallExpression | TSESTree.NewExpression, invocation: SinkInvocation): void {
    const scope = sourceCode.getScope(node);
    const callee = skipTypeWrappers(node.callee);
    if (callee.type === AST_NODE_TYPES.MemberExpression) {
      const method = getMemberPropertyName(callee);
      if (method !== undefined && table.methodNames.has(method)) {
        const instance = resolveInstance(callee.object, scope, table.rows);
        const row = instance && lookupMethodSink(instance, method, invocation, table.rows);
        if (row && instance) {
          addSinkSites(collector, row, instance.module, node.arguments, scope);
          return;
        }
      }
    }
    if (callee.type === AST_NODE_TYPES.MemberExpression) {
      const name = getMemberPropertyName(callee);
      if (name === undefined || (!table.calleeNames.has(name) && !table.wildcardInvocations.has(invocation))) return;
    } else if (callee.type !== AST_NODE_TYPES.Identifier) {
      return;
    }
    const resolved = resolveImportedName(callee, scope);
    if (!resolved) return;
    const row = lookupSink(resolved, invocation, table.rows);
    if (row) addSinkSites(collector, row, resolved.module, node.arguments, scope);
    if (invocation === 'call') checkHttpCall(node as TSESTree.CallExpression, resolved, scope);
  }

  /** `auth: { username, password }` (axios) or `username` / `password` (got) on a token request. */
  function checkHttpCall(node: TSESTree.CallExpression, callee: ImportedName | { global: string }, scope: TSESLint.Scope.Scope): void {
    const row = lookupHttpClient(callee);
    if (!row) return;
    const urlNode = row.urlArg === undefined ? undefined : node.arguments[row.urlArg];
    for (const index of row.optionArgs) {
      const argument = node.arguments[index];
      if (!argument) continue;
      const object = resolveObject(argument, scope);
      if (!object) continue;
      const urlText = urlNode ? staticTextOf(urlNode, scope) : staticTextOf(findObjectProperty(object, 'url')?.value, scope);
      if (urlText === undefined || !TOKEN_URL_HINT.test(urlText)) continue;
      const auth = findObjectProperty(object, 'auth');
      const authObject = auth && resolveObject(auth.value, scope);
      const holder = authObject ?? object;
      const password = findObjectProperty(holder, 'password');
      const username = findObjectProperty(holder, 'username');
      const where = 'sent as the client secret of a token request';
      if (password) collector.add({ kind: 'client-secret', value: password.value, strength: 'sink', where, naming: { propertyName: 'clientSecret' } });
      if (username && password) collector.add({ kind: 'client-id', value: username.value, strength: 'sink', where: 'sent as the client id of a token request', naming: { propertyName: 'clientId' } });
    }
  }

  /** `superagent.post(url).type('form').auth(user, pass)`: the chain must start at superagent. */
  function checkSuperagentAuth(node: TSESTree.CallExpression, callee: TSESTree.MemberExpression): void {
    const [user, pass] = node.arguments;
    if (!user || !pass || pass.type === AST_NODE_TYPES.SpreadElement || pass.type === AST_NODE_TYPES.ObjectExpression) return;
    const scope = sourceCode.getScope(node);
    let current: TSESTree.Node = callee.object;
    let url: string | undefined;
    for (let depth = 0; depth < 10; depth++) {
      if (current.type === AST_NODE_TYPES.CallExpression && current.callee.type === AST_NODE_TYPES.MemberExpression) {
        if (/^(?:post|put|get|patch|delete|del)$/u.test(getMemberPropertyName(current.callee) ?? '') && current.arguments[0]) url = staticTextOf(current.arguments[0], scope);
        const inner: TSESTree.Node = current.callee.object;
        const root = resolveImportedName(inner, scope);
        if (root && (root.module === 'superagent' || root.module === 'supertest')) break;
        current = inner;
      } else {
        return;
      }
    }
    const root = current.type === AST_NODE_TYPES.CallExpression && current.callee.type === AST_NODE_TYPES.MemberExpression ? resolveImportedName(current.callee.object, scope) : undefined;
    if (!root || root.module !== 'superagent') return;
    const token = url !== undefined && TOKEN_URL_HINT.test(url);
    collector.add({ kind: token ? 'client-secret' : 'password', value: pass, strength: 'sink', where: token ? 'sent as the client secret of a token request' : 'passed to superagent `.auth`', naming: { propertyName: token ? 'clientSecret' : 'password' } });
    if (token) collector.add({ kind: 'client-id', value: user, strength: 'sink', where: 'sent as the client id of a token request', naming: { propertyName: 'clientId' } });
  }

  return {
    CallExpression(node) {
      const callee = node.callee;
      const name = callName(callee);
      if (name === undefined) return;
      // `params.set('client_secret', '…')`, `form.append('password', '…')`
      if ((name === 'set' || name === 'append') && node.arguments.length >= 2 && callee.type === AST_NODE_TYPES.MemberExpression) {
        const [key, value] = node.arguments;
        if (key?.type === AST_NODE_TYPES.Literal && typeof key.value === 'string' && value) {
          const kind = credentialKindOfName(key.value);
          if (kind) collector.add({ kind, value, strength: 'sink', where: `sent as \`${key.value}\``, naming: { propertyName: key.value, objectName: nodeName(callee.object) } });
        }
      }
      // superagent: `request.post(tokenUrl).auth(clientId, '…')`
      if (name === 'auth' && node.arguments.length >= 2 && callee.type === AST_NODE_TYPES.MemberExpression && checkImports) {
        checkSuperagentAuth(node, callee);
      }
      // `Buffer.from('id:secret')`, `btoa(\`${id}:secret\`)` in a Basic header
      if ((name === 'from' && callee.type === AST_NODE_TYPES.MemberExpression && nodeName(callee.object) === 'Buffer') || name === 'btoa') {
        const [argument] = node.arguments;
        if (argument) addBasicCredentialSites(collector, node, argument, sourceCode.getScope(node));
      }
      if (callee.type === AST_NODE_TYPES.Identifier && name === 'fetch') {
        const scope = sourceCode.getScope(node);
        if (!findVariable(scope, 'fetch')?.defs.length) checkHttpCall(node, { global: 'fetch' }, scope);
      }
      if (checkImports) checkSinkCall(node, 'call');
    },
    NewExpression(node) {
      if (checkImports) checkSinkCall(node, 'new');
    },
    Property(node) {
      if (node.parent.type !== AST_NODE_TYPES.ObjectExpression) return;
      const name = getPropertyKeyName(node);
      if (name === 'd' && findObjectProperty(node.parent, 'kty')) {
        // The private part of a JWK (RFC 7517 §9.2, RFC 7518 §6.2.2.1 / §6.3.2.1).
        collector.add({ kind: 'private-key', value: node.value, strength: 'sink', where: 'as the private `d` of a JSON Web Key', naming: { objectName: enclosingObjectName(node.parent) } });
        return;
      }
      const kind = credentialKindOfName(name);
      if (!kind || name === undefined) return;
      const body = objectIsRequestBody(node.parent);
      collector.add({
        kind,
        value: node.value,
        strength: body && (kind === 'client-secret' || kind === 'client-id' || kind === 'password') ? 'sink' : 'name',
        where: body ? `sent as \`${name}\` in a request body` : describeName(name),
        // An `Authorization` header names where a token goes, not which token it is.
        naming: { propertyName: /^(?:proxy-)?authorization$/iu.test(name) ? undefined : name, objectName: enclosingObjectName(node.parent) },
      });
    },
    PropertyDefinition(node) {
      const name = getPropertyKeyName(node);
      nameSite(name, node.value, { propertyName: name, objectName: node.parent.parent.type === AST_NODE_TYPES.ClassDeclaration ? node.parent.parent.id?.name : undefined });
    },
    VariableDeclarator(node) {
      if (node.id.type === AST_NODE_TYPES.Identifier) nameSite(node.id.name, node.init, { variableName: node.id.name });
    },
    AssignmentExpression(node) {
      if (node.operator !== '=' && node.operator !== '||=' && node.operator !== '??=') return;
      const name = nodeName(node.left);
      const object = node.left.type === AST_NODE_TYPES.MemberExpression ? nodeName(node.left.object) : undefined;
      nameSite(name, node.right, { variableName: name, objectName: object === 'this' ? undefined : object });
    },
    AssignmentPattern(node) {
      // `function connect(clientSecret = '…')`, `const { clientSecret = '…' } = options`
      const parent = node.parent;
      const name = parent.type === AST_NODE_TYPES.Property && parent.value === node ? getPropertyKeyName(parent) : nodeName(node.left);
      nameSite(name, node.right, { variableName: name });
    },
    JSXAttribute(node) {
      // `<KensiumProvider clientSecret="…" />`
      if (node.name.type !== AST_NODE_TYPES.JSXIdentifier || !node.value) return;
      const value = node.value.type === AST_NODE_TYPES.JSXExpressionContainer ? node.value.expression : node.value;
      if (value.type === AST_NODE_TYPES.JSXEmptyExpression) return;
      const element = node.parent.type === AST_NODE_TYPES.JSXOpeningElement && node.parent.name.type === AST_NODE_TYPES.JSXIdentifier ? node.parent.name.name : undefined;
      nameSite(node.name.name, value, { propertyName: node.name.name, objectName: element });
    },
    TSEnumMember(node) {
      const name = node.id.type === AST_NODE_TYPES.Identifier ? node.id.name : typeof node.id.value === 'string' ? node.id.value : undefined;
      nameSite(name, node.initializer, { variableName: name });
    },
    Program() {
      entry.started = true;
    },
    Literal(node) {
      if (typeof node.value !== 'string') return;
      if (node.value.length <= 120 && node.value.includes('@') && ACUMATICA_CLIENT_ID.test(node.value)) {
        collector.add({ kind: 'client-id', value: node, strength: 'name', where: 'written as an Acumatica `<GUID>@<tenant>` client id', naming: { provider: 'acumatica' } });
      }
      if (node.value.includes('=')) addQueryStringSites(collector, node, node.value);
      if (entry.wantStrings && node.value.length >= 16) strings.push(node);
    },
    TemplateElement(node) {
      const text = node.value.cooked ?? '';
      if (text.includes('=')) addQueryStringSites(collector, node, text);
      if (entry.wantStrings && text.length >= 16) strings.push(node);
    },
  };
}

function staticTextOf(node: TSESTree.Node | undefined, scope: TSESLint.Scope.Scope): string | undefined {
  if (!node) return undefined;
  const resolved = resolveString(node, scope);
  if (resolved) return resolved.value;
  const current = skipTypeWrappers(node);
  if (current.type === AST_NODE_TYPES.TemplateLiteral) return current.quasis.map((quasi) => quasi.value.cooked ?? '').join('\u0000');
  if (current.type === AST_NODE_TYPES.BinaryExpression && current.operator === '+') {
    return `${staticTextOf(current.left, scope) ?? '\u0000'}${staticTextOf(current.right, scope) ?? '\u0000'}`;
  }
  // `new URL('/oauth/token', base)`, `${base}/token` held in a const
  if (current.type === AST_NODE_TYPES.NewExpression && current.arguments[0]) return staticTextOf(current.arguments[0], scope);
  if (current.type === AST_NODE_TYPES.Identifier) {
    const variable = findVariable(scope, current.name);
    const def = variable?.defs.length === 1 ? variable.defs[0] : undefined;
    if (def?.type === 'Variable' && def.node.init && def.node.init !== node) return staticTextOf(def.node.init, scope);
  }
  return undefined;
}

/** Unwraps `new TextEncoder().encode(x)`, `Buffer.from(x)`, `String(x)` to `x`. */
function unwrapEncoding(node: TSESTree.Node): TSESTree.Node {
  const current = skipTypeWrappers(node);
  if (current.type !== AST_NODE_TYPES.CallExpression || current.arguments.length === 0) return current;
  const [first] = current.arguments;
  if (!first || first.type === AST_NODE_TYPES.SpreadElement) return current;
  const name = callName(current.callee);
  if (name === 'encode' && current.callee.type === AST_NODE_TYPES.MemberExpression) return skipTypeWrappers(first);
  if (name === 'from' && current.callee.type === AST_NODE_TYPES.MemberExpression && nodeName(current.callee.object) === 'Buffer') return skipTypeWrappers(first);
  if (name === 'String' && current.callee.type === AST_NODE_TYPES.Identifier) return skipTypeWrappers(first);
  return current;
}

/** The password or key inside a URL (`scheme://user:pass@host`) or a `Key=value;` connection string. */
function connectionSecretPart(value: string): { start: number; end: number } | undefined {
  const url = /^[a-z][a-z0-9+.-]*:\/\/[^/?#\s:@]*:([^@/\s]+)@/iu.exec(value);
  if (url?.[1] !== undefined) {
    const start = value.indexOf(':', value.indexOf('://') + 3) + 1;
    return { start, end: start + url[1].length };
  }
  const pair = /(?:^|;)\s*(?:password|pwd|accountkey|sharedaccesskey|key)\s*=\s*([^;]+)/iu.exec(value);
  if (pair?.[1] !== undefined) {
    const start = pair.index + pair[0].length - pair[1].length;
    return { start, end: start + pair[1].trimEnd().length };
  }
  return undefined;
}

/**
 * Source range of `[start, end)` of a string value held by `node`, when the node's source spells
 * the value without escapes; `undefined` when it cannot be mapped exactly.
 */
export function locateInString(node: TSESTree.Node, sourceCode: Readonly<TSESLint.SourceCode>, start: number, end: number): readonly [number, number] | undefined {
  const current = skipTypeWrappers(node);
  if (current.type === AST_NODE_TYPES.Literal && typeof current.value === 'string') {
    const raw = sourceCode.text.slice(current.range[0] + 1, current.range[1] - 1);
    return raw === current.value ? [current.range[0] + 1 + start, current.range[0] + 1 + end] : undefined;
  }
  if (current.type === AST_NODE_TYPES.TemplateElement) {
    // A quasi's range includes its delimiters (`\``, `}` before, `${` or `\`` after).
    const raw = current.value.raw;
    if (raw !== current.value.cooked) return undefined;
    return [current.range[0] + 1 + start, current.range[0] + 1 + end];
  }
  if (current.type === AST_NODE_TYPES.TemplateLiteral && current.expressions.length === 0 && current.quasis[0]) {
    return locateInString(current.quasis[0], sourceCode, start, end);
  }
  if (current.type === AST_NODE_TYPES.BinaryExpression && current.operator === '+') {
    const left = resolveStringValue(current.left);
    if (left === undefined) return undefined;
    if (end <= left.length) return locateInString(current.left, sourceCode, start, end);
    if (start >= left.length) return locateInString(current.right, sourceCode, start - left.length, end - left.length);
  }
  return undefined;
}

function resolveStringValue(node: TSESTree.Node): string | undefined {
  const current = skipTypeWrappers(node);
  if (current.type === AST_NODE_TYPES.Literal) return typeof current.value === 'string' ? current.value : undefined;
  if (current.type === AST_NODE_TYPES.TemplateLiteral && current.expressions.length === 0) return current.quasis[0]?.value.cooked ?? undefined;
  if (current.type === AST_NODE_TYPES.BinaryExpression && current.operator === '+') {
    const left = resolveStringValue(current.left);
    const right = left === undefined ? undefined : resolveStringValue(current.right);
    return left === undefined || right === undefined ? undefined : left + right;
  }
  return undefined;
}

/**
 * The three rules classify the same sites of the same file; classification (which runs the
 * known-format detectors) is done once per file and value.
 */
const classificationCache = new WeakMap<object, Map<string, SecretValueClassification>>();

function classifyCached(sourceCode: Readonly<TSESLint.SourceCode>, value: string, context: Parameters<typeof classifySecretValue>[1] & object): SecretValueClassification {
  let cache = classificationCache.get(sourceCode.ast);
  if (!cache) {
    cache = new Map();
    classificationCache.set(sourceCode.ast, cache);
  }
  const key = `${context.name ?? ''}\u0000${context.isTestFile === true ? 1 : 0}${context.atSink === true ? 1 : 0}${context.expectedKind ?? ''}\u0000${value}`;
  let result = cache.get(key);
  if (!result) {
    result = classifySecretValue(value, context);
    cache.set(key, result);
  }
  return result;
}

function siteRank(site: CredentialSite): number {
  return site.strength === 'sink' ? 2 : 1;
}

function resolveFindings(sites: readonly CredentialSite[], sourceCode: Readonly<TSESLint.SourceCode>, isTestFile: boolean): CredentialFinding[] {
  const byRange = new Map<string, CredentialFinding>();
  for (const site of sites) {
    const finding = resolveSite(site, sourceCode, isTestFile);
    if (!finding) continue;
    const key = `${finding.range[0]}:${finding.range[1]}`;
    const existing = byRange.get(key);
    if (!existing || siteRank(site) > siteRank(existing.site)) byRange.set(key, finding);
  }
  return [...byRange.values()].sort((a, b) => a.range[0] - b.range[0]);
}

function resolveSite(originalSite: CredentialSite, sourceCode: Readonly<TSESLint.SourceCode>, isTestFile: boolean): CredentialFinding | undefined {
  let site = originalSite;
  let valueNode: TSESTree.Node = site.value;
  let value: string;
  let holder: TSESTree.Node;
  if (valueNode.type === AST_NODE_TYPES.TemplateElement) {
    value = valueNode.value.cooked ?? '';
    holder = valueNode;
  } else {
    valueNode = unwrapEncoding(valueNode);
    const resolved = resolveString(valueNode, sourceCode.getScope(valueNode));
    if (!resolved) return undefined;
    value = resolved.value;
    holder = resolved.node;
    // Test files assemble fake credentials from literal fragments so that secret scanners (ours
    // included) do not take them for real ones; a real secret is not written that way.
    if (isTestFile && holder.type === AST_NODE_TYPES.BinaryExpression) return undefined;
  }
  let part = site.part;
  const scheme = part ? null : AUTH_SCHEME.exec(value);
  if (!part) {
    const connection = connectionSecretPart(value);
    if (connection) part = connection;
    else if (site.connectionString === true) return undefined;
    // `Authorization: 'Bearer eyJ…'`: the credential is what follows the scheme.
    else if (scheme) part = { start: scheme[0].length, end: value.length };
  }
  const secret = part ? value.slice(part.start, part.end) : value;
  // `const KENSIUM_CLIENT_SECRET = '…'` passed to a sink: the constant's name is the better env name.
  const declarator = holder.parent?.type === AST_NODE_TYPES.TSAsExpression || holder.parent?.type === AST_NODE_TYPES.TSSatisfiesExpression ? holder.parent.parent : holder.parent;
  if (declarator?.type === AST_NODE_TYPES.VariableDeclarator && declarator.id.type === AST_NODE_TYPES.Identifier && declarator.id.name !== site.naming.variableName) {
    site = { ...site, naming: { ...site.naming, variableName: declarator.id.name, objectName: undefined } };
  }
  const name = site.naming.propertyName ?? site.naming.variableName;
  const classification = classifyCached(sourceCode, secret, { name, isTestFile, expectedKind: site.kind, atSink: site.strength === 'sink' });
  if (!isReportable(site, classification, isTestFile)) return undefined;
  // `Basic bXktY2xpZW50LWlkOm15LXNlY3JldA==` is `my-client-id:my-secret`: base64 is an encoding,
  // and the password it carries is judged as if it were written out.
  const basic = scheme && /^basic/iu.test(scheme[0]) ? decodeBasicCredentials(secret) : undefined;
  if (basic !== undefined) {
    const carried = classifyCached(sourceCode, basic.password, { name: 'password', isTestFile, expectedKind: 'password', atSink: true });
    if (!isReportedCredentialValue(carried, { kind: 'password', atSink: true, isTestFile })) return undefined;
  }
  if (part) {
    const range = locateInString(holder, sourceCode, part.start, part.end) ?? holder.range;
    // A connection string moves into the environment whole (`DATABASE_URL`), so its fix replaces it all.
    const movesWhole = site.connectionString === true && holder.type !== AST_NODE_TYPES.TemplateElement;
    const wholeNode = movesWhole || (holder.type !== AST_NODE_TYPES.TemplateElement && range[0] === holder.range[0] && range[1] === holder.range[1]);
    return { site, secret, classification, range, node: holder, wholeNode };
  }
  return { site, secret, classification, range: holder.range, node: holder, wholeNode: true };
}

/** The `user:password` a Basic credential encodes, when it is base64 of printable text with a colon. */
function decodeBasicCredentials(encoded: string): { user: string; password: string } | undefined {
  if (encoded.length > 1024 || encoded.length % 4 !== 0 || !/^[A-Za-z0-9+/]+={0,2}$/u.test(encoded)) return undefined;
  const decoded = Buffer.from(encoded, 'base64').toString('latin1');
  const colon = decoded.indexOf(':');
  if (colon < 0 || !/^[\x20-\x7e]+$/u.test(decoded)) return undefined;
  return { user: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
}

function isReportable(site: CredentialSite, classification: SecretValueClassification, isTestFile: boolean): boolean {
  return isReportedCredentialValue(classification, { kind: site.kind, atSink: site.strength === 'sink', isTestFile });
}

/**
 * Known token formats (secretlint's recommended preset and the OAuth formats) in string literals,
 * template parts and comments that no credential site already covers, with exact ranges where
 * the source spells the value without escapes.
 */
export function findKnownSecretsInSource(
  sourceCode: Readonly<TSESLint.SourceCode>,
  strings: readonly (TSESTree.Literal | TSESTree.TemplateElement)[],
  filePath: string,
  options: { readonly comments: boolean } = { comments: true },
): { readonly range: readonly [number, number]; readonly label: string; readonly format: string; readonly secret: string; readonly node?: TSESTree.Node; readonly wholeNode: boolean }[] {
  const results: { range: readonly [number, number]; label: string; format: string; secret: string; node?: TSESTree.Node; wholeNode: boolean }[] = [];
  for (const node of strings) {
    const text = node.type === AST_NODE_TYPES.Literal ? (node.value as string) : node.value.cooked ?? node.value.raw;
    if (text.length < 16) continue;
    for (const known of findKnownSecrets(text, { filePath })) {
      // `sk_live_xxxxxxxxxxxxxxxxxxxxxxxx`: a masked example has the shape but not the secret.
      const kind = classifySecretValue(text.slice(known.range[0], known.range[1])).kind;
      if (kind === 'placeholder' || kind === 'empty' || !isPlausibleKnownSecret(known.format, text.slice(known.range[0], known.range[1]))) continue;
      // A password inside a URL or connection string: report the password, not the whole URL.
      const inner = connectionSecretPart(text.slice(known.range[0], known.range[1]));
      const start = inner ? known.range[0] + inner.start : known.range[0];
      const end = inner ? known.range[0] + inner.end : known.range[1];
      const range = locateInString(node, sourceCode, start, end) ?? node.range;
      const secret = text.slice(start, end);
      const wholeNode = node.type === AST_NODE_TYPES.Literal && start === 0 && end === text.length;
      results.push({ range, label: known.label, format: known.format, secret, node, wholeNode });
    }
  }
  for (const comment of options.comments ? sourceCode.getAllComments() : []) {
    if (comment.value.length < 16) continue;
    const offset = comment.range[0] + 2;
    for (const known of findKnownSecrets(comment.value, { filePath })) {
      const kind = classifySecretValue(comment.value.slice(known.range[0], known.range[1])).kind;
      if (kind === 'placeholder' || kind === 'empty' || !isPlausibleKnownSecret(known.format, comment.value.slice(known.range[0], known.range[1]))) continue;
      results.push({ range: [offset + known.range[0], offset + known.range[1]], label: known.label, format: known.format, secret: comment.value.slice(known.range[0], known.range[1]), wholeNode: false });
    }
  }
  return results;
}

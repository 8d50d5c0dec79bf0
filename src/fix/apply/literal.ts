/**
 * Finds the literal a fix target points at, reads its value, and works out which source range
 * the env lookup replaces: the literal itself, an `as const` around it (a call cannot be
 * `as const`), a whole `process.env.X || 'fallback'` expression (the fallback goes, the lookup
 * stays), or a JSX attribute value (which needs braces).
 */
import ts from 'typescript';

export interface LocatedLiteral {
  /** The value the program sees at run time. */
  readonly value: string;
  /** The source text of the literal as written (escapes and all), for redaction. */
  readonly raw: string;
  /** The range to replace and how to wrap the lookup text there. */
  readonly start: number;
  readonly end: number;
  readonly wrap: (lookup: string) => string;
  /** For an env fallback, the variable the code already reads. */
  readonly existingEnvName?: string;
}

export type LocateFailure = { readonly failure: 'not-a-literal' | 'not-replaceable'; readonly message: string };

const SCRIPT_KINDS: Record<string, ts.ScriptKind> = {
  '.ts': ts.ScriptKind.TS,
  '.mts': ts.ScriptKind.TS,
  '.cts': ts.ScriptKind.TS,
  '.tsx': ts.ScriptKind.TSX,
  '.js': ts.ScriptKind.JS,
  '.mjs': ts.ScriptKind.JS,
  '.cjs': ts.ScriptKind.JS,
  '.jsx': ts.ScriptKind.JSX,
};

/** Extensions of the source files the fix edits. */
export function isEditableSourceFile(path: string): boolean {
  return extensionOf(path) in SCRIPT_KINDS;
}

function extensionOf(path: string): string {
  const match = /\.[cm]?[jt]sx?$/u.exec(path);
  return match ? match[0] : '';
}

export function parseSource(path: string, text: string): ts.SourceFile {
  const kind = SCRIPT_KINDS[extensionOf(path)] ?? ts.ScriptKind.TS;
  return ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true, kind);
}

/** Number of syntax errors, used to check that an edit does not break a file. */
export function syntaxErrorCount(sourceFile: ts.SourceFile): number {
  return (sourceFile as unknown as { parseDiagnostics?: readonly unknown[] }).parseDiagnostics?.length ?? 0;
}

/** The innermost node whose range is exactly `[start, end)`. */
function nodeAt(sourceFile: ts.SourceFile, start: number, end: number): ts.Node | undefined {
  let found: ts.Node | undefined;
  function visit(node: ts.Node): void {
    const nodeStart = node.getStart(sourceFile);
    if (nodeStart > start || node.getEnd() < end) return;
    if (nodeStart === start && node.getEnd() === end) found = node;
    node.forEachChild(visit);
  }
  visit(sourceFile);
  return found;
}

/** The string value of a literal expression: literals, plain templates, `+` of those, parentheses. */
function constantString(node: ts.Node): string | undefined {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
  if (ts.isParenthesizedExpression(node)) return constantString(node.expression);
  if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.PlusToken) {
    const left = constantString(node.left);
    const right = constantString(node.right);
    return left === undefined || right === undefined ? undefined : left + right;
  }
  return undefined;
}

/** `process.env.NAME` or `process.env['NAME']` → `NAME`. */
function processEnvName(node: ts.Expression): string | undefined {
  let current = node;
  while (ts.isParenthesizedExpression(current) || ts.isNonNullExpression(current)) current = current.expression;
  let name: string | undefined;
  let object: ts.Expression;
  if (ts.isPropertyAccessExpression(current)) {
    name = current.name.text;
    object = current.expression;
  } else if (ts.isElementAccessExpression(current) && ts.isStringLiteralLike(current.argumentExpression)) {
    name = current.argumentExpression.text;
    object = current.expression;
  } else {
    return undefined;
  }
  if (!ts.isPropertyAccessExpression(object) || object.name.text !== 'env') return undefined;
  return ts.isIdentifier(object.expression) && object.expression.text === 'process' ? name : undefined;
}

function isConstAssertion(node: ts.Node): node is ts.AsExpression {
  return ts.isAsExpression(node) && ts.isTypeReferenceNode(node.type) && ts.isIdentifier(node.type.typeName) && node.type.typeName.text === 'const';
}

const identity = (text: string): string => text;

/** Locates the literal of a target and the range its replacement covers. */
export function locateLiteral(sourceFile: ts.SourceFile, start: number, end: number): LocatedLiteral | LocateFailure {
  const node = nodeAt(sourceFile, start, end);
  const value = node === undefined ? undefined : constantString(node);
  if (node === undefined || value === undefined) {
    return { failure: 'not-a-literal', message: 'The reported range is not a string literal in the current file; it may have changed since the scan.' };
  }
  const raw = node.getText(sourceFile);
  let replaced: ts.Node = node;
  // Parentheses and `as const` around the literal go with it.
  while (ts.isParenthesizedExpression(replaced.parent) || isConstAssertion(replaced.parent)) replaced = replaced.parent;
  const parent = replaced.parent;

  if (
    ts.isBinaryExpression(parent) &&
    parent.right === replaced &&
    [ts.SyntaxKind.BarBarToken, ts.SyntaxKind.QuestionQuestionToken].includes(parent.operatorToken.kind)
  ) {
    const existingEnvName = processEnvName(parent.left);
    if (existingEnvName !== undefined) {
      return { value, raw, start: parent.getStart(sourceFile), end: parent.getEnd(), wrap: identity, existingEnvName };
    }
  }
  if (ts.isJsxAttribute(parent)) {
    return { value, raw, start: replaced.getStart(sourceFile), end: replaced.getEnd(), wrap: (lookup) => `{${lookup}}` };
  }
  if (
    ts.isEnumMember(parent) ||
    ts.isLiteralTypeNode(parent) ||
    ts.isImportDeclaration(parent) ||
    ts.isExportDeclaration(parent) ||
    ts.isExternalModuleReference(parent) ||
    ts.isImportTypeNode(parent) ||
    ts.isModuleDeclaration(parent) ||
    (ts.isPropertyAssignment(parent) && parent.name === replaced) ||
    (ts.isPropertyDeclaration(parent) && parent.name === replaced) ||
    (ts.isCallExpression(parent) && ts.isIdentifier(parent.expression) && parent.expression.text === 'require') ||
    ts.isTaggedTemplateExpression(parent)
  ) {
    return { failure: 'not-replaceable', message: 'The literal sits where an expression is not allowed (a type, an enum member, a key or a module name); move it by hand.' };
  }
  // A `const X = 'literal'` whose literal type is used as a type elsewhere would change type;
  // that is rare and caught by the type-check the user runs after the fix.
  return { value, raw, start: replaced.getStart(sourceFile), end: replaced.getEnd(), wrap: identity };
}

export function isFailure(result: LocatedLiteral | LocateFailure): result is LocateFailure {
  return 'failure' in result;
}

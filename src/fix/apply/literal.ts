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
  /**
   * For a password inside a URL (`postgres://user:pw@host/db`, `https://user:pw@host`): the URL's
   * scheme. The whole literal moves, since a connection string belongs in the environment whole.
   */
  readonly urlScheme?: string;
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

/** The innermost string literal or template part whose text strictly contains `[start, end)`. */
function enclosingString(sourceFile: ts.SourceFile, start: number, end: number): ts.Node | undefined {
  let found: ts.Node | undefined;
  function visit(node: ts.Node): void {
    if (node.getStart(sourceFile) > start || node.getEnd() < end) return;
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node) || ts.isTemplateHead(node) || ts.isTemplateMiddle(node) || ts.isTemplateTail(node)) found = node;
    node.forEachChild(visit);
  }
  visit(sourceFile);
  return found;
}

/** Whether `[start, end)` lies inside a comment. */
function inComment(sourceFile: ts.SourceFile, start: number, end: number): boolean {
  const scanner = ts.createScanner(ts.ScriptTarget.Latest, false, sourceFile.languageVariant, sourceFile.text);
  for (let token = scanner.scan(); token !== ts.SyntaxKind.EndOfFileToken; token = scanner.scan()) {
    const tokenStart = scanner.getTokenStart();
    if (tokenStart > start) return false;
    if ((token === ts.SyntaxKind.SingleLineCommentTrivia || token === ts.SyntaxKind.MultiLineCommentTrivia) && scanner.getTokenEnd() >= end) return true;
  }
  return false;
}

/** `scheme://user:password@host…`: the scheme when the value is a URL with a password in it. */
const URL_WITH_PASSWORD = /^([a-z][a-z0-9+.-]*):\/\/[^\s/?#@:]*:[^\s/?#@]+@[^\s]/iu;

/** Why a secret inside a longer string stays, and how to move it by hand. */
function longerStringReason(value: string, offsetInValue: number, template: boolean): string {
  const where = template ? 'inside a template string with substitutions' : 'part of a longer string';
  if (/^[a-z][a-z0-9+.-]*:\/\//iu.test(value)) {
    return `The secret is ${where}, a URL (in its path or query); move it by hand: build the URL from \`encodeURIComponent(requireEnv('NAME'))\`, or move the whole URL.`;
  }
  const header = /^(Bearer|Basic|Token|Bot|Digest|SSWS)\s/iu.exec(value);
  if (header) {
    const scheme = header[1] ?? '';
    return `The secret is ${where}, a \`${scheme} …\` header value; move it by hand: \`'${scheme} ' + requireEnv('NAME')\`.`;
  }
  const colon = value.indexOf(':');
  if (colon !== -1 && colon < offsetInValue && !/\s/u.test(value)) {
    return `The secret is ${where}, a \`user:password\` pair; move it by hand: \`\${requireEnv('USER')}:\${requireEnv('PASSWORD')}\`.`;
  }
  return template
    ? `The secret is ${where}; move it by hand: put \`\${requireEnv('NAME')}\` in its place.`
    : `The secret is ${where}; move it by hand, or move the whole string.`;
}

/** Locates the literal of a target and the range its replacement covers. */
export function locateLiteral(sourceFile: ts.SourceFile, start: number, end: number): LocatedLiteral | LocateFailure {
  let node = nodeAt(sourceFile, start, end);
  let value = node === undefined ? undefined : constantString(node);
  let urlScheme: string | undefined;
  if (node === undefined || value === undefined) {
    // The finding covers part of a string: the value without its quotes, a password in a URL, a
    // token after `Bearer `.
    const container = enclosingString(sourceFile, start, end);
    if (container === undefined) {
      if (inComment(sourceFile, start, end)) {
        return { failure: 'not-replaceable', message: 'The secret is in a comment: delete it by hand.' };
      }
      return { failure: 'not-a-literal', message: 'The reported range is not a string literal in the current file; it may have changed since the scan.' };
    }
    const containerStart = container.getStart(sourceFile);
    const text = (container as ts.LiteralLikeNode).text;
    const templatePart = ts.isTemplateHead(container) || ts.isTemplateMiddle(container) || ts.isTemplateTail(container);
    const contentStart = containerStart + 1;
    const contentEnd = container.getEnd() - (ts.isTemplateHead(container) || ts.isTemplateMiddle(container) ? 2 : 1);
    const rawContent = sourceFile.text.slice(contentStart, contentEnd);
    const scheme = URL_WITH_PASSWORD.exec(rawContent)?.[1];
    if (!templatePart && start === contentStart && end === contentEnd) {
      // The value without its quotes: the literal itself.
      node = container;
    } else if (!templatePart && scheme !== undefined && end - contentStart <= rawContent.indexOf('@', scheme.length + 3)) {
      // A password in a URL's user-info: the connection string moves whole.
      node = container;
      urlScheme = scheme.toLowerCase();
    } else {
      return { failure: 'not-replaceable', message: longerStringReason(text, start - contentStart, templatePart) };
    }
    value = constantString(node);
    if (value === undefined) {
      return { failure: 'not-a-literal', message: 'The reported range is not a string literal in the current file; it may have changed since the scan.' };
    }
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
      return { value, raw, start: parent.getStart(sourceFile), end: parent.getEnd(), wrap: identity, existingEnvName, ...(urlScheme === undefined ? {} : { urlScheme }) };
    }
  }
  if (ts.isJsxAttribute(parent)) {
    return { value, raw, start: replaced.getStart(sourceFile), end: replaced.getEnd(), wrap: (lookup) => `{${lookup}}`, ...(urlScheme === undefined ? {} : { urlScheme }) };
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
  return { value, raw, start: replaced.getStart(sourceFile), end: replaced.getEnd(), wrap: identity, ...(urlScheme === undefined ? {} : { urlScheme }) };
}

export function isFailure(result: LocatedLiteral | LocateFailure): result is LocateFailure {
  return 'failure' in result;
}

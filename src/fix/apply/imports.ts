/**
 * Adds `import { requireEnv } from './require-env.js'` (or the CommonJS `require`) to a file,
 * after its existing imports (or after directives and a file header comment), never splitting a
 * comment from the line it belongs to.
 */
import ts from 'typescript';
import { helperImportText } from '../replacement.js';
import type { ModuleStyle } from './module-style.js';
import type { TextEdit } from './types.js';

export type ImportPlan = { readonly edit: TextEdit | undefined } | { readonly clash: string };

function requireCallSpecifier(node: ts.Node): string | undefined {
  if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'require') {
    const [argument] = node.arguments;
    if (argument && ts.isStringLiteralLike(argument)) return argument.text;
  }
  return undefined;
}

/** True for `const x = require('…')` and `const { a } = require('…')` at the top level. */
function isRequireStatement(statement: ts.Statement): boolean {
  if (!ts.isVariableStatement(statement)) return false;
  return statement.declarationList.declarations.every((declaration) => {
    let init = declaration.initializer;
    while (init && ts.isPropertyAccessExpression(init)) init = init.expression;
    return init !== undefined && requireCallSpecifier(init) !== undefined;
  });
}

/** Names bound at the top level of the file, to avoid shadowing or redeclaring `requireEnv`. */
function topLevelBinding(sourceFile: ts.SourceFile, name: string): 'helper' | 'other' | undefined {
  for (const statement of sourceFile.statements) {
    if (ts.isImportDeclaration(statement)) {
      const bindings = statement.importClause?.namedBindings;
      if (statement.importClause?.name?.text === name) return 'other';
      if (bindings && ts.isNamedImports(bindings)) {
        for (const element of bindings.elements) {
          if (element.name.text === name) return (element.propertyName?.text ?? element.name.text) === name ? 'helper' : 'other';
        }
      } else if (bindings && bindings.name.text === name) return 'other';
    } else if (ts.isVariableStatement(statement)) {
      for (const declaration of statement.declarationList.declarations) {
        if (ts.isIdentifier(declaration.name) && declaration.name.text === name) return 'other';
        if (ts.isObjectBindingPattern(declaration.name)) {
          for (const element of declaration.name.elements) {
            if (ts.isIdentifier(element.name) && element.name.text === name) {
              const imported = element.propertyName && ts.isIdentifier(element.propertyName) ? element.propertyName.text : name;
              const fromRequire = declaration.initializer !== undefined && requireCallSpecifier(declaration.initializer) !== undefined;
              return fromRequire && imported === name ? 'helper' : 'other';
            }
          }
        }
      }
    } else if ((ts.isFunctionDeclaration(statement) || ts.isClassDeclaration(statement)) && statement.name?.text === name) {
      return 'other';
    }
  }
  return undefined;
}

/**
 * The edit that imports `helperName` from `specifier` into the file, `undefined` when the file
 * already imports it, or a clash when the name is taken by something else.
 */
export function planHelperImport(sourceFile: ts.SourceFile, helperName: string, specifier: string, style: ModuleStyle): ImportPlan {
  const binding = topLevelBinding(sourceFile, helperName);
  if (binding === 'helper') return { edit: undefined };
  if (binding === 'other') return { clash: `The file already declares \`${helperName}\`; import the helper under another name by hand.` };
  // The same statement the ESLint suggestion inserts.
  const statement = helperImportText({ helperName, importPath: specifier, moduleType: style.syntax }).trimEnd();

  // After the last import (ESM) or top-level require (CommonJS) of the leading block.
  let anchor: ts.Statement | undefined;
  for (const statement of sourceFile.statements) {
    const isImport =
      ts.isImportDeclaration(statement) || ts.isImportEqualsDeclaration(statement) || (style.syntax === 'commonjs' && isRequireStatement(statement));
    const isDirective = anchor === undefined && ts.isExpressionStatement(statement) && ts.isStringLiteral(statement.expression);
    if (!isImport && !isDirective) break;
    anchor = statement;
  }
  const text = sourceFile.text;
  const result = (start: number, insertion: string): ImportPlan => ({ edit: { start, end: start, text: withLineEndings(insertion, text) } });
  if (anchor) {
    // On the line after the anchor, so a trailing comment stays on the anchor's line.
    const lineEnd = text.indexOf('\n', anchor.getEnd());
    const separator = ts.isExpressionStatement(anchor) ? '\n' : '';
    if (lineEnd === -1) return result(text.length, `\n${separator}${statement}\n`);
    return result(lineEnd + 1, `${separator}${statement}\n`);
  }
  // No imports: after a shebang and the leading comment block (a licence header, file docs).
  // After a byte-order mark, which must stay first.
  let insertAt = text.startsWith('\uFEFF') ? 1 : 0;
  if (text.startsWith('#!', insertAt)) {
    const newline = text.indexOf('\n', insertAt);
    insertAt = newline === -1 ? text.length : newline + 1;
  }
  const first = sourceFile.statements[0];
  if (first) {
    // From offset 0: past it, TypeScript counts a comment on the first line as trailing.
    const comments = (ts.getLeadingCommentRanges(text, 0) ?? []).filter((comment) => comment.pos >= insertAt);
    // The file header is the leading comments up to the last one followed by a blank line; the
    // comments after it document the first statement and stay with it.
    let headerEnd: number | undefined;
    comments.forEach((comment, index) => {
      const next = comments[index + 1]?.pos ?? first.getStart(sourceFile);
      if (/\n[ \t]*\r?\n/u.test(text.slice(comment.end, next))) headerEnd = comment.end;
    });
    if (headerEnd !== undefined) {
      const newline = text.indexOf('\n', headerEnd);
      const at = newline === -1 ? text.length : newline;
      return result(at, `\n\n${statement}`);
    }
  }
  return result(insertAt, `${statement}\n\n`);
}

/** Uses the file's own line endings (CRLF files stay CRLF). */
function withLineEndings(insertion: string, text: string): string {
  return text.includes('\r\n') ? insertion.replace(/\n/gu, '\r\n') : insertion;
}

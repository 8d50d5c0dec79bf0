/**
 * URL analysis on source text: the static text of a string, template or concatenation (with a
 * placeholder where an expression goes), its scheme and host, and the query parameters it sets.
 * Used by the flow rules to tell an `http://` OAuth endpoint, a `?client_secret=` query and a
 * form-encoded token request body apart.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { resolveString, skipTypeWrappers } from './ast.js';

/** Stands for an expression inside {@link StaticText.text}: a template `${…}` or an unresolved operand. */
export const DYNAMIC_PART = '\u0000';

export interface StaticText {
  /** The text with every dynamic part replaced by {@link DYNAMIC_PART}. */
  readonly text: string;
  /** The leftmost operand of a concatenation or the whole node (for naming heuristics). */
  readonly head: TSESTree.Node;
  /** Whether any part was dynamic. */
  readonly dynamic: boolean;
}

const MAX_PARTS = 64;

/**
 * The static text of a string literal, a template literal or a `+` concatenation. Operands that
 * resolve to a constant string (through `resolveString`) are inlined; others become
 * {@link DYNAMIC_PART}. Returns undefined for nodes that are not string-shaped.
 */
export function getStaticText(node: TSESTree.Node, scope: TSESLint.Scope.Scope): StaticText | undefined {
  const current = skipTypeWrappers(node);
  if (current.type === AST_NODE_TYPES.Literal) {
    return typeof current.value === 'string' ? { text: current.value, head: current, dynamic: false } : undefined;
  }
  if (current.type === AST_NODE_TYPES.TemplateLiteral) {
    if (current.quasis.length > MAX_PARTS) return undefined;
    const text = current.quasis.map((quasi) => quasi.value.cooked ?? quasi.value.raw).join(DYNAMIC_PART);
    return { text, head: current, dynamic: current.expressions.length > 0 };
  }
  if (current.type === AST_NODE_TYPES.BinaryExpression && current.operator === '+') {
    const operands: TSESTree.Node[] = [];
    const collect = (part: TSESTree.Node): void => {
      const inner = skipTypeWrappers(part);
      if (inner.type === AST_NODE_TYPES.BinaryExpression && inner.operator === '+' && operands.length < MAX_PARTS) {
        collect(inner.left);
        collect(inner.right);
      } else {
        operands.push(inner);
      }
    };
    collect(current);
    let text = '';
    let dynamic = false;
    let stringSeen = false;
    for (const operand of operands) {
      const own = operand.type === AST_NODE_TYPES.Literal || operand.type === AST_NODE_TYPES.TemplateLiteral ? getStaticText(operand, scope) : undefined;
      const resolved = own ?? (operand.type === AST_NODE_TYPES.PrivateIdentifier ? undefined : resolveConstant(operand, scope));
      if (resolved === undefined) {
        text += DYNAMIC_PART;
        dynamic = true;
      } else {
        text += resolved.text;
        dynamic ||= resolved.dynamic;
        stringSeen = true;
      }
    }
    // `a + b` of two unknowns is arithmetic as far as we can tell.
    return stringSeen ? { text, head: operands[0] ?? current, dynamic } : undefined;
  }
  return undefined;
}

function resolveConstant(node: TSESTree.Node, scope: TSESLint.Scope.Scope): { text: string; dynamic: boolean } | undefined {
  const resolved = resolveString(node, scope);
  return resolved ? { text: resolved.value, dynamic: false } : undefined;
}

/** Hosts that are the machine itself; `http://` to them never crosses a network (OAuth 2.1 §1.5, §8.4.2). */
const LOOPBACK_HOST = /^(?:localhost|127(?:\.\d{1,3}){3}|\[::1\]|\[0:0:0:0:0:0:0:1\]|[\w.-]+\.localhost)$/iu;

export function isLoopbackHost(host: string): boolean {
  return LOOPBACK_HOST.test(host);
}

export interface UrlParts {
  /** Lower-case scheme without the colon: `http`, `https`. */
  readonly scheme: string;
  /** Host as written (no port); empty when it is dynamic. */
  readonly host: string;
  /** Whether the host contains a dynamic part (`http://${host}/token`). */
  readonly dynamicHost: boolean;
  /** Path, without query or fragment (may contain {@link DYNAMIC_PART}). */
  readonly path: string;
}

const ABSOLUTE_URL = /^([a-z][a-z\d+.-]*):\/\/([^/?#]*)([^?#]*)/iu;

/** Scheme, host and path of a URL text that starts with `scheme://`; undefined otherwise. */
export function parseUrlText(text: string): UrlParts | undefined {
  const match = ABSOLUTE_URL.exec(text);
  if (!match) return undefined;
  const authority = (match[2] ?? '').replace(/^[^@]*@/u, '');
  const host = authority.startsWith('[') ? authority.replace(/(\])(?::.*)?$/u, '$1') : authority.replace(/:[^:]*$/u, '');
  return {
    scheme: (match[1] ?? '').toLowerCase(),
    host: host.includes(DYNAMIC_PART) ? '' : host,
    dynamicHost: host.includes(DYNAMIC_PART) || host === '',
    path: match[3] ?? '',
  };
}

export interface QueryParameter {
  /** Decoded parameter name. */
  readonly name: string;
  /** Raw value text (may contain {@link DYNAMIC_PART}). */
  readonly value: string;
}

function decode(text: string): string {
  try {
    return decodeURIComponent(text.replace(/\+/gu, ' '));
  } catch {
    return text;
  }
}

const PAIR = /^[\w.%[\]-]+=/u;

/**
 * The parameters of `a=b&c=d` text. Returns undefined unless every `&`-separated piece is a
 * `name=value` pair (or a dynamic part standing for several), so that prose and code never pass
 * for a query.
 */
export function parseQueryText(text: string): QueryParameter[] | undefined {
  if (text === '') return [];
  const parameters: QueryParameter[] = [];
  for (const piece of text.split('&')) {
    if (piece === '' || piece === DYNAMIC_PART) continue;
    if (!PAIR.test(piece) || /\s/u.test(piece.replace(/\+/gu, ''))) return undefined;
    const index = piece.indexOf('=');
    parameters.push({ name: decode(piece.slice(0, index)), value: decode(piece.slice(index + 1)) });
  }
  return parameters;
}

export interface UrlQuery {
  /** Text before the `?` (may be empty or dynamic). */
  readonly base: string;
  readonly parameters: QueryParameter[];
}

/**
 * The query of a URL text (`https://h/p?x=1`, `${base}?x=${y}`, `/authorize?x=1`). The part before
 * `?` must look like a URL, a path or a dynamic part; the part after must be a well-formed query.
 */
export function parseUrlQuery(text: string): UrlQuery | undefined {
  const question = text.indexOf('?');
  if (question === -1) return undefined;
  const base = text.slice(0, question);
  if (/\s/u.test(base)) return undefined;
  if (!(ABSOLUTE_URL.test(base) || base.startsWith('/') || base.startsWith(DYNAMIC_PART) || base === '')) return undefined;
  const query = text.slice(question + 1).replace(/#.*$/su, '');
  const parameters = parseQueryText(query);
  return parameters ? { base, parameters } : undefined;
}

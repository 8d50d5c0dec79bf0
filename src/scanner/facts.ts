/**
 * Per-file facts for the whole-program checks, collected by a scanner-private ESLint rule in the
 * same traversal as the plugin's rules (one parse per file): imports, exported string values,
 * values read under a secret name from another module, secret env reads, client/server signals
 * and disable directives. Facts are plain data, so they cross worker-thread boundaries.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import * as ASTUtils from '@typescript-eslint/utils/ast-utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { BROWSER_GLOBALS, getPublicEnvPrefix, isPublicByDesignName } from '../catalogue/client-side.js';
import { formatEnvRead, getEnvRead } from '../catalogue/env.js';
import { lookupSink, slotsForArgument } from '../catalogue/index.js';
import { sinkTableFor, type UserSinkOption } from '../catalogue/user-sinks.js';
import { CREDENTIAL_KIND_LABELS, classifySecretName, type CredentialKind } from '../detectors/index.js';
import { findObjectProperty, getMemberPropertyName, getPropertyKeyName, resolveObject, resolveString, skipTypeWrappers } from '../util/ast.js';
import { resolveImportedName } from '../util/imports.js';

export interface Location {
  readonly line: number;
  /** 1-based. */
  readonly column: number;
}

export interface ImportFact extends Location {
  readonly specifier: string;
  /** `import type` / `export type … from`: erased at build time, never bundled. */
  readonly typeOnly: boolean;
}

/** `export { a as b } from './x'` → `{ exported: 'b', imported: 'a' }`; `export * from` → `*`/`*`. */
export interface ReExportFact extends Location {
  readonly specifier: string;
  readonly exported: string;
  readonly imported: string;
}

/** A string value reachable from an export: `export const kensium = { clientSecret: '…' }`. */
export interface ExportedStringFact extends Location {
  /** Export name then property names: `['kensium', 'clientSecret']`, `['default', 'secret']`. */
  readonly path: readonly string[];
  readonly value: string;
  /** `[start, end)` of the literal holding the value. */
  readonly range: readonly [number, number];
}

/** A value read from another module and used under a secret name here. */
export interface SlotUseFact extends Location {
  readonly specifier: string;
  /** Export name then property names, as in `ExportedStringFact.path`. */
  readonly path: readonly string[];
  /** The secret-looking name the value is used under (`clientSecret`, `password`), or the sink's label. */
  readonly slot: string;
  readonly kind: CredentialKind;
  /** What happens here, for traces: "read as `kensium.clientSecret`". */
  readonly description: string;
  /** For messages: "used as `clientSecret`", "passed to `discovery` (openid-client) as the client secret". */
  readonly phrase: string;
}

export interface EnvReadFact extends Location {
  readonly name: string;
  /** `process.env.KENSIUM_CLIENT_SECRET`, for messages. */
  readonly text: string;
  readonly kind: CredentialKind;
  readonly range: readonly [number, number];
  readonly endLine: number;
  readonly endColumn: number;
}

export interface DisableDirectiveFact {
  readonly type: 'disable' | 'enable' | 'disable-line' | 'disable-next-line';
  /** Rule ids named by the comment; empty means every rule. */
  readonly rules: readonly string[];
  readonly line: number;
}

export interface FileFacts {
  readonly directives: readonly string[];
  readonly imports: readonly ImportFact[];
  readonly reExports: readonly ReExportFact[];
  readonly exportedStrings: readonly ExportedStringFact[];
  readonly slotUses: readonly SlotUseFact[];
  readonly secretEnvReads: readonly EnvReadFact[];
  readonly publicEnvReads: readonly string[];
  readonly browserGlobals: readonly string[];
  readonly disableDirectives: readonly DisableDirectiveFact[];
}

const MAX_EXPORT_DEPTH = 4;
const MAX_VALUE_LENGTH = 4096;

function location(node: TSESTree.Node): Location {
  return { line: node.loc.start.line, column: node.loc.start.column + 1 };
}

function moduleName(node: TSESTree.Identifier | TSESTree.StringLiteral): string {
  return node.type === AST_NODE_TYPES.Identifier ? node.name : node.value;
}

interface ImportBinding {
  readonly specifier: string;
  /** `default`, `*` (namespace or CommonJS require), or the imported name. */
  readonly imported: string;
}

/** The import an identifier is bound to in this file, if any (ESM import or `require()`). */
function importBindingOf(identifier: TSESTree.Identifier, scope: TSESLint.Scope.Scope): ImportBinding | undefined {
  const variable = ASTUtils.findVariable(scope, identifier);
  const def = variable?.defs[0];
  if (!def) return undefined;
  if (def.type === 'ImportBinding') {
    const declaration = def.parent;
    if (declaration.type !== AST_NODE_TYPES.ImportDeclaration) return undefined;
    const specifier = declaration.source.value;
    const node = def.node;
    if (node.type === AST_NODE_TYPES.ImportDefaultSpecifier) return { specifier, imported: 'default' };
    if (node.type === AST_NODE_TYPES.ImportNamespaceSpecifier) return { specifier, imported: '*' };
    if (node.type === AST_NODE_TYPES.ImportSpecifier) return { specifier, imported: moduleName(node.imported) };
    return undefined;
  }
  if (def.type === 'Variable' && def.node.init) {
    const init = skipTypeWrappers(def.node.init);
    const required = requiredModule(init);
    if (required === undefined) return undefined;
    if (def.node.id.type === AST_NODE_TYPES.Identifier) return { specifier: required, imported: '*' };
    if (def.node.id.type === AST_NODE_TYPES.ObjectPattern) {
      for (const property of def.node.id.properties) {
        if (property.type === AST_NODE_TYPES.Property && property.value.type === AST_NODE_TYPES.Identifier && property.value.name === identifier.name) {
          const key = getPropertyKeyName(property);
          return key === undefined ? undefined : { specifier: required, imported: key };
        }
      }
    }
  }
  return undefined;
}

function requiredModule(node: TSESTree.Node): string | undefined {
  if (node.type !== AST_NODE_TYPES.CallExpression || node.callee.type !== AST_NODE_TYPES.Identifier || node.callee.name !== 'require') return undefined;
  const argument = node.arguments[0];
  return argument?.type === AST_NODE_TYPES.Literal && typeof argument.value === 'string' ? argument.value : undefined;
}

/** `a.b.c` → root `a` and `['b', 'c']`, when every step is a static name. */
function memberChain(node: TSESTree.Node): { root: TSESTree.Identifier; properties: string[] } | undefined {
  const current = skipTypeWrappers(node);
  if (current.type === AST_NODE_TYPES.Identifier) return { root: current, properties: [] };
  if (current.type === AST_NODE_TYPES.ChainExpression) return memberChain(current.expression);
  if (current.type === AST_NODE_TYPES.MemberExpression) {
    const name = getMemberPropertyName(current);
    const inner = name === undefined ? undefined : memberChain(current.object);
    return inner && name !== undefined ? { root: inner.root, properties: [...inner.properties, name] } : undefined;
  }
  return undefined;
}

function calleeText(node: TSESTree.CallExpression | TSESTree.NewExpression): string | undefined {
  const chain = memberChain(node.callee);
  return chain ? [chain.root.name, ...chain.properties].join('.') : undefined;
}

const DIRECTIVE_COMMENT = /^\s*eslint-(disable-next-line|disable-line|disable|enable)(?:\s+([^]*?))?(?:\s+--[^]*)?\s*$/u;

export function parseDisableDirective(comment: TSESTree.Comment): DisableDirectiveFact | undefined {
  const match = DIRECTIVE_COMMENT.exec(comment.value);
  if (!match) return undefined;
  const type = match[1] as DisableDirectiveFact['type'];
  if (type === 'disable-line' && comment.loc.start.line !== comment.loc.end.line) return undefined;
  const list = (match[2] ?? '').split('--')[0] ?? '';
  const rules = list
    .split(',')
    .map((rule) => rule.trim())
    .filter((rule) => rule !== '');
  return { type, rules, line: type === 'disable-line' || type === 'disable-next-line' ? comment.loc.end.line : comment.loc.start.line };
}

/** Creates the facts rule; every linted file's facts land in `sink` under its filename. */
export function createFactsRule(sink: Map<string, FileFacts>, userSinks?: readonly UserSinkOption[]): TSESLint.RuleModule<'none', []> {
  // The project's own SDK wrappers (the `sinks` config key) count as catalogued sinks.
  const sinkRows = sinkTableFor(userSinks).rows;
  return {
    defaultOptions: [],
    meta: { type: 'problem', messages: { none: 'none' }, schema: [] },
    create(context) {
      const { sourceCode } = context;
      const imports: ImportFact[] = [];
      const reExports: ReExportFact[] = [];
      const exportedStrings: ExportedStringFact[] = [];
      const slotUses: SlotUseFact[] = [];
      const secretEnvReads: EnvReadFact[] = [];
      const publicEnvReads: string[] = [];
      const seenEnvRanges = new Set<string>();

      function collectExported(path: readonly string[], node: TSESTree.Node, depth: number): void {
        if (depth > MAX_EXPORT_DEPTH) return;
        const scope = sourceCode.getScope(node);
        const resolved = resolveString(node, scope);
        if (resolved) {
          if (path.length > 0 && resolved.value.length > 0 && resolved.value.length <= MAX_VALUE_LENGTH) {
            exportedStrings.push({ path, value: resolved.value, range: [resolved.node.range[0], resolved.node.range[1]], ...location(resolved.node) });
          }
          return;
        }
        const object = resolveObject(node, scope);
        if (!object) return;
        for (const property of object.properties) {
          if (property.type !== AST_NODE_TYPES.Property || property.kind !== 'init' || property.method) continue;
          const key = getPropertyKeyName(property);
          if (key !== undefined) collectExported([...path, key], property.value, depth + 1);
        }
      }

      /** `export { local as exported }` of a binding: an import becomes a re-export, a value is collected. */
      function exportLocal(local: TSESTree.Identifier, exported: string, at: TSESTree.Node): void {
        const binding = importBindingOf(local, sourceCode.getScope(local));
        if (binding) {
          reExports.push({ specifier: binding.specifier, exported, imported: binding.imported, ...location(at) });
          return;
        }
        collectExported([exported], local, 0);
      }

      /**
       * Records that the value of `valueNode` (an imported binding or a member chain on one) is used
       * under `slot`. `properties` and `at` override the chain and the location (destructuring).
       */
      function recordSlotUse(
        valueNode: TSESTree.Node,
        slot: string,
        description: string,
        sink?: { kind: CredentialKind; phrase: string },
        properties?: readonly string[],
        at?: TSESTree.Node,
      ): void {
        const kind = sink?.kind ?? classifySecretName(slot)?.kind;
        if (!kind) return;
        const chain = memberChain(valueNode);
        if (!chain) return;
        const binding = importBindingOf(chain.root, sourceCode.getScope(at ?? chain.root));
        if (!binding) return;
        const read = properties ?? chain.properties;
        const path = binding.imported === '*' ? read : [binding.imported, ...read];
        if (path.length === 0) return;
        slotUses.push({ specifier: binding.specifier, path, slot, kind, description, phrase: sink?.phrase ?? `used as \`${slot}\``, ...location(at ?? skipTypeWrappers(valueNode)) });
      }

      /** Arguments of a catalogued sink call (`discovery(url, id, secret)`), whatever their names. */
      function recordSinkArguments(node: TSESTree.CallExpression | TSESTree.NewExpression): void {
        const callee = resolveImportedName(node.callee, sourceCode.getScope(node));
        if (!callee) return;
        const row = lookupSink(callee, node.type === AST_NODE_TYPES.NewExpression ? 'new' : 'call', sinkRows);
        if (!row) return;
        node.arguments.forEach((argument, index) => {
          for (const slot of slotsForArgument(row, index)) {
            let value: TSESTree.Node | undefined = argument;
            for (const key of slot.path ?? []) {
              const object: TSESTree.ObjectExpression | undefined = value ? resolveObject(value, sourceCode.getScope(node)) : undefined;
              value = object ? findObjectProperty(object, key)?.value : undefined;
            }
            if (!value) continue;
            const phrase = `passed to \`${row.label}\` (${callee.module}) as the ${CREDENTIAL_KIND_LABELS[slot.kind]}`;
            recordSlotUse(value, slot.path?.at(-1) ?? row.label, phrase, { kind: slot.kind, phrase });
          }
        });
      }

      function recordEnvRead(node: TSESTree.Node): void {
        const read = getEnvRead(node);
        if (!read) return;
        const key = `${node.range[0]}:${node.range[1]}`;
        if (seenEnvRanges.has(key)) return;
        seenEnvRanges.add(key);
        if (getPublicEnvPrefix(read.name)) {
          publicEnvReads.push(read.name);
          return;
        }
        const kind = classifySecretName(read.name)?.kind;
        // Browser keys that vendors publish by design (`FIREBASE_API_KEY`) may be bundled.
        if (!kind || kind === 'client-id' || isPublicByDesignName(read.name)) return;
        secretEnvReads.push({
          name: read.name,
          text: formatEnvRead(read),
          kind,
          range: [node.range[0], node.range[1]],
          endLine: node.loc.end.line,
          endColumn: node.loc.end.column + 1,
          ...location(node),
        });
      }

      return {
        ImportDeclaration(node) {
          imports.push({ specifier: node.source.value, typeOnly: node.importKind === 'type', ...location(node) });
        },
        ImportExpression(node) {
          const source = node.source;
          if (source.type === AST_NODE_TYPES.Literal && typeof source.value === 'string') imports.push({ specifier: source.value, typeOnly: false, ...location(node) });
        },
        CallExpression(node) {
          const required = requiredModule(node);
          if (required !== undefined) imports.push({ specifier: required, typeOnly: false, ...location(node) });
          recordEnvRead(node);
          recordSinkArguments(node);
        },
        NewExpression(node) {
          recordSinkArguments(node);
        },
        ExportAllDeclaration(node) {
          const typeOnly = node.exportKind === 'type';
          imports.push({ specifier: node.source.value, typeOnly, ...location(node) });
          if (!typeOnly) reExports.push({ specifier: node.source.value, exported: node.exported ? moduleName(node.exported) : '*', imported: '*', ...location(node) });
        },
        ExportNamedDeclaration(node) {
          if (node.source) {
            const typeOnly = node.exportKind === 'type';
            imports.push({ specifier: node.source.value, typeOnly, ...location(node) });
            if (typeOnly) return;
            for (const specifier of node.specifiers) {
              if (specifier.exportKind === 'type') continue;
              reExports.push({ specifier: node.source.value, exported: moduleName(specifier.exported), imported: moduleName(specifier.local), ...location(specifier) });
            }
            return;
          }
          const declaration = node.declaration;
          if (declaration?.type === AST_NODE_TYPES.VariableDeclaration) {
            for (const declarator of declaration.declarations) {
              if (declarator.id.type === AST_NODE_TYPES.Identifier && declarator.init) collectExported([declarator.id.name], declarator.init, 0);
            }
            return;
          }
          for (const specifier of node.specifiers) {
            if (specifier.exportKind === 'type' || specifier.local.type !== AST_NODE_TYPES.Identifier) continue;
            exportLocal(specifier.local, moduleName(specifier.exported), specifier);
          }
        },
        ExportDefaultDeclaration(node) {
          const declaration = node.declaration;
          if (declaration.type === AST_NODE_TYPES.Identifier) exportLocal(declaration, 'default', node);
          else collectExported(['default'], declaration, 0);
        },
        AssignmentExpression(node) {
          // CommonJS: `module.exports = {…}`, `module.exports.x = '…'`, `exports.x = '…'`.
          const target = memberChain(node.left);
          if (target) {
            const names = [target.root.name, ...target.properties];
            const exportPath =
              names[0] === 'module' && names[1] === 'exports' ? names.slice(2) : names[0] === 'exports' && !sourceCode.getScope(node).set.has('exports') ? names.slice(1) : undefined;
            if (exportPath) {
              if (exportPath.length === 0) {
                // `module.exports = {…}`: `require()` sees the object, `import x from` sees `default`.
                collectExported(['default'], node.right, 0);
                collectExported([], node.right, 0);
              }
              else {
                collectExported(exportPath, node.right, 0);
                collectExported(['default', ...exportPath], node.right, 0);
              }
            }
            const last = target.properties.at(-1) ?? (target.properties.length === 0 ? target.root.name : undefined);
            if (last !== undefined) recordSlotUse(node.right, last, `assigned to \`${names.join('.')}\``);
          }
        },
        Property(node) {
          recordEnvRead(node);
          if (node.parent.type !== AST_NODE_TYPES.ObjectExpression) return;
          const key = getPropertyKeyName(node);
          if (key !== undefined) recordSlotUse(node.value, key, `used as \`${key}\``);
        },
        VariableDeclarator(node) {
          if (node.id.type === AST_NODE_TYPES.Identifier && node.init) recordSlotUse(node.init, node.id.name, `assigned to \`${node.id.name}\``);
          // `const { clientSecret } = kensium`: each destructured secret name reads `kensium.clientSecret`.
          if (node.id.type === AST_NODE_TYPES.ObjectPattern && node.init) {
            const chain = memberChain(node.init);
            if (!chain) return;
            for (const property of node.id.properties) {
              if (property.type !== AST_NODE_TYPES.Property) continue;
              const key = getPropertyKeyName(property);
              if (key === undefined) continue;
              const target = property.value.type === AST_NODE_TYPES.AssignmentPattern ? property.value.left : property.value;
              const local = target.type === AST_NODE_TYPES.Identifier ? target.name : undefined;
              // `{ login: erpPassword }`: the local name says what the value is; `{ clientSecret: s }`: the key does.
              const slot = [local, key].find((name) => name !== undefined && classifySecretName(name) !== undefined);
              if (slot === undefined) continue;
              const read = [chain.root.name, ...chain.properties, key].join('.');
              recordSlotUse(node.init, slot, `destructured from \`${read}\` as \`${slot}\``, undefined, [...chain.properties, key], property);
            }
          }
        },
        MemberExpression(node) {
          recordEnvRead(node);
          // `kensium.clientSecret` read from an imported object, used as a value (not a further member access).
          const parent = node.parent;
          if (parent.type === AST_NODE_TYPES.MemberExpression && parent.object === node) return;
          if (parent.type === AST_NODE_TYPES.AssignmentExpression && parent.left === node) return;
          if (parent.type === AST_NODE_TYPES.Property || parent.type === AST_NODE_TYPES.VariableDeclarator) return;
          const name = getMemberPropertyName(node);
          if (name === undefined) return;
          const chain = memberChain(node);
          if (!chain) return;
          const callee =
            (parent.type === AST_NODE_TYPES.CallExpression || parent.type === AST_NODE_TYPES.NewExpression) && parent.arguments.includes(node as TSESTree.CallExpressionArgument)
              ? calleeText(parent)
              : undefined;
          const read = [chain.root.name, ...chain.properties].join('.');
          recordSlotUse(node, name, callee === undefined ? `read as \`${read}\`` : `passed to \`${callee}\` as \`${read}\``);
        },
        'Program:exit'(program: TSESTree.Program) {
          const directives: string[] = [];
          for (const statement of program.body) {
            if (statement.type !== AST_NODE_TYPES.ExpressionStatement || statement.directive === undefined) break;
            directives.push(statement.directive);
          }
          const browserGlobals = new Set<string>();
          for (const reference of sourceCode.scopeManager?.globalScope?.through ?? []) {
            if (BROWSER_GLOBALS.includes(reference.identifier.name)) browserGlobals.add(reference.identifier.name);
          }
          const disableDirectives: DisableDirectiveFact[] = [];
          for (const comment of sourceCode.getAllComments()) {
            const directive = parseDisableDirective(comment);
            if (directive) disableDirectives.push(directive);
          }
          sink.set(context.filename, {
            directives,
            imports,
            reExports,
            exportedStrings,
            slotUses,
            secretEnvReads,
            publicEnvReads,
            browserGlobals: [...browserGlobals],
            disableDirectives,
          });
        },
      };
    },
  };
}

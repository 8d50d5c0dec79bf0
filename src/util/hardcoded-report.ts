/**
 * What the three hard-coded-credential rules share beyond finding sites: their options, messages,
 * and the env-var replacement offered as a suggestion (or, with `fixToEnv`, as a fix).
 */
import type { JSONSchema, TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { CREDENTIAL_KIND_LABELS, DEFAULT_TEST_FILE_PATTERNS, isTestFile, maskSecret, type CredentialKind } from '../detectors/index.js';
import { envLookupText, envNamesUsedIn, envVarNameFor, isClientSideSource, requireEnvImportFix } from '../fix/index.js';
import { USER_SINKS_SCHEMA, type UserSinkOption } from '../catalogue/user-sinks.js';
import type { CredentialFinding } from './credential-sites.js';

export interface HardcodedRuleOptions {
  /** Globs of test files, where obvious dummies are allowed. */
  readonly testFilePatterns?: readonly string[];
  /** Prefix of derived env-var names (`APP` → `APP_KENSIUM_CLIENT_SECRET`). */
  readonly envPrefix?: string;
  /** A helper that reads a required env var and returns `string`; the fix imports it. */
  readonly requireEnv?: { readonly helperName?: string; readonly importPath: string };
  /** Apply the env-var replacement with `eslint --fix` instead of offering it as a suggestion. */
  readonly fixToEnv?: boolean;
  /** The project's own SDK wrappers that receive credentials, checked like catalogue sinks. */
  readonly sinks?: readonly UserSinkOption[];
}

export const HARDCODED_OPTION_PROPERTIES: Record<string, JSONSchema.JSONSchema4> = {
  testFilePatterns: {
    type: 'array',
    items: { type: 'string' },
    description: 'Globs of test files, where obvious dummy values are allowed (credential-shaped and known-format values are still reported).',
  },
  envPrefix: {
    type: 'string',
    pattern: '^[A-Za-z][A-Za-z0-9_]*$',
    description: 'Prefix put before derived environment-variable names, e.g. `APP` for `APP_KENSIUM_CLIENT_SECRET`. Provider conventions such as `AZURE_CLIENT_SECRET` are kept as they are.',
  },
  requireEnv: {
    type: 'object',
    properties: {
      helperName: { type: 'string', pattern: '^[A-Za-z_$][\\w$]*$', description: 'Name of the helper, `requireEnv` by default.' },
      importPath: { type: 'string', description: "Module the helper is imported from, as written in an import: `'./env.js'`." },
    },
    required: ['importPath'],
    additionalProperties: false,
    description: 'Replace with a call to a helper that throws when the variable is missing and returns `string`, and import it; without this option the replacement is `process.env.NAME`.',
  },
  fixToEnv: {
    type: 'boolean',
    description: 'Apply the env-var replacement as an `eslint --fix` fix instead of an editor suggestion (it changes where the value comes from at run time).',
  },
  sinks: USER_SINKS_SCHEMA,
};

export const HARDCODED_MESSAGES = {
  hardcoded: 'Hard-coded {{kind}} {{where}} ({{masked}}): {{reason}}. Read it from an environment variable or a secret store, and rotate it: it is in version control.',
  hardcodedWeak:
    'Hard-coded {{kind}} {{where}} ({{masked}}) is {{reason}}, a weak secret. Generate a long random value, read it from an environment variable or a secret store, and rotate it.',
  replaceWithEnv: 'Read it from the environment variable `{{name}}`.',
} as const;

export const CLIENT_ID_MESSAGES = {
  hardcodedClientId:
    'Hard-coded client id {{where}} ({{masked}}). Read it from configuration or an environment variable, like the client secret, so that each environment and tenant sets its own.',
  replaceWithEnv: HARDCODED_MESSAGES.replaceWithEnv,
} as const;

export type HardcodedMessageId = keyof typeof HARDCODED_MESSAGES;
export type ClientIdMessageId = keyof typeof CLIENT_ID_MESSAGES;

export const KNOWN_FORMAT_MESSAGE =
  'Hard-coded {{label}} ({{masked}}) in {{container}}. Remove it, read it from an environment variable or a secret store, and rotate it: it is in version control.';

/** A known token format found in a string or a comment. */
export interface KnownFormatFinding {
  readonly range: readonly [number, number];
  readonly label: string;
  readonly secret: string;
  /** The string literal holding it (absent for comments). */
  readonly node?: TSESTree.Node;
  /** Whether the token is all of `node`. */
  readonly wholeNode: boolean;
}

export interface HardcodedReportState {
  /** Whether the rule's `testFilePatterns` match the file (matched on first use). */
  isTestFile(): boolean;
  /** Report one finding of this rule. */
  report(finding: CredentialFinding): void;
  /** Report a known token format found outside any credential site (`knownFormat` message). */
  reportKnownFormat(finding: KnownFormatFinding): void;
}

const testFileCache = new Map<string, boolean>();

/** `isTestFile`, matched once per file and set of patterns: the three hard-coded rules ask for every file. */
function isTestFileCached(filename: string, patterns: readonly string[]): boolean {
  const key = `${patterns.join('\u0000')}\u0001${filename}`;
  let result = testFileCache.get(key);
  if (result === undefined) {
    result = isTestFile(filename, patterns);
    if (testFileCache.size > 256) testFileCache.clear();
    testFileCache.set(key, result);
  }
  return result;
}

/** The node an env fix replaces: the literal, or `'…' as const` around it. */
function replacementTarget(node: TSESTree.Node): TSESTree.Node {
  const parent = node.parent;
  if (
    parent?.type === AST_NODE_TYPES.TSAsExpression &&
    parent.typeAnnotation.type === AST_NODE_TYPES.TSTypeReference &&
    parent.typeAnnotation.typeName.type === AST_NODE_TYPES.Identifier &&
    parent.typeAnnotation.typeName.name === 'const'
  ) {
    return parent;
  }
  return node;
}

function canReplace(node: TSESTree.Node): boolean {
  if (node.type !== AST_NODE_TYPES.Literal && node.type !== AST_NODE_TYPES.TemplateLiteral && node.type !== AST_NODE_TYPES.BinaryExpression) return false;
  // An enum initialiser must be a constant; a `case` label or a type position cannot read the environment.
  const parent = node.parent;
  return parent?.type !== AST_NODE_TYPES.TSEnumMember && parent?.type !== AST_NODE_TYPES.TSLiteralType && parent?.type !== AST_NODE_TYPES.SwitchCase;
}

/**
 * Builds the reporter of one rule: messages with the masked value only, and the env-var
 * replacement (suggestion by default, fix with `fixToEnv`, none in client-side code).
 */
export function createHardcodedReporter<MessageIds extends string>(
  context: Readonly<TSESLint.RuleContext<MessageIds, readonly unknown[]>>,
  options: HardcodedRuleOptions,
): HardcodedReportState {
  const id = (messageId: HardcodedMessageId | ClientIdMessageId | 'knownFormat'): MessageIds => messageId as MessageIds;
  const { sourceCode } = context;
  let testFile: boolean | undefined;
  let taken: Set<string> | undefined;
  const namesBySecret = new Map<string, string>();
  let clientSide: boolean | undefined;

  function envNameFor(finding: { readonly secret: string; readonly site?: CredentialFinding['site'] }, kind: CredentialKind): string {
    const known = namesBySecret.get(finding.secret);
    if (known !== undefined) return known;
    taken ??= envNamesUsedIn(sourceCode.text);
    const name = envVarNameFor({
      kind,
      ...finding.site?.naming,
      fileName: context.filename,
      prefix: options.envPrefix,
      taken,
    });
    taken.add(name);
    namesBySecret.set(finding.secret, name);
    return name;
  }

  function buildFix(finding: Pick<CredentialFinding, 'secret' | 'wholeNode'> & { readonly node?: TSESTree.Node; readonly site?: CredentialFinding['site'] }, kind: CredentialKind): { name: string; fix: TSESLint.ReportFixFunction } | undefined {
    if (!finding.wholeNode || !finding.node || !canReplace(finding.node)) return undefined;
    clientSide ??= isClientSideSource(sourceCode.ast, context.filename);
    if (clientSide) return undefined;
    const name = envNameFor(finding, kind);
    const target = replacementTarget(finding.node);
    const helper = options.requireEnv;
    const lookup = envLookupText(name, helper ? { style: 'require-env', helperName: helper.helperName } : {});
    const text = target.parent?.type === AST_NODE_TYPES.JSXAttribute ? `{${lookup}}` : lookup;
    return {
      name,
      fix(fixer) {
        const fixes = [fixer.replaceText(target, text)];
        const importFix = helper ? requireEnvImportFix(fixer, sourceCode, helper) : undefined;
        if (importFix) fixes.unshift(importFix);
        return fixes;
      },
    };
  }

  return {
    isTestFile() {
      testFile ??= isTestFileCached(context.filename, options.testFilePatterns ?? DEFAULT_TEST_FILE_PATTERNS);
      return testFile;
    },
    report(finding) {
      const { site, classification } = finding;
      const weak = classification.kind === 'weak';
      const kind: CredentialKind = site.kind;
      const replacement = buildFix(finding, kind);
      const loc = { start: sourceCode.getLocFromIndex(finding.range[0]), end: sourceCode.getLocFromIndex(finding.range[1]) };
      context.report({
        loc,
        messageId: id(kind === 'client-id' ? 'hardcodedClientId' : weak ? 'hardcodedWeak' : 'hardcoded'),
        data: {
          kind: CREDENTIAL_KIND_LABELS[kind],
          where: site.where,
          masked: maskSecret(finding.secret),
          reason: classification.reason,
        },
        ...(replacement && options.fixToEnv === true ? { fix: replacement.fix } : {}),
        ...(replacement && options.fixToEnv !== true ? { suggest: [{ messageId: id('replaceWithEnv'), data: { name: replacement.name }, fix: replacement.fix }] } : {}),
      });
    },
    reportKnownFormat(finding) {
      const replacement = buildFix(finding, 'secret');
      const loc = { start: sourceCode.getLocFromIndex(finding.range[0]), end: sourceCode.getLocFromIndex(finding.range[1]) };
      context.report({
        loc,
        messageId: id('knownFormat'),
        data: { label: finding.label, masked: maskSecret(finding.secret), container: finding.node ? 'a string' : 'a comment' },
        ...(replacement && options.fixToEnv === true ? { fix: replacement.fix } : {}),
        ...(replacement && options.fixToEnv !== true ? { suggest: [{ messageId: id('replaceWithEnv'), data: { name: replacement.name }, fix: replacement.fix }] } : {}),
      });
    },
  };
}

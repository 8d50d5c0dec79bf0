import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import * as ASTUtils from '@typescript-eslint/utils/ast-utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { DEFAULT_CLIENT_GLOBS, isPublicByDesignName, isPublicSecretEnvName } from '../src/catalogue/client-side.js';
import { formatEnvRead, getEnvRead } from '../src/catalogue/env.js';
import { GRANT_TYPES } from '../src/catalogue/flows.js';
import { classifySecretValue, isTestFile, kindWithArticle, type CredentialKind } from '../src/detectors/index.js';
import { getMemberPropertyName, getPropertyKeyName, resolveString, skipTypeWrappers } from '../src/util/ast.js';
import { canonicalParameterName } from '../src/util/oauth-requests.js';
import { createRule } from '../src/util/create-rule.js';
import { secretNameKind } from '../src/util/credential-sites.js';
import { createModuleSideTracker, isInServerOnlyFunction } from '../src/util/module-side.js';
import { mayReport } from '../src/detectors/text-gates/no-secret-in-client-code.js';
import { RULE_DOCS } from '../src/rule-docs.js';

export type Options = [
  {
    clientFiles?: string[];
    serverFiles?: string[];
    checkBrowserGlobals?: boolean;
  },
];
export type MessageIds = 'publicSecretEnv' | 'secretEnvInClient' | 'clientSecretInClient' | 'clientCredentialsInClient' | 'nextConfigEnvSecret' | 'viteDefineSecret';

/** Modules whose public env exports are inlined into the client (SvelteKit). */
const PUBLIC_ENV_MODULES = new Set(['$env/static/public', '$env/dynamic/public']);

const CLIENT_CREDENTIALS = new Set<string>(GRANT_TYPES.clientCredentials);


/**
 * The label (with its article) of a credential an env var holds; client ids and browser keys that
 * are public by design (`FIREBASE_API_KEY`, `MAPBOX_ACCESS_TOKEN`, see `PUBLIC_BY_DESIGN_KEYS`) are not counted.
 */
function isServerSecretName(name: string): string | undefined {
  const kind = secretNameKind(name);
  if (kind === undefined || kind === 'client-id' || isPublicByDesignName(name)) return undefined;
  return kindWithArticle(kind);
}

/** Hooks whose arguments are initial form or component state, and whose array results hold state and its setters. */
const STATE_HOOKS = new Set(['useState', 'useReducer', 'useForm', 'useFormik', 'useRef', 'useImmer', 'useLocalStorage', 'useSessionStorage', 'useFormState', 'useActionState']);
/** Form-library calls that write or reset form values (react-hook-form, Formik, Ant Design, Mantine). */
const FORM_SETTERS = new Set(['setValue', 'setValues', 'setFieldValue', 'setFieldsValue', 'setFormData', 'reset', 'resetForm', 'resetFields', 'setInitialValues']);
/** Form-library calls that read what the user typed. */
const FORM_READERS = new Set(['getValues', 'watch', 'useWatch', 'getFieldValue', 'getFieldsValue', 'getInputProps']);
/** Object keys whose values are initial form values. */
const FORM_DEFAULT_KEYS = new Set(['defaultValues', 'initialValues', 'initialState', 'defaultState', 'initialFormState', 'defaults']);
/**
 * Keys of client metadata (RFC 7591) or a token response: an object with one describes a client or
 * a token, it is not a token request (`{ grantType: 'client_credentials', tokenEndpointAuthMethod: … }`).
 */
const METADATA_KEYS = new Set(['tokentype', 'tokenendpointauthmethod', 'granttypes', 'responsetypes', 'redirecturis']);
/** Roots of schema, validator and translation calls: `z.string()`, `yup.string().required()`, `t('settings.clientSecret')`. */
const LABEL_OR_SCHEMA_ROOTS = new Set(['z', 'zod', 'yup', 'Yup', 'Joi', 'joi', 'v', 'valibot', 'vine', 'Type', 'string', 't', 'i18n', 'i18next', 'intl', 'formatMessage', '$t']);
/** HTML input types: `{ clientId: 'text', clientSecret: 'password' }` maps fields to inputs. */
const INPUT_TYPES = new Set(['password', 'text', 'hidden', 'string']);

/** The name a callee ends in: `useState`, `React.useState`, `form.setValue` → `setValue`. */
function calleeName(callee: TSESTree.Node): string | undefined {
  const current = skipTypeWrappers(callee);
  if (current.type === AST_NODE_TYPES.Identifier) return current.name;
  if (current.type === AST_NODE_TYPES.MemberExpression) return getMemberPropertyName(current);
  return undefined;
}

/** The variable declarator that binds an identifier, when it is bound once by a declaration. */
function declaratorOf(node: TSESTree.Identifier, scope: TSESLint.Scope.Scope): TSESTree.VariableDeclarator | undefined {
  const variable = ASTUtils.findVariable(scope, node);
  const def = variable?.defs.length === 1 ? variable.defs[0] : undefined;
  return def?.type === 'Variable' ? def.node : undefined;
}

/**
 * Whether an identifier is bound by `const [state, setState] = useState(…)` (or another state hook):
 * `index` 0 for the state, 1 for its setter, undefined for either.
 */
function isHookStateBinding(node: TSESTree.Identifier, scope: TSESLint.Scope.Scope, index?: number): boolean {
  const declarator = declaratorOf(node, scope);
  if (declarator?.id.type !== AST_NODE_TYPES.ArrayPattern || declarator.init === null) return false;
  const init = skipTypeWrappers(declarator.init);
  if (init.type !== AST_NODE_TYPES.CallExpression || !STATE_HOOKS.has(calleeName(init.callee) ?? '')) return false;
  const position = declarator.id.elements.findIndex((element) => element?.type === AST_NODE_TYPES.Identifier && element.name === node.name);
  return position >= 0 && (index === undefined || position === index);
}

/** Whether a call sets up or writes form/component state: `useState({…})`, `setForm({…})`, `form.setValue(…)`. */
function isStateCall(call: TSESTree.CallExpression, scope: TSESLint.Scope.Scope): boolean {
  const name = calleeName(call.callee);
  if (name === undefined) return false;
  if (STATE_HOOKS.has(name) || FORM_SETTERS.has(name)) return true;
  const callee = skipTypeWrappers(call.callee);
  return callee.type === AST_NODE_TYPES.Identifier && isHookStateBinding(callee, scope, 1);
}

/**
 * Whether a value sits, through object and array literals only, in form or component state (a
 * state hook's initial value, a state setter's argument, `defaultValues: {…}`) or in a JSX
 * attribute (`<option value="client_credentials">`). A function boundary stops the walk: a
 * `fetch` inside an `onClick` handler is a request.
 */
function isInFormState(node: TSESTree.Node, scope: TSESLint.Scope.Scope): boolean {
  let current: TSESTree.Node = node;
  for (let parent = current.parent; parent; current = parent, parent = parent.parent) {
    switch (parent.type) {
      case AST_NODE_TYPES.Property:
        if (parent.value !== current) return false;
        if (FORM_DEFAULT_KEYS.has(getPropertyKeyName(parent) ?? '')) return true;
        continue;
      case AST_NODE_TYPES.ObjectExpression:
      case AST_NODE_TYPES.ArrayExpression:
      case AST_NODE_TYPES.SpreadElement:
      case AST_NODE_TYPES.ConditionalExpression:
      case AST_NODE_TYPES.LogicalExpression:
      case AST_NODE_TYPES.TSAsExpression:
      case AST_NODE_TYPES.TSSatisfiesExpression:
      case AST_NODE_TYPES.TSNonNullExpression:
        continue;
      // `<option value="client_credentials">`, `value={'client_credentials'}`; not a prop object (`body={{ … }}`).
      case AST_NODE_TYPES.JSXAttribute:
        return true;
      case AST_NODE_TYPES.JSXExpressionContainer:
        return current === node && parent.parent.type === AST_NODE_TYPES.JSXAttribute;
      case AST_NODE_TYPES.CallExpression:
        return parent.arguments.includes(current as TSESTree.CallExpressionArgument) && isStateCall(parent, scope);
      default:
        return false;
    }
  }
  return false;
}

/** Whether an object literal has a key of client metadata or of a token response (`METADATA_KEYS`). */
function isMetadataObject(object: TSESTree.Node | undefined): boolean {
  return (
    object?.type === AST_NODE_TYPES.ObjectExpression &&
    object.properties.some((property) => property.type === AST_NODE_TYPES.Property && METADATA_KEYS.has(canonicalParameterName(getPropertyKeyName(property) ?? '')))
  );
}

/** Whether a function parameter holds submitted form values: `handleSubmit((values) => …)`, `onSubmit={(data) => …}`, `useFormik({ onSubmit: (values) => … })`. */
function isSubmittedValues(node: TSESTree.Identifier, scope: TSESLint.Scope.Scope): boolean {
  const variable = ASTUtils.findVariable(scope, node);
  const def = variable?.defs.length === 1 ? variable.defs[0] : undefined;
  if (def?.type !== 'Parameter') return false;
  const fn = def.node;
  const holder = fn.parent;
  if (holder?.type === AST_NODE_TYPES.CallExpression) return /^(?:handleSubmit|onSubmit|onFinish)$/u.test(calleeName(holder.callee) ?? '');
  if (holder?.type === AST_NODE_TYPES.Property) return /^(?:onSubmit|onFinish)$/u.test(getPropertyKeyName(holder) ?? '');
  if (holder?.type === AST_NODE_TYPES.JSXExpressionContainer && holder.parent.type === AST_NODE_TYPES.JSXAttribute) {
    return /^(?:onSubmit|onFinish)$/u.test(holder.parent.name.type === AST_NODE_TYPES.JSXIdentifier ? holder.parent.name.name : '');
  }
  return false;
}

/**
 * Whether a value comes from what the user typed: an input's value (`e.target.value`,
 * `inputRef.current.value`), `FormData` (`formData.get('client_secret')`), form-library reads
 * (`getValues('clientSecret')`), component state (`form.clientSecret` of `useState`) or submitted
 * values (`handleSubmit((values) => … values.clientSecret)`).
 */
function isUserInput(value: TSESTree.Node, scope: TSESLint.Scope.Scope): boolean {
  const current = skipWrappersAndChains(value);
  if (current.type === AST_NODE_TYPES.CallExpression) {
    const name = calleeName(current.callee);
    if (FORM_READERS.has(name ?? '')) return true;
    const callee = skipWrappersAndChains(current.callee);
    if ((name === 'get' || name === 'getAll') && callee.type === AST_NODE_TYPES.MemberExpression) return isFormData(callee.object, scope);
    return false;
  }
  if (current.type === AST_NODE_TYPES.Identifier) return isHookStateBinding(current, scope, 0);
  if (current.type !== AST_NODE_TYPES.MemberExpression) return false;
  // `e.target.value`, `event.currentTarget.elements.secret.value`, `ref.current.value`.
  if (getMemberPropertyName(current) === 'value') {
    for (let object = skipWrappersAndChains(current.object); object.type === AST_NODE_TYPES.MemberExpression; object = skipWrappersAndChains(object.object)) {
      const name = getMemberPropertyName(object);
      if (name === 'target' || name === 'currentTarget' || name === 'current' || name === 'elements') return true;
    }
  }
  let root = skipWrappersAndChains(current.object);
  while (root.type === AST_NODE_TYPES.MemberExpression) root = skipWrappersAndChains(root.object);
  return root.type === AST_NODE_TYPES.Identifier && (isHookStateBinding(root, scope, 0) || isSubmittedValues(root, scope));
}

/** Whether an expression is a `FormData`: `new FormData(form)`, or a constant bound to one. */
function isFormData(node: TSESTree.Node, scope: TSESLint.Scope.Scope): boolean {
  const current = skipWrappersAndChains(node);
  const isNew = (candidate: TSESTree.Node | null | undefined): boolean =>
    candidate?.type === AST_NODE_TYPES.NewExpression && candidate.callee.type === AST_NODE_TYPES.Identifier && candidate.callee.name === 'FormData';
  if (isNew(current)) return true;
  if (current.type !== AST_NODE_TYPES.Identifier) return false;
  const declarator = declaratorOf(current, scope);
  return declarator ? isNew(declarator.init && skipTypeWrappers(declarator.init)) : false;
}

/**
 * Whether a client-secret property holds no secret: `undefined`, `null`, `''`, a placeholder
 * (`'YOUR_CLIENT_SECRET'`, `'xxxx'`), a label (`'Client secret'`, `t('fields.clientSecret')`), an
 * input type (`'password'`), a field definition (`clientSecret: { label, type: 'password' }`,
 * `clientSecret: z.string().min(1)`, `clientSecret: <PasswordInput />`).
 */
function holdsNoSecret(value: TSESTree.Node, scope: TSESLint.Scope.Scope, name: string): boolean {
  const current = skipTypeWrappers(value);
  if (current.type === AST_NODE_TYPES.Identifier && current.name === 'undefined') return true;
  if (current.type === AST_NODE_TYPES.Literal && current.value === null) return true;
  if (current.type === AST_NODE_TYPES.ObjectExpression || current.type === AST_NODE_TYPES.ArrayExpression) return true;
  if (current.type === AST_NODE_TYPES.JSXElement || current.type === AST_NODE_TYPES.JSXFragment) return true;
  if (current.type === AST_NODE_TYPES.CallExpression) {
    let root: TSESTree.Node = current;
    while (root.type === AST_NODE_TYPES.CallExpression || root.type === AST_NODE_TYPES.MemberExpression) {
      root = skipWrappersAndChains(root.type === AST_NODE_TYPES.CallExpression ? root.callee : root.object);
    }
    if (root.type === AST_NODE_TYPES.Identifier && LABEL_OR_SCHEMA_ROOTS.has(root.name)) return true;
  }
  const resolved = resolveString(current, scope);
  if (!resolved) return false;
  const text = resolved.value.trim();
  // A secret has no spaces; a label or a sentence has.
  if (/\s/u.test(text) || INPUT_TYPES.has(text.toLowerCase())) return true;
  // Only values that hold no secret at all: a short word (`'pos-web-secret'`) is a weak secret, still in the bundle.
  const kind = classifySecretValue(resolved.value, { name }).kind;
  return kind === 'empty' || kind === 'placeholder' || kind === 'reference';
}

/** `grant_type: 'client_credentials'`, `'grant_type=client_credentials'`, `params.set('grant_type', 'client_credentials')`. */
function isClientCredentialsGrant(node: TSESTree.Literal | TSESTree.TemplateElement): boolean {
  const value = node.type === AST_NODE_TYPES.Literal ? node.value : node.value.cooked;
  if (typeof value !== 'string' || !value.includes('client_credentials')) return false;
  if (CLIENT_CREDENTIALS.has(value)) {
    const parent = node.parent;
    // Comparisons, `case` labels and type positions read a grant type; they do not request one.
    if (parent?.type === AST_NODE_TYPES.BinaryExpression || parent?.type === AST_NODE_TYPES.SwitchCase || parent?.type === AST_NODE_TYPES.TSLiteralType) return false;
    if (parent?.type === AST_NODE_TYPES.Property && parent.key === node) return false;
    if (parent?.type === AST_NODE_TYPES.CallExpression && parent.callee.type === AST_NODE_TYPES.MemberExpression) {
      const method = getMemberPropertyName(parent.callee);
      if (method === 'includes' || method === 'indexOf' || method === 'has') return false;
    }
    return true;
  }
  return /(?:^|[?&\s])grant_type=client_credentials(?:$|&)/u.test(value);
}

/** Unwraps type wrappers and optional chains: `(process?.env as Env)` → the member expression. */
function skipWrappersAndChains(node: TSESTree.Node): TSESTree.Node {
  let current = skipTypeWrappers(node);
  while (current.type === AST_NODE_TYPES.ChainExpression) current = skipTypeWrappers(current.expression);
  return current;
}

/**
 * Cheap test before `getEnvRead`, which builds the member path of every object: each env object
 * it knows ends in `.env` (`process.env`, `globalThis.process.env`, `import.meta.env`, `Bun.env`),
 * and its only getter is `Deno.env.get`.
 */
function mayReadEnv(node: TSESTree.MemberExpression | TSESTree.CallExpression): boolean {
  if (node.type === AST_NODE_TYPES.MemberExpression) {
    const object = skipWrappersAndChains(node.object);
    return object.type === AST_NODE_TYPES.MemberExpression && getMemberPropertyName(object) === 'env';
  }
  const callee = skipWrappersAndChains(node.callee);
  return callee.type === AST_NODE_TYPES.MemberExpression && getMemberPropertyName(callee) === 'get';
}

/**
 * Whether a property value sets a secret here (a literal, an env read, a constant bound to either)
 * rather than passing on a configured one (`client_secret: settings.client_secret`, a parameter).
 */
function isSetHere(value: TSESTree.Node, scope: TSESLint.Scope.Scope): boolean {
  const current = skipTypeWrappers(value);
  if (resolveString(current, scope) || getEnvRead(current)) return true;
  if (current.type !== AST_NODE_TYPES.Identifier) return false;
  const variable = ASTUtils.findVariable(scope, current);
  const def = variable?.defs.length === 1 ? variable.defs[0] : undefined;
  return def?.type === 'Variable' && def.node.init !== null && getEnvRead(def.node.init) !== undefined;
}

/** Whether a property sits directly in the `env: { … }` object of a Next.js config. */
function isInNextConfigEnv(node: TSESTree.Property): boolean {
  const object = node.parent;
  const holder = object.type === AST_NODE_TYPES.ObjectExpression ? object.parent : undefined;
  return holder?.type === AST_NODE_TYPES.Property && getPropertyKeyName(holder) === 'env';
}

/** `define: { … }` of a Vite config: the object a property sits in. */
function isInViteDefine(node: TSESTree.Property): boolean {
  const object = node.parent;
  const holder = object.type === AST_NODE_TYPES.ObjectExpression ? object.parent : undefined;
  return holder?.type === AST_NODE_TYPES.Property && getPropertyKeyName(holder) === 'define';
}

/**
 * The env var a Vite `define` value reads: `JSON.stringify(process.env.X)`, `process.env.X`, or
 * `env.X` of `const env = loadEnv(mode, …)`.
 */
function viteDefineEnvName(value: TSESTree.Node, scope: TSESLint.Scope.Scope): string | undefined {
  let current = skipTypeWrappers(value);
  if (current.type === AST_NODE_TYPES.CallExpression && current.callee.type === AST_NODE_TYPES.MemberExpression && getMemberPropertyName(current.callee) === 'stringify' && current.arguments[0]) {
    current = skipTypeWrappers(current.arguments[0]);
  }
  const read = getEnvRead(current);
  if (read) return read.name;
  if (current.type !== AST_NODE_TYPES.MemberExpression || current.object.type !== AST_NODE_TYPES.Identifier) return undefined;
  const variable = ASTUtils.findVariable(scope, current.object);
  const def = variable?.defs[0];
  const init = def?.type === 'Variable' ? def.node.init : undefined;
  const loaded = init && skipTypeWrappers(init);
  const fromLoadEnv =
    loaded?.type === AST_NODE_TYPES.CallExpression && loaded.callee.type === AST_NODE_TYPES.Identifier && loaded.callee.name === 'loadEnv';
  return fromLoadEnv ? getMemberPropertyName(current) : undefined;
}

export default createRule<Options, MessageIds>({
  name: 'no-secret-in-client-code',
  meta: {
    type: 'problem',
    docs: RULE_DOCS['no-secret-in-client-code'],
    messages: {
      publicSecretEnv:
        '{{env}} is {{kind}} behind the {{framework}} public prefix `{{prefix}}`: the build inlines it into the JavaScript every visitor downloads. Rename it without the prefix and use it only on the server.',
      secretEnvInClient:
        '{{env}} reads {{kind}} in browser code ({{reason}}): it is either inlined into the bundle or undefined. Move the call that needs it to a server route and call that route from the client.',
      clientSecretInClient:
        '`{{name}}` sets a client secret in browser code ({{reason}}); anything in the bundle is readable by every user. Use a public client with authorization code + PKCE, or a backend that holds the secret.',
      nextConfigEnvSecret:
        '`{{name}}` in the `env` of next.config is {{kind}}: Next.js inlines every value there into the JavaScript bundle. Read it with process.env in server code instead.',
      viteDefineSecret:
        '`{{name}}` in the `define` of the Vite config puts {{kind}} (`{{env}}`) into the JavaScript bundle: Vite replaces `{{name}}` with the value in client code. Keep the secret on a server and call it from the browser.',
      clientCredentialsInClient:
        'The client-credentials grant runs in browser code ({{reason}}); it is only for confidential clients on a trusted server (OAuth 2.1 §4.2). Request the token from a server route.',
    },
    schema: [
      {
        type: 'object',
        additionalProperties: false,
        properties: {
          clientFiles: {
            type: 'array',
            items: { type: 'string' },
            description: 'Globs of files that always run in the browser; replaces the defaults (`src/client/**`, `app/**/page.tsx`, `*.client.*`…).',
          },
          serverFiles: {
            type: 'array',
            items: { type: 'string' },
            description: 'Globs of files that only run on a server, in addition to API routes, `*.server.*` and `server/**`.',
          },
          checkBrowserGlobals: {
            type: 'boolean',
            description: 'Treat a file that uses `window`, `document`, `localStorage`… or reads a public env var as browser code.',
          },
        },
      },
    ],
    defaultOptions: [{ clientFiles: [...DEFAULT_CLIENT_GLOBS], serverFiles: [], checkBrowserGlobals: true }],
  },
  defaultOptions: [{ clientFiles: [...DEFAULT_CLIENT_GLOBS], serverFiles: [], checkBrowserGlobals: true }],
  create(context, [options]) {
    // Nothing to report in a file whose text the rule's gate rules out (the scanner skips its parse too).
    if (!mayReport(context.sourceCode.text, { filename: context.filename, options })) return {};
    const tracker = createModuleSideTracker(context, {
      clientFiles: options.clientFiles ?? DEFAULT_CLIENT_GLOBS,
      serverFiles: options.serverFiles ?? [],
    });
    const nextConfig = /(?:^|[\\/])next\.config\.[cm]?[jt]s$/u.test(context.filename);
    const viteConfig = /(?:^|[\\/])vite\.config\.[cm]?[jt]s$/u.test(context.filename);
    /**
     * Reports that only hold in browser code, decided when the whole file has been seen. `strongOnly`
     * reports need a strong client signal (a directive, a browser-only import, a client glob):
     * forwarding a configured secret (`client_secret: settings.client_secret`) and sending the
     * client-credentials grant are what isomorphic OAuth libraries do for their server users, and
     * those libraries touch `window` too.
     */
    const clientOnly: { strongOnly: boolean; report: (reason: string) => void }[] = [];

    function checkEnvRead(node: TSESTree.Node): void {
      const read = getEnvRead(node);
      if (!read) return;
      // `process.env.X = …` and `delete process.env.X` (test set-up) write the environment; they read nothing.
      const parent = node.parent;
      if (parent?.type === AST_NODE_TYPES.AssignmentExpression && parent.left === node) return;
      if (parent?.type === AST_NODE_TYPES.UnaryExpression && parent.operator === 'delete') return;
      const publicSecret = isPublicSecretEnvName(read.name);
      if (publicSecret) {
        context.report({
          node,
          messageId: 'publicSecretEnv',
          data: { env: formatEnvRead(read), kind: kindWithArticle(publicSecret.kind), framework: publicSecret.prefix.framework, prefix: publicSecret.prefix.prefix },
        });
        return;
      }
      const kind = isServerSecretName(read.name);
      if (!kind || isInServerOnlyFunction(node)) return;
      clientOnly.push({ strongOnly: false, report: (reason) => context.report({ node, messageId: 'secretEnvInClient', data: { env: formatEnvRead(read), kind, reason } }) });
    }

    /**
     * A grant value that picks an option rather than sending a request: the initial value or a
     * setter argument of form state (`useState({ grantType: 'client_credentials', … })`), a JSX
     * attribute (`<option value="client_credentials">`), a field of client metadata.
     */
    function isFormOrMetadataGrant(node: TSESTree.Node): boolean {
      const parent = node.parent;
      if (parent?.type === AST_NODE_TYPES.Property && parent.value === node && isMetadataObject(parent.parent)) return true;
      return isInFormState(node, context.sourceCode.getScope(node));
    }

    return {
      MemberExpression(node) {
        if (!mayReadEnv(node)) return;
        tracker.noteEnvRead(node);
        checkEnvRead(node);
      },
      CallExpression(node) {
        if (mayReadEnv(node)) checkEnvRead(node);
      },
      Property(node) {
        if (node.parent.type === AST_NODE_TYPES.ObjectPattern) {
          checkEnvRead(node);
          return;
        }
        const name = getPropertyKeyName(node);
        if (nextConfig && name !== undefined && isInNextConfigEnv(node)) {
          const kind = isServerSecretName(name);
          if (kind) context.report({ node: node.key, messageId: 'nextConfigEnvSecret', data: { name, kind } });
          return;
        }
        if (viteConfig && name !== undefined && isInViteDefine(node)) {
          const envName = viteDefineEnvName(node.value, context.sourceCode.getScope(node));
          const kind = envName === undefined ? undefined : isServerSecretName(envName);
          if (kind && envName !== undefined) context.report({ node: node.key, messageId: 'viteDefineSecret', data: { name, kind, env: envName } });
          return;
        }
        if (name === undefined || secretNameKind(name) !== 'client-secret') return;
        // `clientSecret: ''`, a placeholder, a label or a field definition set nothing.
        const value = node.value;
        const scope = context.sourceCode.getScope(node);
        if (holdsNoSecret(value, scope, name) || isInServerOnlyFunction(node)) return;
        const forwarded = !isSetHere(value, scope);
        // What the user typed into a settings form is not in the bundle: `clientSecret: e.target.value`,
        // `setForm({ ...form, clientSecret: value })`, `client_secret: formData.get('client_secret')`.
        if (forwarded && (isUserInput(value, scope) || isInFormState(node.parent, scope))) return;
        clientOnly.push({ strongOnly: forwarded, report: (reason) => context.report({ node: node.key, messageId: 'clientSecretInClient', data: { name, reason } }) });
      },
      ImportDeclaration(node) {
        if (!PUBLIC_ENV_MODULES.has(node.source.value)) return;
        for (const specifier of node.specifiers) {
          if (specifier.type !== AST_NODE_TYPES.ImportSpecifier) continue;
          const name = specifier.imported.type === AST_NODE_TYPES.Identifier ? specifier.imported.name : specifier.imported.value;
          const publicSecret = isPublicSecretEnvName(name);
          if (!publicSecret) continue;
          context.report({
            node: specifier,
            messageId: 'publicSecretEnv',
            data: { env: `${name} from '${node.source.value}'`, kind: kindWithArticle(publicSecret.kind), framework: publicSecret.prefix.framework, prefix: publicSecret.prefix.prefix },
          });
        }
      },
      Literal(node) {
        if (!isClientCredentialsGrant(node) || isInServerOnlyFunction(node) || isFormOrMetadataGrant(node)) return;
        clientOnly.push({ strongOnly: true, report: (reason) => context.report({ node, messageId: 'clientCredentialsInClient', data: { reason } }) });
      },
      TemplateElement(node) {
        if (!isClientCredentialsGrant(node) || isInServerOnlyFunction(node) || isFormOrMetadataGrant(node.parent)) return;
        clientOnly.push({ strongOnly: true, report: (reason) => context.report({ node: node.parent, messageId: 'clientCredentialsInClient', data: { reason } }) });
      },
      'Program:exit'() {
        // Tests run in jsdom or a browser runner but never ship in a bundle.
        if (clientOnly.length === 0 || isTestFile(context.filename)) return;
        const side = tracker.side();
        if (side.side !== 'client') return;
        if (side.strength === 'medium' && options.checkBrowserGlobals === false) return;
        for (const entry of clientOnly) {
          if (!entry.strongOnly || side.strength === 'strong') entry.report(side.reason);
        }
      },
    };
  },
});

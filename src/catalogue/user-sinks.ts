/**
 * User-declared sinks: a project's own SDK wrappers (`new KensiumClient({ secret })` from
 * `@acme/kensium-sdk`, `createErpSession(url, user, password)`) declared in the `sinks` option of
 * the hard-coded-credential rules or in the scanner's config file. They are validated here,
 * converted into catalogue rows and merged with the built-in rows into a `SinkTable`, cached per
 * declaration so that no lookup re-merges anything.
 */
import type { JSONSchema } from '@typescript-eslint/utils';
import { CREDENTIAL_KIND_LABELS, type CredentialKind } from '../detectors/index.js';
import { moduleMatches } from '../util/module-names.js';
import { HTTP_CLIENT_ROWS, isCatalogueModule, SINK_ROWS } from './index.js';
import type { SinkInvocation, SinkRow, SinkSlot } from './types.js';

/** One slot of a user sink, as written in the option. */
export interface UserSinkSlotOption {
  /** Zero-based argument index. */
  readonly arg: number;
  /** Dotted property path inside that argument (`auth.clientSecret`); absent for the argument itself. */
  readonly property?: string;
  readonly kind: CredentialKind;
  /** `string`: the slot applies only when the argument is a string. */
  readonly when?: 'string';
  /** The environment variable the SDK reads by convention (`KENSIUM_CLIENT_SECRET`). */
  readonly envName?: string;
}

/** One user sink, as written in the option. */
export interface UserSinkOption {
  /** Module specifier(s) as written in imports; subpaths match too. */
  readonly module: string | readonly string[];
  /** Dotted export path (`KensiumClient`, `erp.connect`); `''` for the module itself or its default export. */
  readonly export: string;
  /**
   * A method of an instance of the export (`login` of `erp.login(…)` after `const erp = new
   * ErpClient(url)`): the sink is then that method, and `call` says how the method is invoked.
   */
  readonly method?: string;
  /** `call` (default), `new`, or `either`. */
  readonly call?: 'call' | 'new' | 'either';
  readonly slots: readonly UserSinkSlotOption[];
}

export const CREDENTIAL_KINDS = Object.keys(CREDENTIAL_KIND_LABELS) as CredentialKind[];

const IDENTIFIER = '[A-Za-z_$][\\w$]*';
const EXPORT_PATTERN = `^(?:${IDENTIFIER}(?:\\.${IDENTIFIER})*)?$`;
const PROPERTY_PATTERN = `^[^.\\s]+(?:\\.[^.\\s]+)*$`;
const ENV_NAME_PATTERN = '^(?:[A-Za-z_][A-Za-z0-9_]*|\\{module\\})+$';
const MAX_ARG = 32;

/** JSON schema of the `sinks` option (shared by the three hard-coded-credential rules). */
export const USER_SINKS_SCHEMA: JSONSchema.JSONSchema4 = {
  type: 'array',
  description:
    "Your own SDK wrappers that receive credentials, checked like the built-in library sinks: a literal at a declared slot is reported (even a weak one), a placeholder or an environment read is not. Set the same list on the three hard-coded-credential rules.",
  items: {
    type: 'object',
    properties: {
      module: {
        description: "Module specifier as written in the import (`'@acme/kensium-sdk'`), or several; subpaths (`'@acme/kensium-sdk/v2'`) match too.",
        oneOf: [
          { type: 'string', minLength: 1 },
          { type: 'array', items: { type: 'string', minLength: 1 }, minItems: 1 },
        ],
      },
      export: {
        type: 'string',
        pattern: EXPORT_PATTERN,
        description: "Dotted export path below the module (`'KensiumClient'`, `'erp.connect'`); `''` for the module itself or its default export.",
      },
      method: {
        type: 'string',
        pattern: `^${IDENTIFIER}$`,
        description: "A method of an instance of the export (`'login'` for `erp.login(user, password)` after `const erp = new ErpClient(url)`): the method is then the sink.",
      },
      call: {
        type: 'string',
        enum: ['call', 'new', 'either'],
        description: '`call` for `createErpSession(…)` (default), `new` for `new KensiumClient(…)`, `either` for both.',
      },
      slots: {
        type: 'array',
        minItems: 1,
        description: 'Where the credentials go in the call.',
        items: {
          type: 'object',
          properties: {
            arg: { type: 'integer', minimum: 0, maximum: MAX_ARG, description: 'Zero-based argument index.' },
            property: { type: 'string', pattern: PROPERTY_PATTERN, description: "Dotted property path inside that argument (`'auth.clientSecret'`); omit it when the argument itself is the credential." },
            kind: { type: 'string', enum: CREDENTIAL_KINDS, description: 'What the slot holds; it decides which rule reports it (`client-secret`, `client-id`, or another kind for `no-hardcoded-credentials`).' },
            when: { type: 'string', enum: ['string'], description: "`'string'`: the slot applies only when the argument is a string (an overload that also takes an options object)." },
            envName: { type: 'string', pattern: ENV_NAME_PATTERN, description: 'Environment variable the replacement reads (`KENSIUM_CLIENT_SECRET`); `{module}` stands for the last segment of the module in SCREAMING_SNAKE.' },
          },
          required: ['arg', 'kind'],
          additionalProperties: false,
        },
      },
    },
    required: ['module', 'export', 'slots'],
    additionalProperties: false,
  },
};

function describe(value: unknown): string {
  return JSON.stringify(value)?.slice(0, 60) ?? String(value);
}

/**
 * Checks a `sinks` value the way the JSON schema does, for input that does not go through ESLint
 * (the scanner's config file). Returns a problem ("item 0, slot 1: kind must be one of …") or
 * `undefined` when valid.
 */
export function validateUserSinks(value: unknown): string | undefined {
  if (!Array.isArray(value)) return 'must be an array of sink declarations';
  const exportPattern = new RegExp(EXPORT_PATTERN, 'u');
  const propertyPattern = new RegExp(PROPERTY_PATTERN, 'u');
  const envPattern = new RegExp(ENV_NAME_PATTERN, 'u');
  for (const [index, sink] of value.entries()) {
    const at = `item ${index}:`;
    if (typeof sink !== 'object' || sink === null || Array.isArray(sink)) return `${at} must be an object with module, export and slots`;
    const record = sink as Record<string, unknown>;
    for (const key of Object.keys(record)) if (!['module', 'export', 'method', 'call', 'slots'].includes(key)) return `${at} has an unknown key "${key.slice(0, 40)}" (known: module, export, method, call, slots)`;
    const modules = typeof record.module === 'string' ? [record.module] : record.module;
    if (!Array.isArray(modules) || modules.length === 0 || !modules.every((module) => typeof module === 'string' && module !== '')) return `${at} module must be a module name or a non-empty array of module names`;
    if (typeof record.export !== 'string' || !exportPattern.test(record.export)) return `${at} export must be a dotted export path such as "KensiumClient" or "erp.connect", or "" for the module itself (got ${describe(record.export)})`;
    if (record.method !== undefined && (typeof record.method !== 'string' || !new RegExp(`^${IDENTIFIER}$`, 'u').test(record.method))) return `${at} method must be a method name such as "login"`;
    if (record.call !== undefined && record.call !== 'call' && record.call !== 'new' && record.call !== 'either') return `${at} call must be "call", "new" or "either"`;
    if (!Array.isArray(record.slots) || record.slots.length === 0) return `${at} slots must be a non-empty array`;
    for (const [slotIndex, slot] of (record.slots as unknown[]).entries()) {
      const slotAt = `item ${index}, slot ${slotIndex}:`;
      if (typeof slot !== 'object' || slot === null || Array.isArray(slot)) return `${slotAt} must be an object with arg and kind`;
      const fields = slot as Record<string, unknown>;
      for (const key of Object.keys(fields)) if (!['arg', 'property', 'kind', 'when', 'envName'].includes(key)) return `${slotAt} has an unknown key "${key.slice(0, 40)}" (known: arg, property, kind, when, envName)`;
      if (typeof fields.arg !== 'number' || !Number.isInteger(fields.arg) || fields.arg < 0 || fields.arg > MAX_ARG) return `${slotAt} arg must be a whole number from 0 to ${MAX_ARG}`;
      if (typeof fields.kind !== 'string' || !(CREDENTIAL_KINDS as string[]).includes(fields.kind)) return `${slotAt} kind must be one of ${CREDENTIAL_KINDS.map((kind) => `"${kind}"`).join(', ')}`;
      if (fields.property !== undefined && (typeof fields.property !== 'string' || !propertyPattern.test(fields.property))) return `${slotAt} property must be a dotted property path such as "auth.clientSecret"`;
      if (fields.when !== undefined && fields.when !== 'string') return `${slotAt} when must be "string"`;
      if (fields.envName !== undefined && (typeof fields.envName !== 'string' || !envPattern.test(fields.envName))) return `${slotAt} envName must be an environment variable name such as "KENSIUM_CLIENT_SECRET"`;
    }
  }
  return undefined;
}

/** Catalogue rows for user sinks: one row per invocation (`either` gives a `call` and a `new` row). */
export function userSinkRows(sinks: readonly UserSinkOption[]): SinkRow[] {
  const rows: SinkRow[] = [];
  sinks.forEach((sink, index) => {
    const modules = typeof sink.module === 'string' ? [sink.module] : [...sink.module];
    const path = sink.export === '' ? [] : sink.export.split('.');
    const base = path.length === 0 ? (modules[0] ?? '') : path.join('.');
    const label = sink.method === undefined ? base : `${path.at(-1) ?? base}#${sink.method}`;
    const slots: SinkSlot[] = sink.slots.map((slot) => ({
      arg: slot.arg,
      kind: slot.kind,
      ...(slot.property === undefined ? {} : { path: slot.property.split('.') }),
      ...(slot.when === undefined ? {} : { when: slot.when }),
      ...(slot.envName === undefined ? {} : { envName: slot.envName }),
    }));
    const invocations: SinkInvocation[] = sink.call === 'either' ? ['call', 'new'] : [sink.call ?? 'call'];
    for (const invocation of invocations) {
      const method = sink.method === undefined ? {} : { method: sink.method };
      rows.push({ id: `user/${index}/${modules[0] ?? ''}/${path.join('.')}${sink.method === undefined ? '' : `#${sink.method}`}/${invocation}`, modules, path, ...method, invocation, label, slots, source: 'sinks option' });
    }
  });
  return rows;
}

/** The rows a lookup runs against, with the cheap pre-checks derived from them. */
export interface SinkTable {
  readonly rows: readonly SinkRow[];
  /** Method names of method-sink rows (`auth` of `kcAdmin.auth(…)`). */
  readonly methodNames: ReadonlySet<string>;
  /** Last export-path segments of rows and HTTP clients: a member callee with another name is no sink. */
  readonly calleeNames: ReadonlySet<string>;
  /** Invocations of rows whose last path segment is a wildcard (`new AWS.S3(…)`). */
  readonly wildcardInvocations: ReadonlySet<SinkInvocation>;
  /** Whether a module specifier may hold a sink of the table or an HTTP client. */
  isSinkModule(module: string): boolean;
}

function buildTable(rows: readonly SinkRow[], userModules: readonly string[]): SinkTable {
  return {
    rows,
    methodNames: new Set(rows.flatMap((row) => (row.method === undefined ? [] : [row.method]))),
    calleeNames: new Set([...rows.flatMap((row) => row.path.slice(-1)), ...HTTP_CLIENT_ROWS.flatMap((row) => row.paths.flatMap((path) => path.slice(-1)))]),
    wildcardInvocations: new Set(rows.filter((row) => row.path.at(-1) === '*').map((row) => row.invocation)),
    isSinkModule: (module) => isCatalogueModule(module) || userModules.some((candidate) => moduleMatches(module, candidate)),
  };
}

let builtInTable: SinkTable | undefined;
const tablesByArray = new WeakMap<readonly UserSinkOption[], SinkTable>();
const tablesByText = new Map<string, SinkTable>();

/**
 * The sink table for a `sinks` option: the built-in rows alone when there is none, else the
 * built-in rows followed by the user rows. Cached per array and, because ESLint may hand each
 * file a fresh copy of the options, per JSON text; the merge happens once per distinct declaration.
 */
export function sinkTableFor(sinks: readonly UserSinkOption[] | undefined): SinkTable {
  if (sinks === undefined || sinks.length === 0) {
    builtInTable ??= buildTable(SINK_ROWS, []);
    return builtInTable;
  }
  const cached = tablesByArray.get(sinks);
  if (cached) return cached;
  const text = JSON.stringify(sinks);
  let table = tablesByText.get(text);
  if (!table) {
    const rows = userSinkRows(sinks);
    table = buildTable([...SINK_ROWS, ...rows], [...new Set(rows.flatMap((row) => row.modules))]);
    if (tablesByText.size > 32) tablesByText.clear();
    tablesByText.set(text, table);
  }
  tablesByArray.set(sinks, table);
  return table;
}

/** Module specifiers of a `sinks` declaration (for text prefilters). */
export function userSinkModules(sinks: readonly UserSinkOption[] | undefined): string[] {
  if (!sinks) return [];
  return [...new Set(sinks.flatMap((sink) => (typeof sink.module === 'string' ? [sink.module] : [...sink.module])))];
}

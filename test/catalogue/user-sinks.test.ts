import tsParser from '@typescript-eslint/parser';
import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';
import { lookupSink, SINK_ROWS } from '../../src/catalogue/index.js';
import { sinkTableFor, userSinkRows, validateUserSinks, type UserSinkOption } from '../../src/catalogue/user-sinks.js';
import plugin from '../../src/index.js';

const KENSIUM: UserSinkOption = {
  module: '@acme/kensium-sdk',
  export: 'KensiumClient',
  call: 'new',
  slots: [{ arg: 0, property: 'oauth.key', kind: 'client-secret', envName: 'KENSIUM_CLIENT_SECRET' }],
};
const ERP: UserSinkOption = { module: ['@acme/erp', '@acme/erp-legacy'], export: '', call: 'either', slots: [{ arg: 2, kind: 'password', when: 'string' }] };

describe('userSinkRows', () => {
  it('turns a declaration into catalogue rows: dotted paths split, `call` by default, `either` as two rows', () => {
    expect(userSinkRows([KENSIUM, { module: '@acme/erp', export: 'erp.connect', slots: [{ arg: 1, kind: 'password' }] }])).toEqual([
      {
        id: 'user/0/@acme/kensium-sdk/KensiumClient/new',
        modules: ['@acme/kensium-sdk'],
        path: ['KensiumClient'],
        invocation: 'new',
        label: 'KensiumClient',
        slots: [{ arg: 0, path: ['oauth', 'key'], kind: 'client-secret', envName: 'KENSIUM_CLIENT_SECRET' }],
        source: 'sinks option',
      },
      { id: 'user/1/@acme/erp/erp.connect/call', modules: ['@acme/erp'], path: ['erp', 'connect'], invocation: 'call', label: 'erp.connect', slots: [{ arg: 1, kind: 'password' }], source: 'sinks option' },
    ]);
    const rows = userSinkRows([ERP]);
    expect(rows.map((row) => [row.invocation, row.path, row.label, row.modules])).toEqual([
      ['call', [], '@acme/erp', ['@acme/erp', '@acme/erp-legacy']],
      ['new', [], '@acme/erp', ['@acme/erp', '@acme/erp-legacy']],
    ]);
    expect(rows[0]?.slots).toEqual([{ arg: 2, kind: 'password', when: 'string' }]);
    expect(userSinkRows([{ module: '@acme/erp', export: 'ErpClient', method: 'login', slots: [{ arg: 1, kind: 'password' }] }])).toEqual([
      { id: 'user/0/@acme/erp/ErpClient#login/call', modules: ['@acme/erp'], path: ['ErpClient'], method: 'login', invocation: 'call', label: 'ErpClient#login', slots: [{ arg: 1, kind: 'password' }], source: 'sinks option' },
    ]);
  });
});

describe('sinkTableFor', () => {
  it('is the built-in table without declarations, and leaves the built-in rows alone', () => {
    const table = sinkTableFor(undefined);
    expect(table.rows).toBe(SINK_ROWS);
    expect(sinkTableFor([])).toBe(table);
    expect(table.isSinkModule('@acme/kensium-sdk')).toBe(false);
    expect(table.isSinkModule('openid-client')).toBe(true);
    sinkTableFor([KENSIUM]);
    expect(SINK_ROWS.some((row) => row.modules.includes('@acme/kensium-sdk'))).toBe(false);
  });

  it('merges once per declaration: the same array, or an equal copy, gives the same table', () => {
    const sinks = [KENSIUM, ERP];
    const table = sinkTableFor(sinks);
    expect(sinkTableFor(sinks)).toBe(table);
    expect(sinkTableFor(JSON.parse(JSON.stringify(sinks)) as UserSinkOption[])).toBe(table);
    expect(sinkTableFor([KENSIUM])).not.toBe(table);
    expect(table.rows.length).toBe(SINK_ROWS.length + 3);
  });

  it('finds declared sinks with the catalogue lookups, subpaths included, and keeps the built-in rows', () => {
    const table = sinkTableFor([KENSIUM, ERP]);
    expect(lookupSink({ module: '@acme/kensium-sdk', path: ['KensiumClient'] }, 'new', table.rows)?.label).toBe('KensiumClient');
    expect(lookupSink({ module: '@acme/kensium-sdk/v2', path: ['KensiumClient'] }, 'new', table.rows)?.label).toBe('KensiumClient');
    expect(lookupSink({ module: '@acme/kensium-sdk', path: ['KensiumClient'] }, 'call', table.rows)).toBeUndefined();
    expect(lookupSink({ module: '@acme/kensium-mock', path: ['KensiumClient'] }, 'new', table.rows)).toBeUndefined();
    expect(lookupSink({ module: '@acme/erp-legacy', path: [] }, 'call', table.rows)?.label).toBe('@acme/erp');
    expect(lookupSink({ module: 'openid-client', path: ['discovery'] }, 'call', table.rows)?.id).toBe('openid-client/discovery');
    expect(table.calleeNames.has('KensiumClient')).toBe(true);
    expect(table.isSinkModule('@acme/erp-legacy/v1')).toBe(true);
    expect(table.isSinkModule('@acme/erp-legacyx')).toBe(false);
  });
});

describe('validateUserSinks', () => {
  it('accepts a valid declaration', () => {
    expect(validateUserSinks([KENSIUM, ERP])).toBeUndefined();
    expect(validateUserSinks([])).toBeUndefined();
  });

  it.each([
    [{ sinks: 'x' }, 'must be an array of sink declarations'],
    [[null], 'item 0: must be an object with module, export and slots'],
    [[{ module: '', export: 'A', slots: [{ arg: 0, kind: 'password' }] }], 'item 0: module must be a module name or a non-empty array of module names'],
    [[{ module: 'm', export: 'a-b', slots: [{ arg: 0, kind: 'password' }] }], 'item 0: export must be a dotted export path such as "KensiumClient" or "erp.connect", or "" for the module itself (got "a-b")'],
    [[{ module: 'm', slots: [{ arg: 0, kind: 'password' }] }], 'item 0: export must be a dotted export path such as "KensiumClient" or "erp.connect", or "" for the module itself (got undefined)'],
    [[{ module: 'm', export: 'A', call: 'construct', slots: [{ arg: 0, kind: 'password' }] }], 'item 0: call must be "call", "new" or "either"'],
    [[{ module: 'm', export: 'A', slots: [] }], 'item 0: slots must be a non-empty array'],
    [[{ module: 'm', export: 'A', slot: [] }], 'item 0: has an unknown key "slot" (known: module, export, method, call, slots)'],
    [[{ module: 'm', export: 'ErpClient', method: 'log in', slots: [{ arg: 0, kind: 'password' }] }], 'item 0: method must be a method name such as "login"'],
    [[KENSIUM, { module: 'm', export: 'A', slots: [{ arg: -1, kind: 'password' }] }], 'item 1, slot 0: arg must be a whole number from 0 to 32'],
    [[{ module: 'm', export: 'A', slots: [{ arg: 0, kind: 'pin' }] }], 'item 0, slot 0: kind must be one of "client-secret", "client-id", "password", "api-key", "token", "private-key", "signing-secret", "secret"'],
    [[{ module: 'm', export: 'A', slots: [{ arg: 0, kind: 'password', property: 'auth..pass' }] }], 'item 0, slot 0: property must be a dotted property path such as "auth.clientSecret"'],
    [[{ module: 'm', export: 'A', slots: [{ arg: 0, kind: 'password', when: 'object' }] }], 'item 0, slot 0: when must be "string"'],
    [[{ module: 'm', export: 'A', slots: [{ arg: 0, kind: 'password', envName: 'ERP PASSWORD' }] }], 'item 0, slot 0: envName must be an environment variable name such as "KENSIUM_CLIENT_SECRET"'],
    [[{ module: 'm', export: 'A', slots: [{ arg: 0, kind: 'password', index: 1 }] }], 'item 0, slot 0: has an unknown key "index" (known: arg, property, kind, when, envName)'],
  ])('rejects %j: %s', (value, problem) => {
    expect(validateUserSinks(value)).toBe(problem);
  });
});

describe('the sinks rule option', () => {
  const linter = new Linter({ configType: 'flat' });
  const lint = (sinks: unknown): Linter.LintMessage[] =>
    linter.verify("import { KensiumClient } from '@acme/kensium-sdk';", [{ files: ['**/*.ts'], languageOptions: { parser: tsParser as Linter.Parser }, plugins: { ch: plugin as never }, rules: { 'ch/no-hardcoded-client-secret': ['error', { sinks }] } }], { filename: 'src/pos.ts' });

  it('accepts a valid declaration', () => {
    expect(lint([KENSIUM, ERP])).toEqual([]);
  });

  it.each([
    [[{ module: 'm', export: 'a-b', slots: [{ arg: 0, kind: 'password' }] }], /should match pattern/u],
    [[{ module: 'm', export: 'A', slots: [{ arg: 0, kind: 'pin' }] }], /should be equal to one of the allowed values/u],
    [[{ module: 'm', export: 'A', slots: [] }], /should NOT have fewer than 1 items/u],
    [[{ module: 'm', export: 'A', slots: [{ arg: 1.5, kind: 'password' }] }], /should be integer/u],
    [[{ module: 'm', slots: [{ arg: 0, kind: 'password' }] }], /should have required property 'export'/u],
    [[{ module: 'm', export: 'A', call: 'construct', slots: [{ arg: 0, kind: 'password' }] }], /should be equal to one of the allowed values/u],
  ])('rejects %j', (sinks, error) => {
    expect(() => lint(sinks)).toThrow(error);
  });
});

/**
 * The catalogue: declarative sink rows (`SINK_ROWS`), HTTP clients (`HTTP_CLIENT_ROWS`) and the
 * lookups that both the ESLint rules and the scanner use to find the row for a resolved callee.
 */
import { moduleMatches } from '../util/module-names.js';
import { HTTP_CLIENT_ROWS, SINK_ROWS } from './sinks.js';
import type { HttpClientRow, SinkCallee, SinkInvocation, SinkRow, SinkSlot } from './types.js';

export { HTTP_CLIENT_ROWS, SINK_ROWS } from './sinks.js';
export type { HttpClientRow, SinkCallee, SinkInvocation, SinkRow, SinkSlot } from './types.js';

function pathMatches(pattern: readonly string[], path: readonly string[]): boolean {
  return pattern.length === path.length && pattern.every((segment, index) => segment === '*' || segment === path[index]);
}

/** How well `module` matches one of `modules`: exact beats the longest subpath match; -1 for none. */
function moduleScore(modules: readonly string[], module: string): number {
  let best = -1;
  const normalised = module.startsWith('node:') ? module.slice('node:'.length) : module;
  for (const candidate of modules) {
    if (!moduleMatches(module, candidate)) continue;
    const score = normalised === candidate ? 10_000 : candidate.length;
    if (score > best) best = score;
  }
  return best;
}

function pathScore(pattern: readonly string[]): number {
  return pattern.filter((segment) => segment !== '*').length;
}

function bestRow(rows: readonly SinkRow[], module: string, accept: (row: SinkRow) => boolean): SinkRow | undefined {
  let best: SinkRow | undefined;
  let bestScore = -1;
  for (const row of rows) {
    if (!accept(row)) continue;
    const score = moduleScore(row.modules, module);
    if (score < 0) continue;
    const total = score * 100 + pathScore(row.path);
    if (total > bestScore) {
      best = row;
      bestScore = total;
    }
  }
  return best;
}

/**
 * The sink row for a callee, as `resolveImportedName` returns it, invoked with `call` or `new`.
 * `lookupSink({ module: 'openid-client', path: ['discovery'] }, 'call')` is the openid-client v6
 * `discovery` row; an exact module match wins over a subpath match, literal path segments over `*`.
 */
export function lookupSink(callee: SinkCallee, invocation: SinkInvocation, rows: readonly SinkRow[] = SINK_ROWS): SinkRow | undefined {
  return bestRow(rows, callee.module, (row) => row.method === undefined && row.invocation === invocation && pathMatches(row.path, callee.path));
}

/**
 * The sink row for `method` called on an instance of `instanceOf` (an object created with `new` of
 * that export, or returned by one of the row's factories): `kcAdmin.auth(…)`, `new issuer.Client(…)`.
 */
export function lookupMethodSink(instanceOf: SinkCallee, method: string, invocation: SinkInvocation, rows: readonly SinkRow[] = SINK_ROWS): SinkRow | undefined {
  return bestRow(rows, instanceOf.module, (row) => row.method === method && row.invocation === invocation && pathMatches(row.path, instanceOf.path));
}

/**
 * When `callee` is a factory of a method-sink row (`Issuer.discover`), the export its result is an
 * instance of (`openid-client` › `Issuer`); otherwise `undefined`.
 */
export function instanceFromFactory(callee: SinkCallee, rows: readonly SinkRow[] = SINK_ROWS): SinkCallee | undefined {
  const base = callee.path.slice(0, -1);
  const factory = callee.path.at(-1);
  if (factory === undefined) return undefined;
  const row = bestRow(rows, callee.module, (candidate) => candidate.factories?.includes(factory) === true && pathMatches(candidate.path, base));
  return row ? { module: callee.module, path: base } : undefined;
}

/**
 * Whether a file may call one of `rows`' sinks the way `lookupSink` finds one, from its text and
 * the module specifiers it may import (a superset of its imports): a row without a `method` whose
 * module one of `specifiers` names, and every named segment of whose export path (not `*`, not
 * `default`) occurs in the text. A callee resolves to that path only through an import of the
 * module and through those names, written in the import clause, a member access or a key.
 */
export function mayCallSink(specifiers: readonly string[], text: string, rows: readonly SinkRow[] = SINK_ROWS): boolean {
  if (specifiers.length === 0) return false;
  return rows.some(
    (row) =>
      row.method === undefined &&
      specifiers.some((specifier) => moduleScore(row.modules, specifier) >= 0) &&
      row.path.every((segment) => segment === '*' || segment === 'default' || text.includes(segment)),
  );
}

/** Whether a module specifier could hold a sink at all: a cheap filter before resolving callees. */
export function isCatalogueModule(module: string, rows: readonly SinkRow[] = SINK_ROWS): boolean {
  return rows.some((row) => moduleScore(row.modules, module) >= 0) || HTTP_CLIENT_ROWS.some((row) => moduleScore(row.modules, module) >= 0);
}

/** The HTTP client row for a callee (`axios.post`, `got`, `undici.fetch`), or for a global such as `fetch`. */
export function lookupHttpClient(callee: SinkCallee | { readonly global: string }): HttpClientRow | undefined {
  if ('global' in callee) return HTTP_CLIENT_ROWS.find((row) => row.global === true && row.paths.some((path) => path[0] === callee.global));
  let best: HttpClientRow | undefined;
  let bestScore = -1;
  for (const row of HTTP_CLIENT_ROWS) {
    if (row.global === true || !row.paths.some((path) => pathMatches(path, callee.path))) continue;
    const score = moduleScore(row.modules, callee.module);
    if (score > bestScore) {
      best = row;
      bestScore = score;
    }
  }
  return best;
}

/** The slots of `row` for argument `arg`. */
export function slotsForArgument(row: SinkRow, arg: number): readonly SinkSlot[] {
  return row.slots.filter((slot) => slot.arg === arg);
}

/**
 * The conventional env-var name of a slot, with `{module}` expanded from the matched module
 * specifier (`AUTH_{module}_SECRET` with `next-auth/providers/github` → `AUTH_GITHUB_SECRET`).
 */
export function slotEnvName(slot: SinkSlot, module: string): string | undefined {
  if (slot.envName === undefined) return undefined;
  const last = module.split('/').at(-1) ?? module;
  return slot.envName.replace('{module}', last.replace(/[^A-Za-z0-9]+/gu, '_').toUpperCase());
}

/**
 * `credential-hygiene merge-sarif OUT IN...`: joins the SARIF reports of sharded jobs into one
 * log with one run per tool, as code scanning expects one run per tool and category. Rules are
 * united by id (ruleIndex remapped), results are concatenated in a stable order with duplicates
 * (same rule, fingerprint and place) dropped, and the run counts as successful only if every
 * shard's run was. Runs of other tools pass through unchanged.
 */
import { readFile } from 'node:fs/promises';
import type { CliIo } from './main.js';
import { SARIF_SCHEMA_URI } from './reporters/sarif.js';
import { describeWriteError, writeOutputFile } from './write-output.js';

type Json = Record<string, unknown>;

interface SarifRun extends Json {
  tool: { driver: { name: string; rules?: Json[] } & Json } & Json;
  results?: Json[];
  invocations?: Json[];
}

export class MergeSarifError extends Error {
  override name = 'MergeSarifError';
}

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function runsOf(log: unknown, source: string): SarifRun[] {
  if (!isObject(log) || log.version !== '2.1.0' || !Array.isArray(log.runs)) throw new MergeSarifError(`${source}: not a SARIF 2.1.0 log`);
  return log.runs.map((run: unknown, index) => {
    if (!isObject(run) || !isObject(run.tool) || !isObject(run.tool.driver) || typeof run.tool.driver.name !== 'string') {
      throw new MergeSarifError(`${source}: run ${index} has no tool.driver.name`);
    }
    return run as SarifRun;
  });
}

function firstLocation(result: Json): { uri: string; line: number; column: number } {
  const locations = Array.isArray(result.locations) ? (result.locations as unknown[]) : [];
  const physical = isObject(locations[0]) && isObject(locations[0].physicalLocation) ? locations[0].physicalLocation : {};
  const artifact = isObject(physical.artifactLocation) ? physical.artifactLocation : {};
  const region = isObject(physical.region) ? physical.region : {};
  return {
    uri: typeof artifact.uri === 'string' ? artifact.uri : '',
    line: typeof region.startLine === 'number' ? region.startLine : 0,
    column: typeof region.startColumn === 'number' ? region.startColumn : 0,
  };
}

function resultKey(result: Json): string {
  const { uri, line, column } = firstLocation(result);
  return JSON.stringify([result.ruleId, result.partialFingerprints, uri, line, column, isObject(result.message) ? result.message.text : '']);
}

function compareResults(a: Json, b: Json): number {
  const left = firstLocation(a);
  const right = firstLocation(b);
  if (left.uri !== right.uri) return left.uri < right.uri ? -1 : 1;
  return left.line - right.line || left.column - right.column || (String(a.ruleId) < String(b.ruleId) ? -1 : String(a.ruleId) > String(b.ruleId) ? 1 : 0);
}

function severityOf(rule: Json): number {
  const value = isObject(rule.properties) ? Number(rule.properties['security-severity']) : Number.NaN;
  return Number.isFinite(value) ? value : -1;
}

function mergeGroup(runs: SarifRun[]): SarifRun {
  const [first] = runs;
  if (!first) throw new MergeSarifError('nothing to merge');
  const rules = new Map<string, Json>();
  for (const run of runs) {
    for (const rule of run.tool.driver.rules ?? []) {
      const id = String(rule.id);
      const known = rules.get(id);
      // Shards compute a rule's security-severity from their own findings: keep the highest.
      if (!known || severityOf(rule) > severityOf(known)) rules.set(id, rule);
    }
  }
  const ruleIds = [...rules.keys()].sort();
  const ruleIndex = new Map(ruleIds.map((id, index) => [id, index]));
  const seen = new Set<string>();
  const results: Json[] = [];
  for (const run of runs) {
    for (const result of run.results ?? []) {
      const key = resultKey(result);
      if (seen.has(key)) continue;
      seen.add(key);
      const merged: Json = { ...result };
      const index = typeof result.ruleId === 'string' ? ruleIndex.get(result.ruleId) : undefined;
      if (index === undefined) delete merged.ruleIndex;
      else merged.ruleIndex = index;
      results.push(merged);
    }
  }
  results.sort(compareResults);
  const invocations = runs.flatMap((run) => run.invocations ?? []);
  const merged: SarifRun = {
    ...first,
    tool: { ...first.tool, driver: { ...first.tool.driver, rules: ruleIds.map((id) => rules.get(id) as Json) } },
    results,
  };
  // Each shard names itself in automationDetails; the merged run is the whole scan.
  delete merged.automationDetails;
  if (invocations.length > 0) {
    merged.invocations = [
      {
        executionSuccessful: invocations.every((invocation) => invocation.executionSuccessful === true),
        toolExecutionNotifications: invocations.flatMap((invocation) => (Array.isArray(invocation.toolExecutionNotifications) ? (invocation.toolExecutionNotifications as Json[]) : [])),
      },
    ];
  }
  return merged;
}

/** Merges parsed SARIF logs; `sources` name them in errors. */
export function mergeSarifLogs(logs: readonly unknown[], sources: readonly string[] = []): Json {
  const groups = new Map<string, SarifRun[]>();
  logs.forEach((log, index) => {
    for (const run of runsOf(log, sources[index] ?? `input ${index + 1}`)) {
      const name = run.tool.driver.name;
      const group = groups.get(name);
      if (group) group.push(run);
      else groups.set(name, [run]);
    }
  });
  return { $schema: SARIF_SCHEMA_URI, version: '2.1.0', runs: [...groups.values()].map(mergeGroup) };
}

export const MERGE_SARIF_USAGE = `Usage: credential-hygiene merge-sarif OUT.sarif IN.sarif [IN.sarif...]

Joins the SARIF reports of sharded scans (--shard i/n) into one report for code-scanning upload.
`;

export async function mergeSarifCommand(argv: string[], io: CliIo): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) {
    io.stdout.write(MERGE_SARIF_USAGE);
    return 0;
  }
  const [out, ...inputs] = argv;
  if (out === undefined || inputs.length === 0 || argv.some((arg) => arg.startsWith('-'))) {
    io.stderr.write(`credential-hygiene merge-sarif: expected an output file and at least one input file\n\n${MERGE_SARIF_USAGE}`);
    return 2;
  }
  try {
    const logs = await Promise.all(
      inputs.map(async (input) => {
        let text: string;
        try {
          text = await readFile(input, 'utf8');
        } catch (error) {
          throw new MergeSarifError(`${input}: cannot read (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
        }
        try {
          return JSON.parse(text) as unknown;
        } catch {
          throw new MergeSarifError(`${input}: not valid JSON`);
        }
      }),
    );
    const merged = mergeSarifLogs(logs, inputs);
    try {
      writeOutputFile(out, `${JSON.stringify(merged, null, 2)}\n`);
    } catch (error) {
      throw new MergeSarifError(`cannot write ${out}: ${describeWriteError(error)}`);
    }
    const count = (merged.runs as SarifRun[]).reduce((sum, run) => sum + (run.results?.length ?? 0), 0);
    io.stderr.write(`credential-hygiene merge-sarif: wrote ${out} (${inputs.length} reports, ${count} results)\n`);
    return 0;
  } catch (error) {
    io.stderr.write(`credential-hygiene merge-sarif: ${(error as Error).message}\n`);
    return 2;
  }
}

import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { mergeSarifLogs } from '../../src/cli/merge-sarif.js';
import { buildSarif } from '../../src/cli/reporters/sarif.js';
import type { ScanResult } from '../../src/scanner/types.js';
import { finding } from './helpers.js';
import { sarifValidator } from './sarif-schema.js';

function scan(findings: ScanResult['findings'], errors: ScanResult['errors'] = []): ScanResult {
  return { findings, errors, stats: { files: findings.length, skipped: {}, durationMs: 1 } };
}

const secretInPos = finding({ file: 'src/pos/client.ts', fingerprint: 'no-hardcoded-client-secret:aaaa' });
const secretInErp = finding({ file: 'src/erp/client.ts', line: 8, fingerprint: 'no-hardcoded-client-secret:bbbb' });
const grant = finding({ ruleId: 'no-password-grant', kind: 'password-grant', severity: 'warn', file: 'src/erp/token.ts', line: 30, fingerprint: 'no-password-grant:cccc' });

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { stdout: { write: (chunk: string) => out.push(chunk) }, stderr: { write: (chunk: string) => err.push(chunk) } }, out: () => out.join(''), err: () => err.join('') };
}

type Run = { tool: { driver: { rules: { id: string }[] } }; results: { ruleId: string; ruleIndex: number; locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }[]; invocations: { executionSuccessful: boolean }[]; automationDetails?: unknown };

describe('merge-sarif', () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  it('joins shard reports into one valid run with united rules, remapped indexes and sorted results', () => {
    const shard1 = buildSarif(scan([secretInPos]), { automationId: 'credential-hygiene/shard-1/' });
    const shard2 = buildSarif(scan([grant, secretInErp], [{ file: 'src/broken.ts', message: 'syntax error at 1:1' }]), { automationId: 'credential-hygiene/shard-2/' });
    const merged = mergeSarifLogs([shard1, shard2], ['1.sarif', '2.sarif']);
    expect(sarifValidator()(merged)).toEqual([]);
    const runs = merged.runs as Run[];
    expect(runs).toHaveLength(1);
    const [run] = runs;
    expect(run!.tool.driver.rules.map((rule) => rule.id)).toEqual(['no-hardcoded-client-secret', 'no-password-grant']);
    expect(run!.results.map((result) => [result.locations[0]!.physicalLocation.artifactLocation.uri, result.ruleId, result.ruleIndex])).toEqual([
      ['src/erp/client.ts', 'no-hardcoded-client-secret', 0],
      ['src/erp/token.ts', 'no-password-grant', 1],
      ['src/pos/client.ts', 'no-hardcoded-client-secret', 0],
    ]);
    expect(run!.invocations).toEqual([{ executionSuccessful: false, toolExecutionNotifications: [expect.objectContaining({ message: { text: 'syntax error at 1:1' } })] }]);
    expect(run).not.toHaveProperty('automationDetails');
  });

  it('drops a result two shards both reported, and keeps the higher rule severity', () => {
    const merged = mergeSarifLogs([buildSarif(scan([secretInPos])), buildSarif(scan([secretInPos, { ...secretInErp, kind: 'client-id' }]))]);
    const [run] = merged.runs as Run[];
    expect(run!.results).toHaveLength(2);
    expect(run!.tool.driver.rules).toEqual([expect.objectContaining({ id: 'no-hardcoded-client-secret', properties: expect.objectContaining({ 'security-severity': '9.1' }) })]);
  });

  it('keeps runs of other tools as separate runs', () => {
    const other = { version: '2.1.0', runs: [{ tool: { driver: { name: 'eslint' } }, results: [] }] };
    const merged = mergeSarifLogs([buildSarif(scan([secretInPos])), other]);
    expect((merged.runs as { tool: { driver: { name: string } } }[]).map((run) => run.tool.driver.name)).toEqual(['credential-hygiene', 'eslint']);
  });

  it('runs as `credential-hygiene merge-sarif OUT IN...` and reports bad input with exit code 2', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ch-merge-'));
    dirs.push(dir);
    writeFileSync(join(dir, 'a.sarif'), JSON.stringify(buildSarif(scan([secretInPos]))));
    writeFileSync(join(dir, 'b.sarif'), JSON.stringify(buildSarif(scan([grant]))));
    const ok = capture();
    expect(await main(['merge-sarif', join(dir, 'out.sarif'), join(dir, 'a.sarif'), join(dir, 'b.sarif')], ok.io)).toBe(0);
    expect(ok.err()).toContain('(2 reports, 2 results)');
    const written = JSON.parse(readFileSync(join(dir, 'out.sarif'), 'utf8')) as { runs: Run[] };
    expect(written.runs[0]!.results).toHaveLength(2);

    writeFileSync(join(dir, 'bad.sarif'), '{"version": "1.0.0"}');
    const bad = capture();
    expect(await main(['merge-sarif', join(dir, 'out2.sarif'), join(dir, 'bad.sarif')], bad.io)).toBe(2);
    expect(bad.err()).toContain('bad.sarif: not a SARIF 2.1.0 log');

    const missing = capture();
    expect(await main(['merge-sarif', join(dir, 'out3.sarif'), join(dir, 'nope.sarif')], missing.io)).toBe(2);
    expect(missing.err()).toContain('nope.sarif: cannot read (ENOENT)');

    const usage = capture();
    expect(await main(['merge-sarif', join(dir, 'only-out.sarif')], usage.io)).toBe(2);
    expect(usage.err()).toContain('Usage: credential-hygiene merge-sarif');
  });
});

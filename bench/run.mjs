#!/usr/bin/env node
// npm run bench — side-by-side speed comparisons for issue 9. See docs/performance.md.
//
//   npm run bench                     all comparisons, 3 timed runs per side (+1 warm-up)
//   npm run bench -- --quick          1/5 of the corpus, 1 timed run, no warm-up
//   npm run bench -- --only scan      one comparison: scan | growth | eslint | typed | precommit
//   options: --runs N  --warmup N  --no-build  --timeout-min M (per run of a side; default 10, quick 5)
//            --cli-full (also time the secretlint CLI on the whole corpus, one run, 60 min cap)
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync, appendFileSync } from 'node:fs';
import os from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { ensureCorpus, subset } from './lib/corpus.mjs';
import { measure, median, meterName } from './lib/measure.mjs';
import { generate } from './generate-monorepo.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const CACHE = join(ROOT, '.cache');
const NODE = process.execPath;

// ---- our two front ends: plugging them in is this one line each ----------------------------
// OUR_DIST=<dir> measures a private build (`npx tsc -p tsconfig.build.json --outDir <dir>`) instead of dist/.
const OUR_DIST = process.env.OUR_DIST ? resolve(process.env.OUR_DIST) : join(ROOT, 'dist');
const OUR_CLI = join(OUR_DIST, 'src', 'cli', 'bin.js'); // `credential-hygiene` binary
const OUR_PLUGIN = join(OUR_DIST, 'src', 'index.js'); // ESLint plugin, default export
// ---------------------------------------------------------------------------------------------

const SECRETLINT_CLI = join(ROOT, 'node_modules', 'secretlint', 'bin', 'secretlint.js');
const TSC = join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
const ENGINE = join(ROOT, 'bench', 'runners', 'secretlint-engine.mjs');
const ESLINT_RUN = join(ROOT, 'bench', 'runners', 'eslint-run.mjs');
const SECRETLINT_RC = JSON.stringify({ rules: [{ id: '@secretlint/secretlint-rule-preset-recommend' }] });

// ---- flags
const argv = process.argv.slice(2);
const flag = (n) => argv.includes(n);
const opt = (n, d) => (argv.includes(n) ? argv[argv.indexOf(n) + 1] : d);
const QUICK = flag('--quick');
const ONLY = opt('--only', null);
const RUNS = Number(opt('--runs', QUICK ? '1' : '3'));
const WARMUP = Number(opt('--warmup', QUICK ? '0' : '1'));
const TIMEOUT_MS = Number(opt('--timeout-min', QUICK ? '5' : '10')) * 60 * 1000; // per side and run
const ALL = ['scan', 'growth', 'eslint', 'typed', 'precommit'];
if (ONLY && !ALL.includes(ONLY)) {
  console.error(`--only takes one of: ${ALL.join(', ')}`);
  process.exit(2);
}
const selected = (name) => !ONLY || ONLY === name;
const log = (...a) => console.log(...a);

// ---- helpers
const fmtMs = (ms) => (ms == null ? '—' : ms >= 10000 ? `${(ms / 1000).toFixed(1)} s` : ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${Math.round(ms)} ms`);
const fmtMB = (kb) => (kb == null ? '—' : `${(kb / 1024).toFixed(0)} MB`);
const fmtX = (x) => (x == null ? '—' : `${x.toFixed(2)}×`);
const pkgVersion = (name) => {
  try {
    return JSON.parse(readFileSync(join(ROOT, 'node_modules', name, 'package.json'), 'utf8')).version;
  } catch {
    return null;
  }
};
const firstLine = (s) => (s || '').trim().split('\n').filter(Boolean).slice(-1)[0]?.slice(0, 160) ?? '';

/** How many findings a side printed (best effort; null when unknown). */
function countFindings(stdout) {
  try {
    const v = JSON.parse(stdout);
    if (Array.isArray(v)) return v.reduce((a, r) => a + (Array.isArray(r?.messages) ? r.messages.length : 1), 0);
    for (const k of ['findings', 'results']) if (Array.isArray(v?.[k])) return v[k].length;
    if (typeof v?.findings === 'number') return v.findings;
    if (typeof v?.messages === 'number') return v.messages;
  } catch {
    // not JSON
  }
  return null;
}

// ---- availability of our side ------------------------------------------------------------------
let cliHelp;
function ourCli(needFlag) {
  if (cliHelp === undefined) {
    if (!existsSync(OUR_CLI)) cliHelp = null;
    else {
      const r = spawnSync(NODE, [OUR_CLI, 'scan', '--help'], { encoding: 'utf8', timeout: 30000 });
      cliHelp = r.status === 0 ? `${r.stdout}${r.stderr}` : null;
    }
  }
  if (cliHelp === null) return 'not available yet (dist/src/cli/bin.js scan does not run)';
  if (needFlag && !cliHelp.includes(needFlag) && !flag('--force-ours')) {
    return `not available yet (scan --help does not list ${needFlag}; --force-ours to try anyway)`;
  }
  return true;
}
function ourPlugin() {
  if (!existsSync(OUR_PLUGIN)) return 'not available yet (dist/src/index.js missing)';
  const r = spawnSync(NODE, ['--input-type=module', '-e',
    `const m = await import(${JSON.stringify(pathToFileURL(OUR_PLUGIN).href)}); const p = m.default ?? m;` +
    ` if (!p?.configs?.recommended) { console.error('no configs.recommended'); process.exit(1); }`], { encoding: 'utf8', timeout: 30000 });
  return r.status === 0 ? true : `not available yet (plugin has no configs.recommended: ${firstLine(r.stderr)})`;
}

// ---- running a comparison ------------------------------------------------------------------------
/**
 * sides: [{ key, label, available: true|string, cmd: [file, ...args], cwd, env?, stdoutFile?, timeoutMs?, runs?, warmup? }]
 * Runs all available sides alternately (rotating who goes first), returns per-side stats.
 */
async function compare(title, sides) {
  log(`\n## ${title}`);
  const live = sides.filter((s) => s.available === true);
  for (const s of sides) if (s.available !== true) log(`  ${s.label}: ${s.available}`);
  const stats = new Map(sides.map((s) => [s.key, { runs: [], failures: [] }]));
  const once = async (s, timed) => {
    const [file, ...args] = s.cmd;
    const r = await measure(file, args, { cwd: s.cwd, timeoutMs: s.timeoutMs ?? TIMEOUT_MS, stdoutFile: s.stdoutFile, ...(s.env ? { env: s.env } : {}) });
    const okExit = r.ok && (s.okCodes ?? [0]).includes(r.code);
    if (!timed) return;
    const st = stats.get(s.key);
    if (!okExit) {
      st.failures.push(r.timedOut ? `timed out after ${fmtMs(r.wallMs)}` : `exit ${r.code}: ${firstLine(r.stderr)}`);
      log(`  ${s.label}: FAILED (${st.failures.at(-1)})`);
      return;
    }
    const out = s.stdoutFile ? readFileSync(s.stdoutFile, 'utf8') : r.stdout;
    let innerMs = null;
    try {
      innerMs = JSON.parse(out.trim().split('\n').pop()).totalMs ?? null;
    } catch {
      innerMs = null;
    }
    st.runs.push({ wallMs: Math.round(r.wallMs), cpuMs: r.cpuMs, maxRssKB: r.maxRssKB, innerMs });
    st.last = out;
    log(`  ${s.label}: ${fmtMs(r.wallMs)} wall, ${fmtMs(r.cpuMs)} CPU, ${fmtMB(r.maxRssKB)} peak RSS${innerMs != null ? `, ${fmtMs(innerMs)} in-process lint` : ''}`);
  };
  for (let w = 0; w < WARMUP; w++) for (const s of live) if (s.warmup !== false) await once(s, false);
  const maxRuns = Math.max(0, ...live.map((s) => s.runs ?? RUNS));
  for (let i = 0; i < maxRuns; i++) {
    const order = live.map((_, j) => live[(i + j) % live.length]);
    for (const s of order) if (i < (s.runs ?? RUNS)) await once(s, true);
  }
  return sides.map((s) => {
    const st = stats.get(s.key);
    let detail = null;
    if (st.last) {
      try {
        detail = JSON.parse(st.last.trim().split('\n').pop());
      } catch {
        detail = null;
      }
    }
    return {
      key: s.key,
      label: s.label,
      command: s.cmd ? [relative(ROOT, s.cmd[0]) || s.cmd[0], ...s.cmd.slice(1)].map((a) => (a.startsWith(ROOT) ? relative(ROOT, a) : a)).join(' ').slice(0, 300) : null,
      cwd: s.cwd ? relative(ROOT, s.cwd) : null,
      available: s.available === true,
      note: s.available === true ? (st.failures.length ? st.failures.join('; ') : null) : s.available,
      runs: st.runs,
      wallMs: median(st.runs.map((r) => r.wallMs)),
      cpuMs: median(st.runs.map((r) => r.cpuMs)),
      maxRssKB: median(st.runs.map((r) => r.maxRssKB)),
      innerMs: median(st.runs.map((r) => r.innerMs)),
      findings: st.last != null ? countFindings(st.last) : null,
      detail,
    };
  });
}

const results = { comparisons: [], targets: [] };
function target(id, text, ratio, limit, extra = {}) {
  const verdict = ratio == null ? 'N/A' : ratio <= limit ? 'PASS' : 'MISS';
  results.targets.push({ id, text, ratio, limit, verdict, ...extra });
}
const ratio = (a, b) => (a != null && b != null && b > 0 ? a / b : null);
const side = (rows, key) => rows.find((r) => r.key === key);

// ---- main ------------------------------------------------------------------------------------------
const started = new Date();
log(`credential-hygiene benchmarks (${QUICK ? 'quick' : 'full'}; ${RUNS} timed run(s) per side, ${WARMUP} warm-up; meter: ${meterName()})`);

if (!flag('--no-build') && !process.env.OUR_DIST && existsSync(join(ROOT, 'src'))) {
  log('building (npm run build) ...');
  const b = spawnSync('npm', ['run', '--silent', 'build'], { cwd: ROOT, encoding: 'utf8' });
  if (b.status !== 0) log(`  build failed; benchmarking whatever dist/ has: ${firstLine(b.stdout + b.stderr)}`);
}

// The CLI keeps a V8 code cache of the modules it loads from node_modules (src/util/compile-cache.ts).
// The bench gives it a folder of its own, emptied and filled again here by one small scan, so that
// every timed run of ours starts from the same state: the cache filled, as on every run after the
// first with a given install. The pre-commit comparison also times a side with the cache off.
const COMPILE_CACHE = join(CACHE, 'bench-compile-cache');
process.env.CREDENTIAL_HYGIENE_COMPILE_CACHE = COMPILE_CACHE;
if (existsSync(OUR_CLI)) {
  rmSync(COMPILE_CACHE, { recursive: true, force: true });
  const primer = join(CACHE, 'bench-compile-cache-primer');
  mkdirSync(join(primer, 'src'), { recursive: true });
  writeFileSync(join(primer, 'src', 'erp.ts'), "export const erpConfig = { clientId: 'pos-sync', clientSecret: process.env.ERP_CLIENT_SECRET };\n");
  writeFileSync(join(primer, 'tsconfig.json'), '{ "compilerOptions": { "strict": true, "module": "nodenext" }, "include": ["src"] }\n');
  writeFileSync(join(primer, 'src', 'legacy.js'), "export const posConfig = { clientSecret: process.env.POS_CLIENT_SECRET };\n");
  spawnSync(NODE, [OUR_CLI, 'scan', '.', '--format', 'json'], { cwd: primer, encoding: 'utf8', timeout: 120000 });
  log(`compile cache: ${relative(ROOT, COMPILE_CACHE)}, filled by one scan of ${relative(ROOT, primer)}`);
}

const needCorpus = selected('scan') || selected('growth') || selected('eslint');
const corpus = needCorpus ? ensureCorpus(ROOT, { variant: QUICK ? 'quick' : 'full', log }) : null;
if (corpus) {
  log(`corpus: ${corpus.files} JS/TS files, ${(corpus.bytes / 1048576).toFixed(1)} MiB in ${relative(ROOT, corpus.dir)}` +
    ` (${Object.entries(corpus.packages).map(([n, v]) => `${n}@${v}`).join(', ')} and their dependencies)`);
  results.corpus = { files: corpus.files, bytes: corpus.bytes, packages: corpus.packages, dir: relative(ROOT, corpus.dir) };
}

const typedDir = join(CACHE, 'bench-typed');
let typed = null;
if (selected('typed') || selected('precommit') || selected('eslint')) {
  const manifestFile = join(typedDir, 'bench-manifest.json');
  const want = { seed: 20240611, scale: 1 };
  let m = existsSync(manifestFile) ? JSON.parse(readFileSync(manifestFile, 'utf8')) : null;
  const genStamp = readFileSync(join(ROOT, 'bench', 'generate-monorepo.mjs'), 'utf8').length;
  if (!m || m.seed !== want.seed || m.scale !== want.scale || m.generatorSize !== genStamp) {
    m = generate({ out: typedDir, ...want });
    m.generatorSize = genStamp;
    writeFileSync(manifestFile, JSON.stringify(m, null, 2));
  }
  typed = m;
  log(`typed project: ${m.files} files, ${(m.bytes / 1048576).toFixed(1)} MiB, ${m.packages} packages with project references, ${m.seeded.length} seeded findings, in ${relative(ROOT, typedDir)}`);
  results.typedProject = { files: m.files, bytes: m.bytes, packages: m.packages, seeded: m.seeded.length, dir: relative(ROOT, typedDir) };
}

// 1. full scan of the corpus vs secretlint's engine
if (selected('scan')) {
  const outFile = join(CACHE, 'bench-out-scan.json');
  const rows = await compare('1. full scan of the corpus vs secretlint engine (lintSource, recommended preset, profiler off)', [
    { key: 'ours', label: 'credential-hygiene scan', available: ourCli(), cmd: [NODE, OUR_CLI, 'scan', '.', '--format', 'json'], cwd: corpus.dir, stdoutFile: outFile, okCodes: [0, 1] },
    { key: 'engine', label: 'secretlint engine', available: true, cmd: [NODE, ENGINE, '--list', corpus.listFile], cwd: corpus.dir },
  ]);
  const [o, e] = [side(rows, 'ours'), side(rows, 'engine')];
  for (const r of rows) r.ratio = ratio(r.wallMs, e.wallMs);
  results.comparisons.push({ name: 'scan', title: 'Full scan of the third-party corpus', reference: 'engine', rows });
  target(1, 'full scan wall ≤ 1.0× secretlint engine wall (same files, whole processes)', ratio(o.wallMs, e.wallMs), 1.0, { cpuRatio: ratio(o.cpuMs, e.cpuMs) });
  results.pendingTarget5 = { scanRssKB: o.maxRssKB };

  if (flag('--cli-full')) {
    const cli = await compare('secretlint CLI on the whole corpus (one run, 60 min cap)', [
      { key: 'cli', label: 'secretlint CLI', available: true, runs: 1, warmup: false, timeoutMs: 60 * 60 * 1000, okCodes: [0, 1],
        cmd: [NODE, SECRETLINT_CLI, '--no-color', '--format', 'compact', '--secretlintrcJSON', SECRETLINT_RC, '**/*.{js,mjs,cjs,jsx,ts,mts,cts,tsx}'], cwd: corpus.dir },
    ]);
    for (const r of cli) r.ratio = ratio(r.wallMs, e.wallMs);
    results.comparisons.push({ name: 'scan-cli', title: 'secretlint CLI on the whole corpus', reference: 'engine (table above)', rows: cli });
  }
}

// 1b. growth: engine with the profiler off/on and the CLI, on N and 2N files
if (selected('growth')) {
  const all = readFileSync(corpus.listFile, 'utf8').split('\n').filter(Boolean);
  const n = QUICK ? 500 : 1500;
  const two = subset(all, Math.max(1, Math.floor(all.length / (2 * n)))).slice(0, 2 * n);
  const one = two.filter((_, i) => i % 2 === 0);
  mkdirSync(join(CACHE, 'bench-growth'), { recursive: true });
  const lists = { N: join(CACHE, 'bench-growth', 'n.txt'), '2N': join(CACHE, 'bench-growth', '2n.txt') };
  writeFileSync(lists.N, `${one.join('\n')}\n`);
  writeFileSync(lists['2N'], `${two.join('\n')}\n`);
  const sides = [];
  for (const [k, list, files] of [['N', lists.N, one], ['2N', lists['2N'], two]]) {
    sides.push({ key: `off-${k}`, label: `engine, profiler off, ${files.length} files`, available: true, cmd: [NODE, ENGINE, '--list', list], cwd: corpus.dir });
    sides.push({ key: `on-${k}`, label: `engine, profiler on, ${files.length} files`, available: true, warmup: false, cmd: [NODE, ENGINE, '--list', list, '--profiler', 'on'], cwd: corpus.dir });
    sides.push({ key: `cli-${k}`, label: `secretlint CLI, ${files.length} files`, available: true, warmup: false, okCodes: [0, 1],
      cmd: [NODE, SECRETLINT_CLI, '--no-color', '--no-glob', '--format', 'compact', '--secretlintrcJSON', SECRETLINT_RC, ...files], cwd: corpus.dir });
  }
  const rows = await compare(`1b. secretlint: time against file count (N=${one.length}, 2N=${two.length})`, sides);
  for (const r of rows) {
    const base = side(rows, r.key.replace(/-(N|2N)$/, '-N'));
    r.ratio = ratio(r.wallMs, base.wallMs); // 2N time / N time of the same side
    r.innerRatio = ratio(r.innerMs, base.innerMs);
    r.command = r.command?.replace(/ (\S+\/)?\S+\.(js|mjs|cjs|jsx|ts|mts|cts|tsx)( |$).*/, ' <file list>');
  }
  const chars = (list) => list.reduce((a, f) => a + readFileSync(join(corpus.dir, f)).length, 0);
  results.growth = { N: one.length, twoN: two.length, bytesN: chars(one), bytes2N: chars(two) };
  results.comparisons.push({ name: 'growth', title: 'secretlint time against file count (ratio = 2N time / N time of the same side)', reference: 'same side on N files', rows });
  // per-rule cost of the preset, on the 2N list (one in-process run)
  const pr = spawnSync(NODE, [ENGINE, '--list', lists['2N'], '--per-rule'], { cwd: corpus.dir, encoding: 'utf8' });
  try {
    results.perRule = JSON.parse(pr.stdout.trim()).perRule;
    log('  per-rule time of the recommended preset on the 2N files (each rule alone, in-process):');
    for (const r of results.perRule) log(`    ${String(r.ms).padStart(6)} ms  ${r.rule}`);
  } catch {
    log(`  per-rule timing failed: ${firstLine(pr.stderr)}`);
  }
}

// 2. ESLint: our recommended config vs parse baseline vs eslint-plugin-no-secrets
if (selected('eslint')) {
  // A private build gets its own config files, so that runs against dist/ and against it do not clash.
  const dir = process.env.OUR_DIST ? join(CACHE, `bench-eslint-${relative(ROOT, OUR_DIST).replace(/[^\w.-]+/g, '_')}`) : join(CACHE, 'bench-eslint');
  mkdirSync(dir, { recursive: true });
  const parser = `import tsParser from '@typescript-eslint/parser';
const base = [
  { files: ['**/*.{ts,tsx,mts,cts}'], languageOptions: { parser: tsParser } },
  { files: ['**/*.{js,mjs,cjs,jsx}'] },
];
`;
  writeFileSync(join(dir, 'baseline.config.mjs'), `${parser}export default base;\n`);
  // ESLint with one core rule that never reports: what running any rule at all costs over the
  // parse baseline (ESLint builds every rule's context on a per-file prototype, which keeps each
  // file's AST alive until the next full garbage collection), so that the plugin's own share shows.
  writeFileSync(join(dir, 'onerule.config.mjs'), `${parser}export default [...base, { rules: { 'no-debugger': 'error' } }];\n`);
  writeFileSync(join(dir, 'nosecrets.config.mjs'), `${parser}import noSecrets from 'eslint-plugin-no-secrets';
export default [...base, { plugins: { 'no-secrets': noSecrets }, rules: { 'no-secrets/no-secrets': 'error' } }];\n`);
  writeFileSync(join(dir, 'ours.config.mjs'), `${parser}import * as mod from ${JSON.stringify(pathToFileURL(OUR_PLUGIN).href)};
const plugin = mod.default ?? mod;
const rec = plugin.configs.recommended;
export default [...base, ...(Array.isArray(rec) ? rec : [rec])];\n`);
  const targets = ['bench-typed', ...(QUICK ? ['lodash-es'] : ['lodash-es', 'openid-client', '@azure/msal-node', 'rxjs'])
    .map((p) => relative(CACHE, join(corpus.dir, p)))];
  const es = (key, label, cfg, available) => ({ key, label, available, okCodes: [0],
    cmd: [NODE, ESLINT_RUN, '--config', join(dir, cfg), '--cwd', CACHE, ...targets], cwd: CACHE });
  const rows = await compare(`2. ESLint on the typed project + JS packages of the corpus (${targets.join(', ')})`, [
    es('baseline', 'ESLint, parsers only, no rules (parse baseline)', 'baseline.config.mjs', true),
    es('onerule', 'ESLint + one core rule that never reports (no-debugger)', 'onerule.config.mjs', true),
    es('ours', 'ESLint + credential-hygiene recommended', 'ours.config.mjs', ourPlugin()),
    es('nosecrets', 'ESLint + eslint-plugin-no-secrets', 'nosecrets.config.mjs', true),
  ]);
  const b = side(rows, 'baseline');
  for (const r of rows) r.ratio = ratio(r.wallMs, b.wallMs);
  results.comparisons.push({ name: 'eslint', title: 'ESLint: added cost over the parse baseline', reference: 'baseline', rows, targets });
  const anyRule = side(rows, 'onerule');
  target(2, 'ESLint recommended adds ≤ 10% to the parse baseline', ratio(side(rows, 'ours').wallMs, b.wallMs), 1.1, {
    cpuRatio: ratio(side(rows, 'ours').cpuMs, b.cpuMs),
    anyRuleRatio: ratio(anyRule.wallMs, b.wallMs),
    overAnyRule: ratio(side(rows, 'ours').wallMs, anyRule.wallMs),
  });
}

// 3. typed whole-program pass vs tsc --noEmit
if (selected('typed')) {
  const rows = await compare('3. typed whole-program pass vs tsc --noEmit on the typed project', [
    { key: 'ours', label: 'credential-hygiene scan --project', available: ourCli('--project'), okCodes: [0, 1],
      cmd: [NODE, OUR_CLI, 'scan', '--project', 'tsconfig.json', '--format', 'json'], cwd: typedDir, stdoutFile: join(CACHE, 'bench-out-typed.json') },
    { key: 'tsc', label: 'tsc --noEmit -p tsconfig.json', available: true, cmd: [NODE, TSC, '--noEmit', '-p', 'tsconfig.json'], cwd: typedDir },
  ]);
  const [o, t] = [side(rows, 'ours'), side(rows, 'tsc')];
  for (const r of rows) r.ratio = ratio(r.wallMs, t.wallMs);
  results.comparisons.push({ name: 'typed', title: 'Typed whole-program pass vs tsc --noEmit', reference: 'tsc', rows });
  target(3, 'typed pass wall ≤ 0.5× tsc --noEmit', ratio(o.wallMs, t.wallMs), 0.5, { cpuRatio: ratio(o.cpuMs, t.cpuMs) });
  target(5, 'peak RSS of the full scan (scan --project of the typed project) ≤ 1.0× tsc --noEmit', ratio(o.maxRssKB, t.maxRssKB), 1.0,
    { note: 'RSS ratio' });
}

// 4. pre-commit: scan --staged with 10 staged files vs secretlint on them
if (selected('precommit')) {
  const repo = join(CACHE, 'bench-precommit');
  const stamp = join(repo, '.bench-stamp');
  const want = `${typed.files}:${typed.bytes}:${typed.generatorSize}`;
  const changed = [];
  const cfgs = typed.seeded.filter((s) => s.file.endsWith('config.ts')).map((s) => s.file);
  const pool = ['packages/pos-kensium/src/config.ts', 'packages/pos-kensium/src/mappers/order.ts',
    'packages/pos-square/src/sync/product.ts', 'packages/erp-netsuite/src/client.ts', 'packages/erp-sap-b1/src/mappers/invoice.ts',
    'services/sync-orders/src/jobs/kensium.ts', 'services/sync-orders/src/main.ts', 'services/webhook-gateway/src/handlers/square.ts',
    'packages/oauth/src/token-provider.ts', 'apps/admin-web/src/env.ts'];
  changed.push(...pool);
  if (!existsSync(stamp) || readFileSync(stamp, 'utf8') !== want) {
    rmSync(repo, { recursive: true, force: true });
    cpSync(typedDir, repo, { recursive: true });
    const git = (...a) => execFileSync('git', a, { cwd: repo, stdio: 'pipe' });
    git('init', '-q');
    git('-c', 'user.name=bench', '-c', 'user.email=bench@example.invalid', 'add', '-A');
    git('-c', 'user.name=bench', '-c', 'user.email=bench@example.invalid', 'commit', '-q', '-m', 'baseline');
    changed.forEach((f, i) => {
      // an ordinary edit in nine files, a hard-coded secret fallback in one (what the hook must stop)
      appendFileSync(join(repo, f), i === 0
        ? `\nexport const KENSIUM_REPORTING_CLIENT_SECRET = process.env.KENSIUM_REPORTING_CLIENT_SECRET || '${'Zq8v'}${Buffer.from(`bench-${i}-reporting`).toString('base64').replace(/=/g, '')}A0cE';\n`
        : `\nexport const SYNC_CHANGE_${i} = { enabled: true, rolloutPercent: ${i * 10} } as const;\n`);
    });
    git('add', ...changed);
    writeFileSync(stamp, want);
  }
  void cfgs;
  const rows = await compare('4. pre-commit: 10 staged files in a git copy of the typed project, end to end with Node start-up', [
    { key: 'ours', label: 'credential-hygiene scan --staged', available: ourCli('--staged'), okCodes: [0, 1], cmd: [NODE, OUR_CLI, 'scan', '--staged'], cwd: repo },
    // Every module compiled again, as the first run after an install or a Node upgrade does (that
    // run also writes the cache: slower still, once).
    { key: 'ours-uncached', label: 'credential-hygiene scan --staged, compile cache off', available: ourCli('--staged'), okCodes: [0, 1], cmd: [NODE, OUR_CLI, 'scan', '--staged'], cwd: repo,
      env: { CREDENTIAL_HYGIENE_COMPILE_CACHE: '0' } },
    { key: 'secretlint', label: 'secretlint CLI on the 10 files', available: true, okCodes: [0, 1],
      cmd: [NODE, SECRETLINT_CLI, '--no-color', '--no-glob', '--secretlintrcJSON', SECRETLINT_RC, ...changed], cwd: repo },
  ]);
  const [o, s] = [side(rows, 'ours'), side(rows, 'secretlint')];
  for (const r of rows) r.ratio = ratio(r.wallMs, s.wallMs);
  results.comparisons.push({ name: 'precommit', title: 'Pre-commit run on 10 staged files', reference: 'secretlint', rows, stagedFiles: changed.length });
  target('4a', 'pre-commit wall ≤ 1.5 s', o.wallMs == null ? null : o.wallMs / 1500, 1.0, { value: o.wallMs, cpuValue: o.cpuMs, note: 'ratio to 1.5 s' });
  target('4b', 'pre-commit wall ≤ 1.2× secretlint on the same files', ratio(o.wallMs, s.wallMs), 1.2, { cpuRatio: ratio(o.cpuMs, s.cpuMs) });
}

// ---- report --------------------------------------------------------------------------------------------
const machine = {
  cpu: os.cpus()[0]?.model ?? 'unknown', cores: os.cpus().length, memoryGiB: +(os.totalmem() / 2 ** 30).toFixed(1),
  os: `${os.type()} ${os.release()}`,
};
let commit = null;
try {
  commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).trim();
} catch {
  commit = null;
}
const versions = {
  node: process.version, 'credential-hygiene': `${JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version} (${commit})`,
  typescript: pkgVersion('typescript'), eslint: pkgVersion('eslint'), '@typescript-eslint/parser': pkgVersion('@typescript-eslint/parser'),
  secretlint: pkgVersion('secretlint'), '@secretlint/core': pkgVersion('@secretlint/core'),
  '@secretlint/secretlint-rule-preset-recommend': pkgVersion('@secretlint/secretlint-rule-preset-recommend'),
  'eslint-plugin-no-secrets': pkgVersion('eslint-plugin-no-secrets'),
};
const command = `npm run bench${argv.length ? ` -- ${argv.join(' ')}` : ''}`;
Object.assign(results, { date: started.toISOString(), command, mode: QUICK ? 'quick' : 'full', runs: RUNS, warmup: WARMUP, meter: meterName(), machine, versions });
delete results.pendingTarget5;

const md = [];
md.push('# Benchmark results', '');
md.push(`Generated by \`${command}\` on ${started.toISOString().slice(0, 10)}; ${RUNS} timed run(s) per side after ${WARMUP} warm-up, sides alternating; medians. CPU = user+sys of the child process tree; RSS = peak resident set of the largest process (${meterName()}).`, '');
md.push(`Machine: ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGiB} GiB, ${machine.os}.`, '');
md.push(`Versions: ${Object.entries(versions).map(([k, v]) => `${k} ${v ?? '—'}`).join(', ')}.`, '');
if (results.corpus) md.push(`Corpus: ${results.corpus.files} JS/TS files, ${(results.corpus.bytes / 1048576).toFixed(1)} MiB (${Object.entries(results.corpus.packages).map(([n, v]) => `${n}@${v}`).join(', ')} and dependencies, \`bench/corpus.json\`).`, '');
if (results.typedProject) md.push(`Typed project: ${results.typedProject.files} files, ${results.typedProject.packages} packages with project references, generated by \`bench/generate-monorepo.mjs\`.`, '');
md.push('## Targets', '', 'Verdicts are on wall time (RSS for 5). The machine may be shared: the CPU column (user + sys, same run) is the check on noisy wall times.', '',
  '| # | target | measured (wall) | CPU | verdict |', '|---|---|---|---|---|');
for (const t of results.targets) {
  const cpu = t.id === '4a' ? fmtMs(t.cpuValue) : t.id === 5 ? '—' : fmtX(t.cpuRatio);
  md.push(`| ${t.id} | ${t.text} | ${t.id === '4a' ? fmtMs(t.value) : fmtX(t.ratio)} | ${cpu} | ${t.verdict === 'N/A' ? 'not available yet' : t.verdict} |`);
}
const t2 = results.targets.find((t) => t.id === 2);
if (t2?.anyRuleRatio != null) {
  md.push('', `Target 2 in two parts: ESLint with one core rule that never reports takes ${fmtX(t2.anyRuleRatio)} the parse baseline (the cost of running any rule at all), and our \`recommended\` takes ${fmtX(t2.overAnyRule)} that.`);
}
for (const c of results.comparisons) {
  const inner = c.rows.some((r) => r.innerMs != null);
  md.push('', `## ${c.title}`, '', `Ratio: wall time relative to ${c.reference}.${inner ? ' In-process: the runner\'s own lint time, without Node start-up and module loading.' : ''}`, '',
    `| side | median wall | CPU | peak RSS | ratio | CPU ratio |${inner ? ' in-process | in-process ratio |' : ''} findings | note |`,
    `|---|---|---|---|---|---|${inner ? '---|---|' : ''}---|---|`);
  const refRow = c.rows.find((x) => x.ratio != null && Math.abs(x.ratio - 1) < 1e-9);
  for (const r of c.rows) {
    const innerCols = inner ? ` ${fmtMs(r.innerMs)} | ${c.name === 'growth' ? fmtX(r.innerRatio) : fmtX(ratio(r.innerMs, c.rows.find((x) => x.innerMs != null)?.innerMs))} |` : '';
    const cpuRatio = c.name === 'growth' ? ratio(r.cpuMs, c.rows.find((x) => x.key === r.key.replace(/-(N|2N)$/, '-N'))?.cpuMs) : ratio(r.cpuMs, refRow?.cpuMs);
    md.push(`| ${r.label} | ${fmtMs(r.wallMs)} | ${fmtMs(r.cpuMs)} | ${fmtMB(r.maxRssKB)} | ${fmtX(r.ratio)} | ${fmtX(cpuRatio)} |${innerCols} ${r.findings ?? '—'} | ${r.note ?? ''} |`);
  }
}
if (results.growth) {
  md.push('', `Growth: N = ${results.growth.N} files (${(results.growth.bytesN / 1048576).toFixed(1)} MiB), 2N = ${results.growth.twoN} files (${(results.growth.bytes2N / 1048576).toFixed(1)} MiB); a ratio near 2.0× is linear, well above it is super-linear.`);
}
if (results.perRule) {
  md.push('', '## secretlint recommended preset: time per rule (each alone, in-process, on the 2N files)', '', '| rule | ms |', '|---|---|');
  for (const r of results.perRule) md.push(`| ${r.rule} | ${r.ms} |`);
}
const complete = !QUICK && !ONLY;
const outDir = join(ROOT, 'bench', 'results');
mkdirSync(outDir, { recursive: true });
const base = complete ? 'latest' : 'partial';
writeFileSync(join(outDir, `${base}.md`), `${md.join('\n')}\n`);
writeFileSync(join(outDir, `${base}.json`), `${JSON.stringify(results, null, 2)}\n`);

log('\n## Targets');
for (const t of results.targets) {
  const cpu = t.id === '4a' ? `CPU ${fmtMs(t.cpuValue)}` : t.cpuRatio != null ? `CPU ${fmtX(t.cpuRatio)}` : '';
  log(`  ${String(t.id).padEnd(3)} ${t.verdict.padEnd(4)} ${t.id === '4a' ? fmtMs(t.value) : fmtX(t.ratio)}  ${cpu.padEnd(11)} ${t.text}`);
  if (t.anyRuleRatio != null) log(`      one core rule alone: ${fmtX(t.anyRuleRatio)} the baseline; ours over it: ${fmtX(t.overAnyRule)}`);
}
log(`\nwrote bench/results/${base}.md and bench/results/${base}.json`);

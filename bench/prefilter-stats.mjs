#!/usr/bin/env node
// How much of a tree the scanner's text prefilter lets through to the parser, and which rule's
// row lets it through: files and bytes per row, for the code files a scan would parse.
//
//   node bench/prefilter-stats.mjs [DIR] [--dist DIST]   (default: the bench corpus, .cache/bench-corpus/tree)
//
// Reads the built package (dist/, or a private build given with --dist): run `npm run build` first.
// Per rule: files and bytes its gate lets through, how many of them no other gate lets through,
// and the gate's own time over every file.
import { readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const distAt = args.indexOf('--dist');
const DIST = distAt >= 0 ? resolve(args[distAt + 1]) : join(ROOT, 'dist');
if (distAt >= 0) args.splice(distAt, 2);
const dir = resolve(args[0] ?? join(ROOT, '.cache', 'bench-corpus', 'tree'));
const prefilter = await import(pathToFileURL(join(DIST, 'src', 'scanner', 'prefilter.js')).href);
const { categorize } = await import(pathToFileURL(join(DIST, 'src', 'scanner', 'files.js')).href);
const { DEFAULT_MAX_FILE_SIZE } = await import(pathToFileURL(join(DIST, 'src', 'scanner', 'run.js')).href);
const { readInput } = await import(pathToFileURL(join(DIST, 'src', 'scanner', 'file-pass.js')).href);

const rules = Object.keys(prefilter.RULE_GATES);
const rowTest = (row) => (typeof row === 'function' ? row : () => true);
const tests = rules.map((rule) => [rule, rowTest(prefilter.RULE_GATES[rule])]);
const all = prefilter.createPrefilter(rules);

function* walk(d) {
  for (const entry of readdirSync(d, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name === '.git') continue;
    const p = join(d, entry.name);
    if (entry.isDirectory()) yield* walk(p);
    else if (entry.isFile()) yield p;
  }
}

let files = 0;
let bytes = 0;
const passed = { files: 0, bytes: 0 };
const useSecret = { files: 0, bytes: 0 };
const perRule = new Map(rules.map((rule) => [rule, { files: 0, bytes: 0, only: 0, ms: 0 }]));
const started = performance.now();
for (const path of walk(dir)) {
  if (categorize(path) !== 'code' || /\.min\.[cm]?js$/u.test(path)) continue;
  // Read as the scan reads: oversize, binary and minified files are skipped before any gate.
  const read = readInput(path, 'code', { maxFileSize: DEFAULT_MAX_FILE_SIZE });
  if (!('text' in read)) continue;
  const { text } = read;
  files++;
  bytes += text.length;
  if (prefilter.mayUseSecretName(text)) {
    useSecret.files++;
    useSecret.bytes += text.length;
  }
  const hits = tests
    .filter(([rule, test]) => {
      const before = performance.now();
      const hit = test(text, { filename: path });
      perRule.get(rule).ms += performance.now() - before;
      return hit;
    })
    .map(([rule]) => rule);
  if (!all?.(text, path)) continue;
  passed.files++;
  passed.bytes += text.length;
  for (const rule of hits) {
    const row = perRule.get(rule);
    row.files++;
    row.bytes += text.length;
    if (hits.length === 1) row.only++;
  }
}
const pct = (a, b) => `${((100 * a) / Math.max(1, b)).toFixed(1)}%`;
const mib = (n) => `${(n / 1048576).toFixed(1)} MiB`;
console.log(`${dir}: ${files} code files, ${mib(bytes)} (files over ${DEFAULT_MAX_FILE_SIZE} bytes, *.min.js and minified files left out, as the scan does)`);
console.log(`prefilter lets through ${passed.files} files (${pct(passed.files, files)}), ${mib(passed.bytes)} (${pct(passed.bytes, bytes)} of the bytes)`);
console.log(`may use a secret (cross-file use sites): ${useSecret.files} files, ${pct(useSecret.bytes, bytes)} of the bytes`);
console.log('\nfiles  bytes   alone  gate ms  rule');
for (const [rule, row] of [...perRule].sort((a, b) => b[1].bytes - a[1].bytes)) {
  console.log(`${String(row.files).padStart(5)}  ${pct(row.bytes, bytes).padStart(6)}  ${String(row.only).padStart(5)}  ${String(Math.round(row.ms)).padStart(7)}  ${rule}`);
}
console.log(`\n(${Math.round(performance.now() - started)} ms)`);

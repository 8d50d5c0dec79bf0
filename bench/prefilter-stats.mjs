#!/usr/bin/env node
// How much of a tree the scanner's text prefilter lets through to the parser, and which rule's
// row lets it through: files and bytes per row, for the code files a scan would parse.
//
//   node bench/prefilter-stats.mjs [DIR]        (default: the bench corpus, .cache/bench-corpus/tree)
//
// Reads the built package (dist/): run `npm run build` first.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const dir = resolve(process.argv[2] ?? join(ROOT, '.cache', 'bench-corpus', 'tree'));
const prefilter = await import(pathToFileURL(join(ROOT, 'dist', 'src', 'scanner', 'prefilter.js')).href);
const { categorize } = await import(pathToFileURL(join(ROOT, 'dist', 'src', 'scanner', 'files.js')).href);
const { DEFAULT_MAX_FILE_SIZE } = await import(pathToFileURL(join(ROOT, 'dist', 'src', 'scanner', 'run.js')).href);

const rules = Object.keys(prefilter.RULE_GATES);
const rowTest = (row) => (typeof row === 'function' ? row : (text) => row.some((word) => text.toLowerCase().includes(word.toLowerCase())));
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
const perRule = new Map(rules.map((rule) => [rule, { files: 0, bytes: 0, only: 0 }]));
const started = performance.now();
for (const path of walk(dir)) {
  if (categorize(path) !== 'code' || /\.min\.[cm]?js$/u.test(path)) continue;
  if (statSync(path).size > DEFAULT_MAX_FILE_SIZE) continue;
  const text = readFileSync(path, 'utf8');
  files++;
  bytes += text.length;
  if (prefilter.mayUseSecretName(text)) {
    useSecret.files++;
    useSecret.bytes += text.length;
  }
  if (!all?.(text)) continue;
  passed.files++;
  passed.bytes += text.length;
  const hits = tests.filter(([, test]) => test(text)).map(([rule]) => rule);
  for (const rule of hits) {
    const row = perRule.get(rule);
    row.files++;
    row.bytes += text.length;
    if (hits.length === 1) row.only++;
  }
}
const pct = (a, b) => `${((100 * a) / Math.max(1, b)).toFixed(1)}%`;
const mib = (n) => `${(n / 1048576).toFixed(1)} MiB`;
console.log(`${dir}: ${files} code files, ${mib(bytes)} (files over ${DEFAULT_MAX_FILE_SIZE} bytes and *.min.js left out, as the scan does)`);
console.log(`prefilter lets through ${passed.files} files (${pct(passed.files, files)}), ${mib(passed.bytes)} (${pct(passed.bytes, bytes)} of the bytes)`);
console.log(`may use a secret (cross-file use sites): ${useSecret.files} files, ${pct(useSecret.bytes, bytes)} of the bytes`);
console.log('\nfiles  bytes   alone  rule row');
for (const [rule, row] of [...perRule].sort((a, b) => b[1].bytes - a[1].bytes)) {
  console.log(`${String(row.files).padStart(5)}  ${pct(row.bytes, bytes).padStart(6)}  ${String(row.only).padStart(5)}  ${rule}`);
}
console.log(`\n(${Math.round(performance.now() - started)} ms)`);

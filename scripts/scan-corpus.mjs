#!/usr/bin/env node
// Runs the scanner (dist/, so build first) over each package installed in the false-positive
// corpus and prints every finding with its counts per rule. Nothing is written.
//   node scripts/scan-corpus.mjs [.cache/fp-corpus/node_modules] [package ...]
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { run } from '../dist/src/scanner/index.js';

const corpus = process.argv[2] ?? '.cache/fp-corpus/node_modules';
const only = process.argv.slice(3);
const packages = only.length > 0 ? only : readdirSync(corpus).flatMap((name) => (name.startsWith('@') ? readdirSync(join(corpus, name)).map((sub) => `${name}/${sub}`) : name.startsWith('.') ? [] : [name]));
const byRule = new Map();
let files = 0;
let errors = 0;
const started = Date.now();
for (const name of packages) {
  const dir = join(corpus, name);
  if (!statSync(dir).isDirectory()) continue;
  const result = await run({ cwd: dir });
  files += result.stats.files;
  errors += result.errors.length;
  for (const finding of result.findings) {
    byRule.set(finding.ruleId, (byRule.get(finding.ruleId) ?? 0) + 1);
    console.log(`${name}/${finding.file}:${finding.line}:${finding.column}  ${finding.ruleId}  ${finding.message.slice(0, 160)}`);
    for (const hop of finding.trace ?? []) console.log(`      ${hop.file}:${hop.line}:${hop.column} ${hop.message}`);
  }
}
console.log(`\n${packages.length} packages, ${files} files, ${errors} unscannable, ${Date.now() - started} ms`);
for (const [rule, count] of [...byRule].sort()) console.log(`${String(count).padStart(5)}  ${rule}`);

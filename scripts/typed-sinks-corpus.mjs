#!/usr/bin/env node
// Runs the typed-sinks check (dist/, so build first) over the code each corpus package ships,
// each package taken as an allowJs project: its calls into the catalogued SDKs it depends on are
// checked against their real declarations. Prints every finding and the time per package.
//   node scripts/typed-sinks-corpus.mjs [.cache/fp-corpus/node_modules] [package ...]
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { findTypedSinkFlows } from '../dist/src/scanner/typed-sinks.js';

const corpus = process.argv[2] ?? '.cache/fp-corpus/node_modules';
const only = process.argv.slice(3);
const packages = only.length > 0 ? only : readdirSync(corpus).flatMap((name) => (name.startsWith('@') ? readdirSync(join(corpus, name)).map((sub) => `${name}/${sub}`) : name.startsWith('.') ? [] : [name]));
const options = { allowJs: true, checkJs: false, module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext, target: ts.ScriptTarget.ES2022, noEmit: true, skipLibCheck: true };

function walk(dir, out) {
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules' || name.startsWith('.')) continue;
    const path = join(dir, name);
    const stat = statSync(path);
    if (stat.isDirectory()) walk(path, out);
    else if (/\.(?:[cm]?[jt]s|[jt]sx)$/u.test(name) && !/\.d\.[cm]?ts$/u.test(name) && !name.endsWith('.min.js') && stat.size < 1024 * 1024) out.push(path);
  }
}

let files = 0;
let findings = 0;
const started = Date.now();
for (const name of packages) {
  const dir = join(corpus, name);
  if (!statSync(dir).isDirectory()) continue;
  const fileNames = [];
  walk(dir, fileNames);
  if (fileNames.length === 0) continue;
  files += fileNames.length;
  const before = Date.now();
  const flows = findTypedSinkFlows({
    projects: [{ configFile: join(dir, 'tsconfig.json'), options, fileNames }],
    files: fileNames,
    readText: (path) => readFileSync(path, 'utf8'),
    relative: (path) => relative(corpus, path),
  });
  const elapsed = Date.now() - before;
  if (elapsed > 200 || flows.length > 0) console.log(`${name}: ${fileNames.length} files, ${elapsed} ms, ${flows.length} findings`);
  for (const flow of flows) {
    findings++;
    console.log(`  ${relative(corpus, flow.file)}  ${flow.ruleId}  ${flow.message.slice(0, 200)}`);
    for (const hop of flow.trace) console.log(`      ${hop.file}:${hop.line}:${hop.column} ${hop.message}`);
  }
}
console.log(`\n${packages.length} packages, ${files} files, ${findings} findings, ${Date.now() - started} ms`);

#!/usr/bin/env node
// Runs the committed-config-file detector (the one behind the secretlint rule and the scanner) over
// every JSON, YAML, .env, .properties, .npmrc and INI file of a directory, to look at false
// positives on real packages. Prints masked previews only. Not part of `npm test`.
//
//   node scripts/config-files-corpus.mjs [--corpus .cache/fp-corpus/node_modules] [--dist dist]
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';

const { values } = parseArgs({ options: { corpus: { type: 'string' }, dist: { type: 'string' } } });
const corpus = resolve(values.corpus ?? '.cache/fp-corpus/node_modules');
const dist = resolve(values.dist ?? 'dist');
const { detectConfigFormat, findConfigFileSecrets } = await import(pathToFileURL(join(dist, 'src/detectors/config-files.js')).href);
const { maskSecret } = await import(pathToFileURL(join(dist, 'src/detectors/index.js')).href);

function* walk(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* walk(path);
    else if (entry.isFile()) yield path;
  }
}

let files = 0;
const counts = {};
for (const file of walk(corpus)) {
  if (!detectConfigFormat(file) || statSync(file).size > 2_000_000) continue;
  files++;
  const text = readFileSync(file, 'utf8');
  for (const finding of findConfigFileSecrets(text, { filePath: file })) {
    counts[finding.kind] = (counts[finding.kind] ?? 0) + 1;
    const value = text.slice(finding.range[0], finding.range[1]);
    console.log(`${relative(corpus, file)} ${finding.key} ${finding.kind} ${finding.classification.kind} ${maskSecret(value)}`);
  }
}
console.log(`${files} config files; findings by kind: ${JSON.stringify(counts)}`);

#!/usr/bin/env node
// Lint with ESLint's Node API and a given flat config file; prints one JSON object on stdout.
// usage: node bench/runners/eslint-run.mjs --config FILE --cwd DIR PATTERN...
import { ESLint } from 'eslint';

const args = process.argv.slice(2);
const take = (name) => {
  const i = args.indexOf(name);
  if (i === -1) return undefined;
  const [, v] = args.splice(i, 2);
  return v;
};
const config = take('--config');
const cwd = take('--cwd') ?? process.cwd();
if (!config || args.length === 0) {
  console.error('usage: eslint-run.mjs --config FILE --cwd DIR PATTERN...');
  process.exit(2);
}
const eslint = new ESLint({ cwd, overrideConfigFile: config, cache: false, errorOnUnmatchedPattern: false });
const results = await eslint.lintFiles(args);
let messages = 0;
let fatal = 0;
const byRule = {};
for (const r of results) {
  for (const m of r.messages) {
    if (m.fatal) fatal++;
    else messages++;
    const id = m.ruleId ?? '(parse)';
    byRule[id] = (byRule[id] ?? 0) + 1;
  }
}
process.stdout.write(`${JSON.stringify({ side: 'eslint', files: results.length, messages, fatal, byRule })}\n`);

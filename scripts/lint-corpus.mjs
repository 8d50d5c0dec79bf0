#!/usr/bin/env node
// Lints the JavaScript that third-party packages ship with chosen rules of this plugin, to look at
// false positives on real library code. Not part of `npm test`.
//
//   node scripts/lint-corpus.mjs --rules no-password-grant,require-pkce \
//     --packages openid-client,axios [--corpus .cache/fp-corpus/node_modules] [--dist dist] [--json]
//
// Rules are loaded from `<dist>/rules/<name>.js` (build first: `npm run build`, or
// `npx tsc -p tsconfig.build.json --outDir <dir>` for a private build).
//
// Every .js/.cjs/.mjs file of each package is linted (no .d.ts, no minified bundles: files with a line
// longer than 2000 characters are skipped and counted). Prints each finding with its source line,
// then counts per rule and package.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { Linter } from 'eslint';

const { values } = parseArgs({
  options: {
    rules: { type: 'string' },
    packages: { type: 'string' },
    corpus: { type: 'string' },
    dist: { type: 'string' },
    json: { type: 'boolean' },
  },
});
const corpus = resolve(values.corpus ?? '.cache/fp-corpus/node_modules');
const dist = resolve(values.dist ?? 'dist');
const packages = (values.packages ?? '').split(',').filter(Boolean);
if (packages.length === 0 || !values.rules) {
  console.error('usage: lint-corpus.mjs --rules x,y --packages a,b [--corpus dir] [--dist dir] [--json]');
  process.exit(2);
}
const ruleNames = values.rules.split(',');
const { isTestFile } = await import(pathToFileURL(join(dist, 'src', 'detectors', 'index.js')).href);
const plugin = { rules: {} };
for (const name of ruleNames) plugin.rules[name] = (await import(pathToFileURL(join(dist, 'rules', `${name}.js`)).href)).default;

function* walk(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name === 'node_modules') continue;
      yield* walk(path);
    } else if (/\.(?:c|m)?js$/u.test(entry.name)) {
      yield path;
    }
  }
}

const linter = new Linter({ configType: 'flat', cwd: corpus });
const rules = Object.fromEntries(ruleNames.map((name) => [`credential-hygiene/${name}`, 'error']));
const counts = {};
/** Findings in test files the packages ship (specs, fixtures), per rule. */
const testCounts = {};
const findings = [];
let files = 0;
let skipped = 0;
let parseErrors = 0;
for (const name of packages) {
  const root = join(corpus, name);
  if (!statSync(root, { throwIfNoEntry: false })) {
    console.error(`missing package ${name}`);
    continue;
  }
  for (const file of walk(root)) {
    const text = readFileSync(file, 'utf8');
    if (text.split('\n').some((line) => line.length > 2000)) {
      skipped++;
      continue;
    }
    files++;
    const config = {
      files: ['**/*.js', '**/*.cjs', '**/*.mjs'],
      linterOptions: { noInlineConfig: true, reportUnusedDisableDirectives: 'off' },
      plugins: { 'credential-hygiene': plugin },
      languageOptions: { ecmaVersion: 'latest', sourceType: file.endsWith('.cjs') ? 'commonjs' : 'module', parserOptions: { ecmaFeatures: { jsx: true } } },
      rules,
    };
    let messages = linter.verify(text, config, { filename: file });
    if (messages.some((message) => message.fatal) && !file.endsWith('.cjs')) {
      messages = linter.verify(text, { ...config, languageOptions: { ...config.languageOptions, sourceType: 'script' } }, { filename: file });
    }
    for (const message of messages) {
      if (message.fatal) {
        parseErrors++;
        console.error(`${relative(corpus, file)}: ${message.message}`);
        continue;
      }
      // Notices about the package's own inline directives (ignored here) are not findings.
      if (!message.ruleId?.startsWith('credential-hygiene/')) continue;
      const rule = message.ruleId.replace('credential-hygiene/', '');
      counts[rule] ??= {};
      counts[rule][name] = (counts[rule][name] ?? 0) + 1;
      const line = text.split('\n')[message.line - 1]?.trim().slice(0, 160);
      const test = isTestFile(relative(corpus, file).replace(/^(?:@[^/]+\/)?[^/]+\//u, ''));
      if (test) testCounts[rule] = (testCounts[rule] ?? 0) + 1;
      findings.push({ rule, file: relative(corpus, file), line: message.line, column: message.column, test, source: line, message: message.message });
    }
  }
}
if (values.json) {
  console.log(JSON.stringify({ files, skipped, parseErrors, counts, testCounts, findings }, null, 2));
} else {
  for (const finding of findings) console.log(`${finding.file}:${finding.line}:${finding.column} ${finding.rule}${finding.test ? ' [test file]' : ''}\n    ${finding.source}`);
  console.log(`\n${files} files linted, ${skipped} minified skipped, ${parseErrors} unparsable`);
  for (const rule of ruleNames) {
    const perPackage = counts[rule] ?? {};
    const total = Object.values(perPackage).reduce((sum, count) => sum + count, 0);
    const tests = testCounts[rule] ? `; ${testCounts[rule]} in test files` : '';
    console.log(`${rule}: ${total}${total ? ` (${Object.entries(perPackage).map(([pkg, count]) => `${pkg} ${count}`).join(', ')}${tests})` : ''}`);
  }
}

#!/usr/bin/env node
// Lints the shipped JavaScript of installed third-party packages with the hard-coded-credential
// rules at their `recommended` severities, to count false positives on library code.
//
//   node scripts/lint-corpus.mjs [--corpus DIR] [--plugin PATH] [--rules a,b] [--verbose] [pkg ...]
//
// DIR defaults to ../corpus/node_modules; PATH to ./dist/src/index.js (run `npm run build` first).
// Prints one line per finding (file:line:col, rule, message with masked values only) and counts.
import { readdirSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { ESLint } from 'eslint';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    corpus: { type: 'string' },
    plugin: { type: 'string' },
    rules: { type: 'string' },
    verbose: { type: 'boolean' },
  },
});
const corpus = resolve(values.corpus ?? join(import.meta.dirname, '..', '..', 'corpus', 'node_modules'));
const pluginPath = resolve(values.plugin ?? join(import.meta.dirname, '..', 'dist', 'src', 'index.js'));
const plugin = (await import(pathToFileURL(pluginPath).href)).default;
const ruleNames = values.rules ? values.rules.split(',') : ['no-hardcoded-client-secret', 'no-hardcoded-client-id', 'no-hardcoded-credentials'];
const packages = positionals.length > 0 ? positionals : [
  'googleapis', 'google-auth-library', 'openid-client', 'oauth4webapi', '@azure/msal-node', '@azure/identity',
  'next-auth', 'auth0', 'simple-oauth2', 'passport-oauth2',
];

const MAX_SIZE = 2 * 1024 * 1024;
function listFiles(dir, files = []) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== 'node_modules') listFiles(path, files);
    } else if (/\.(?:c|m)?js$/u.test(entry.name) && !/\.min\.js$/u.test(entry.name) && statSync(path).size <= MAX_SIZE) {
      files.push(path);
    }
  }
  return files;
}

const rules = {};
for (const name of ruleNames) {
  const rule = plugin.rules[name];
  if (!rule) throw new Error(`No rule ${name} in ${pluginPath}`);
  rules[`credential-hygiene/${name}`] = rule.meta.docs?.recommended ?? 'error';
}
const eslint = new ESLint({
  cwd: corpus,
  overrideConfigFile: true,
  overrideConfig: [{ linterOptions: { noInlineConfig: true, reportUnusedDisableDirectives: 'off' }, files: ['**/*.js', '**/*.cjs', '**/*.mjs'], languageOptions: { ecmaVersion: 'latest', sourceType: 'module', parserOptions: { ecmaFeatures: { jsx: true } } }, plugins: { 'credential-hygiene': plugin }, rules }],
  ignore: false,
});

const totals = { files: 0, errors: 0, warnings: 0, parseErrors: 0 };
const started = Date.now();
for (const name of packages) {
  const files = listFiles(join(corpus, name));
  const counts = { errors: 0, warnings: 0, parseErrors: 0 };
  for (let i = 0; i < files.length; i += 50) {
    for (const result of await eslint.lintFiles(files.slice(i, i + 50))) {
      for (const message of result.messages) {
        if (message.ruleId === null) {
          if (message.fatal !== true) continue;
          counts.parseErrors++;
          if (values.verbose) console.log(`  parse ${relative(corpus, result.filePath)}: ${message.message}`);
          continue;
        }
        if (message.severity === 2) counts.errors++;
        else counts.warnings++;
        console.log(`  ${relative(corpus, result.filePath)}:${message.line}:${message.column} ${message.severity === 2 ? 'error' : 'warn'} ${message.ruleId.replace('credential-hygiene/', '')} ${message.message}`);
      }
    }
  }
  totals.files += files.length;
  totals.errors += counts.errors;
  totals.warnings += counts.warnings;
  totals.parseErrors += counts.parseErrors;
  console.log(`${name}: ${files.length} files, ${counts.errors} errors, ${counts.warnings} warnings${counts.parseErrors ? `, ${counts.parseErrors} unparsable` : ''}`);
}
console.log(`total: ${totals.files} files, ${totals.errors} errors, ${totals.warnings} warnings, ${totals.parseErrors} unparsable, ${((Date.now() - started) / 1000).toFixed(1)} s`);

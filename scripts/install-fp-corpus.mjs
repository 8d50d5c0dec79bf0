#!/usr/bin/env node
// Installs the pinned false-positive corpus (scripts/fp-corpus.json) into .cache/fp-corpus, without
// running any install script, for scripts/lint-corpus.mjs, scan-corpus.mjs, typed-sinks-corpus.mjs
// and config-files-corpus.mjs.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const { packages } = JSON.parse(readFileSync(join(root, 'scripts', 'fp-corpus.json'), 'utf8'));
const target = join(root, '.cache', 'fp-corpus');
mkdirSync(target, { recursive: true });
writeFileSync(join(target, 'package.json'), `${JSON.stringify({ name: 'fp-corpus', private: true }, null, 2)}\n`);
const specs = Object.entries(packages).map(([name, version]) => `${name}@${version}`);
execFileSync('npm', ['install', '--prefix', target, '--ignore-scripts', '--no-audit', '--no-fund', '--no-save', ...specs], { stdio: 'inherit' });
console.log(`Installed ${specs.length} packages into ${join(target, 'node_modules')}`);

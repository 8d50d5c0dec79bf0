#!/usr/bin/env node
// Runs the linter on the bundled example project. The example is full of deliberate problems,
// so exit code 1 (findings) is the expected outcome and is reported as success; 2 is an error.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const example = join('examples', 'pos-sync-service');
const scanner = join(root, 'dist', 'src', 'cli', 'bin.js');
const useScanner = existsSync(scanner) && spawnSync(process.execPath, [scanner, 'scan', '--help'], { encoding: 'utf8' }).status === 0;

const [command, args] = useScanner
  ? [process.execPath, [scanner, 'scan', example]]
  : [process.execPath, [join(root, 'node_modules', 'eslint', 'bin', 'eslint.js'), '-c', join(example, 'eslint.config.js'), example]];
const result = spawnSync(command, args, { cwd: root, stdio: 'inherit' });
if (result.status === 1) {
  console.log('\nThe example has deliberate problems: the findings above are expected.');
  process.exit(0);
}
process.exit(result.status ?? 2);

// The package lints itself with its own recommended config (dogfooding). Test fixtures and the
// bundled example hold deliberate fake secrets, so they are excluded here by explicit path.
import { defineConfig } from 'eslint/config';
import tseslint from 'typescript-eslint';
import credentialHygiene from './dist/src/index.js';

export default defineConfig(
  {
    ignores: ['dist/**', 'node_modules/**', 'coverage/**', '.cache/**', 'test/fixtures/**', 'examples/**', 'bench/results/**'],
  },
  {
    files: ['**/*.ts'],
    languageOptions: { parser: tseslint.parser },
  },
  {
    files: ['**/*.{js,mjs,cjs,ts}'],
    plugins: { 'credential-hygiene': credentialHygiene },
    extends: ['credential-hygiene/strict'],
  },
);

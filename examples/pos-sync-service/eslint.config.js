// ESLint set-up for the example, exactly as a user would write it.
import { defineConfig } from 'eslint/config';
import tseslint from 'typescript-eslint';
import credentialHygiene from '../../dist/src/index.js';

export default defineConfig({
  files: ['**/*.ts'],
  languageOptions: { parser: tseslint.parser },
  plugins: { 'credential-hygiene': credentialHygiene },
  extends: ['credential-hygiene/recommended'],
});

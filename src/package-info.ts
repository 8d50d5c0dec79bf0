/**
 * The package's own name and version, read from package.json at run time so they are never
 * hard-coded (ESLint uses plugin `meta` for `--cache` and `--print-config`). The file is found by
 * walking up from this module, which works from `src/` under vitest and from `dist/src/` once built.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface PackageInfo {
  readonly name: string;
  readonly version: string;
  readonly homepage?: string;
}

const PACKAGE_NAME = 'eslint-plugin-credential-hygiene';

function findPackageJson(): PackageInfo {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    try {
      const parsed = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as Partial<PackageInfo>;
      if (parsed.name === PACKAGE_NAME && typeof parsed.version === 'string') {
        return { name: parsed.name, version: parsed.version, ...(parsed.homepage ? { homepage: parsed.homepage } : {}) };
      }
    } catch {
      // No package.json here, or not ours: keep walking up.
    }
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`${PACKAGE_NAME}: cannot find its own package.json above ${fileURLToPath(import.meta.url)}`);
    dir = parent;
  }
}

export const packageInfo: PackageInfo = findPackageJson();

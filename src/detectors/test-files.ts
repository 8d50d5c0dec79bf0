/**
 * Test files get explicit treatment: obvious dummies are allowed there, credential-shaped and
 * known-format values are not.
 */

/** Default globs for test files; rules and the scanner take them from options when set. */
export const DEFAULT_TEST_FILE_PATTERNS: readonly string[] = [
  '**/*.test.*',
  '**/*.spec.*',
  '**/__tests__/**',
  '**/__mocks__/**',
  '**/__fixtures__/**',
  '**/test/**',
  '**/tests/**',
  '**/fixtures/**',
  '**/e2e/**',
  '**/*.stories.*',
  // Helpers and mock servers that only tests load.
  '**/test-utils/**',
  '**/test-helpers/**',
  '**/testing/**',
  '**/mocks/**',
];

const compiled = new Map<string, RegExp>();

/**
 * Converts a glob with `**`, `*` and `?` to a regular expression anchored on path segments.
 * `**` matches any number of segments (including none), `*` anything but `/`.
 */
export function globToRegExp(glob: string): RegExp {
  const cached = compiled.get(glob);
  if (cached) return cached;
  let source = '';
  for (let i = 0; i < glob.length; i++) {
    const char = glob[i] as string;
    if (char === '*') {
      if (glob[i + 1] === '*') {
        const slashAfter = glob[i + 2] === '/';
        source += slashAfter ? '(?:.*/)?' : '.*';
        i += slashAfter ? 2 : 1;
      } else {
        source += '[^/]*';
      }
    } else if (char === '?') {
      source += '[^/]';
    } else if ('\\^$+.()|{}[]'.includes(char)) {
      source += `\\${char}`;
    } else {
      source += char;
    }
  }
  const regExp = new RegExp(`^${source}$`, 'u');
  compiled.set(glob, regExp);
  return regExp;
}

/** Normalises Windows separators and leading `./` so globs see `a/b/c.ts`. */
export function toPosixPath(filePath: string): string {
  return filePath.replace(/\\/gu, '/').replace(/^\.\//u, '');
}

/** Whether `filePath` matches any of `patterns` (globs as in `DEFAULT_TEST_FILE_PATTERNS`). */
export function matchesAnyGlob(filePath: string, patterns: readonly string[]): boolean {
  const posix = toPosixPath(filePath);
  const withSlash = posix.startsWith('/') ? posix : `/${posix}`;
  return patterns.some((pattern) => {
    const regExp = globToRegExp(pattern);
    return regExp.test(posix) || regExp.test(withSlash);
  });
}

/** Whether `filePath` is a test file under the default or the given patterns. */
export function isTestFile(filePath: string | undefined, patterns: readonly string[] = DEFAULT_TEST_FILE_PATTERNS): boolean {
  if (filePath === undefined || filePath === '') return false;
  return matchesAnyGlob(filePath, patterns);
}

import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { applyEdits, positionOf, unifiedDiff } from '../../src/fix/apply/index.js';
import { cleanupProjects, tempDir } from './project.js';

afterAll(cleanupProjects);

/** Applies `diff` to `before` with `git apply` and returns the result. */
function gitApply(before: string, diff: string): string {
  const dir = tempDir();
  mkdirSync(join(dir, 'src'));
  writeFileSync(join(dir, 'src/file.ts'), before);
  writeFileSync(join(dir, 'change.diff'), diff);
  const result = spawnSync('git', ['apply', '--unidiff-zero', 'change.diff'], { cwd: dir, encoding: 'utf8' });
  expect(result.stderr).toBe('');
  return readFileSync(join(dir, 'src/file.ts'), 'utf8');
}

describe('applyEdits', () => {
  it('applies edits in position order and keeps insertions at one offset in the given order', () => {
    expect(applyEdits('abcdef', [{ start: 4, end: 5, text: 'E' }, { start: 0, end: 0, text: '1' }, { start: 0, end: 0, text: '2' }])).toBe('12abcdEf');
  });

  it('refuses overlapping edits', () => {
    expect(() => applyEdits('abcdef', [{ start: 0, end: 3, text: 'x' }, { start: 2, end: 4, text: 'y' }])).toThrow('Overlapping');
  });
});

describe('positionOf', () => {
  it('gives 1-based line and column', () => {
    expect(positionOf('ab\ncd\n', 4)).toEqual({ line: 2, column: 2 });
    expect(positionOf('ab', 0)).toEqual({ line: 1, column: 1 });
  });
});

describe('unifiedDiff', () => {
  const before = ['import a from "a";', '', 'const one = 1;', 'const two = 2;', 'const three = 3;', 'const four = 4;', 'const five = 5;', 'const six = 6;', 'const seven = 7;', 'const eight = "x";', ''].join('\n');

  it('produces hunks that git applies to the exact new text', () => {
    const edits = [
      { start: before.indexOf('\n') + 1, end: before.indexOf('\n') + 1, text: 'import b from "b";\n' },
      { start: before.indexOf('"x"'), end: before.indexOf('"x"') + 3, text: 'env("X")' },
    ];
    const diff = unifiedDiff('src/file.ts', before, edits);
    expect(diff).toBe(
      [
        '--- a/src/file.ts',
        '+++ b/src/file.ts',
        '@@ -1,4 +1,5 @@',
        ' import a from "a";',
        '+import b from "b";',
        ' ',
        ' const one = 1;',
        ' const two = 2;',
        '@@ -7,4 +8,4 @@',
        ' const five = 5;',
        ' const six = 6;',
        ' const seven = 7;',
        '-const eight = "x";',
        '+const eight = env("X");',
        '',
      ].join('\n'),
    );
    expect(gitApply(before, diff)).toBe(applyEdits(before, edits));
  });

  it('merges nearby changes into one hunk and handles a file without a final newline', () => {
    const text = 'a\nb\nc';
    const edits = [
      { start: 0, end: 1, text: 'A' },
      { start: 4, end: 5, text: 'C' },
      { start: 5, end: 5, text: '\nd' },
    ];
    const diff = unifiedDiff('src/file.ts', text, edits);
    expect(diff.match(/^@@/gmu)).toHaveLength(1);
    expect(gitApply(`${text}\n`, diff)).toBe(`${applyEdits(text, edits)}\n`);
  });

  it('shows a new file against /dev/null and an append at the end of a file', () => {
    expect(unifiedDiff('.env.example', undefined, [{ start: 0, end: 0, text: 'A=\nB=\n' }])).toBe('--- /dev/null\n+++ b/.env.example\n@@ -0,0 +1,2 @@\n+A=\n+B=\n');
    const appended = unifiedDiff('src/file.ts', 'x\ny\n', [{ start: 4, end: 4, text: 'z\n' }]);
    expect(appended).toBe('--- a/src/file.ts\n+++ b/src/file.ts\n@@ -1,2 +1,3 @@\n x\n y\n+z\n');
    expect(gitApply('x\ny\n', appended)).toBe('x\ny\nz\n');
  });

  it('is empty when nothing changes', () => {
    expect(unifiedDiff('a', 'x\n', [])).toBe('');
  });
});

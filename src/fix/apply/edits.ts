/**
 * Text edits and the unified diff of a set of edits. The diff is built from the edits themselves
 * (not from a line-matching algorithm), so it shows exactly what the fix changes.
 */
import type { TextEdit } from './types.js';

/** Applies non-overlapping edits to `text`. Throws on overlapping edits: that is a planner bug. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const sorted = sortEdits(edits);
  let result = '';
  let cursor = 0;
  for (const edit of sorted) {
    if (edit.start < cursor || edit.end < edit.start || edit.end > text.length) {
      throw new Error(`Overlapping or out-of-range edit at offset ${edit.start}.`);
    }
    result += text.slice(cursor, edit.start) + edit.text;
    cursor = edit.end;
  }
  return result + text.slice(cursor);
}

/** Sorts edits by position; insertions at the same offset keep their given order. */
export function sortEdits(edits: readonly TextEdit[]): TextEdit[] {
  return edits
    .map((edit, index) => ({ edit, index }))
    .sort((a, b) => a.edit.start - b.edit.start || a.edit.end - b.edit.end || a.index - b.index)
    .map(({ edit }) => edit);
}

/** Offsets at which each line starts. */
function lineStarts(text: string): number[] {
  const starts = [0];
  for (let index = 0; index < text.length; index++) {
    if (text.charCodeAt(index) === 10) starts.push(index + 1);
  }
  return starts;
}

/** 0-based line index of an offset. */
function lineOf(starts: readonly number[], offset: number): number {
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if ((starts[mid] ?? 0) <= offset) low = mid;
    else high = mid - 1;
  }
  return low;
}

/** 1-based line and column of an offset (column in UTF-16 code units, like editors show). */
export function positionOf(text: string, offset: number): { line: number; column: number } {
  const starts = lineStarts(text);
  const line = lineOf(starts, offset);
  return { line: line + 1, column: offset - (starts[line] ?? 0) + 1 };
}

function splitLines(text: string): string[] {
  if (text === '') return [];
  const lines = text.split('\n');
  if (lines.at(-1) === '') lines.pop();
  return lines;
}

interface LineChange {
  /** First changed line of the old text (0-based) and how many old lines it spans. */
  oldStart: number;
  oldCount: number;
}

/**
 * A unified diff (`---`/`+++` headers, `@@` hunks with `context` lines around each change) of
 * `before` against `applyEdits(before, edits)`. `before` is `undefined` for a new file.
 */
export function unifiedDiff(label: string, before: string | undefined, edits: readonly TextEdit[], context = 3): string {
  const oldText = before ?? '';
  const newText = applyEdits(oldText, edits);
  if (oldText === newText) return '';
  const header = `--- ${before === undefined ? '/dev/null' : `a/${label}`}\n+++ b/${label}\n`;
  const oldLines = splitLines(oldText);
  const newLines = splitLines(newText);
  if (before === undefined || oldLines.length === 0) {
    return `${header}@@ -0,0 +1,${newLines.length} @@\n${newLines.map((line) => `+${line}`).join('\n')}\n`;
  }
  const starts = lineStarts(oldText);
  // Each edit touches whole old lines: from the line of its start to the line of its end.
  const changes: LineChange[] = [];
  for (const edit of sortEdits(edits)) {
    const first = lineOf(starts, edit.start);
    const endsAtLineStart = edit.end > edit.start && starts.includes(edit.end);
    const last = Math.max(first, lineOf(starts, edit.end) - (endsAtLineStart ? 1 : 0));
    // Whole lines inserted at a line start (or after the final newline) touch no old line.
    const insertsWholeLines = edit.start === edit.end && edit.text.endsWith('\n') && starts.includes(edit.start) && edit.start < oldText.length;
    const atEnd = edit.start === edit.end && edit.start === oldText.length && oldText.endsWith('\n');
    const oldCount = insertsWholeLines || atEnd ? 0 : last - first + 1;
    const start = atEnd ? oldLines.length : first;
    const previous = changes.at(-1);
    if (previous && start <= previous.oldStart + previous.oldCount) {
      previous.oldCount = Math.max(previous.oldCount, start + oldCount - previous.oldStart);
    } else {
      changes.push({ oldStart: start, oldCount });
    }
  }
  // Group changes whose context overlaps into hunks; map old lines to new lines through the
  // running line delta, computed from the new text of each changed block.
  let output = header;
  let delta = 0;
  let index = 0;
  while (index < changes.length) {
    const group: LineChange[] = [changes[index] as LineChange];
    while (index + 1 < changes.length) {
      const current = group.at(-1) as LineChange;
      const next = changes[index + 1] as LineChange;
      if (next.oldStart - (current.oldStart + current.oldCount) > 2 * context) break;
      group.push(next);
      index++;
    }
    index++;
    const first = group[0] as LineChange;
    const last = group.at(-1) as LineChange;
    const hunkOldStart = Math.max(0, first.oldStart - context);
    const hunkOldEnd = Math.min(oldLines.length, last.oldStart + last.oldCount + context);
    const body: string[] = [];
    let oldCursor = hunkOldStart;
    let newCount = 0;
    const hunkNewStart = hunkOldStart + delta;
    for (const change of group) {
      for (; oldCursor < change.oldStart; oldCursor++) {
        body.push(` ${oldLines[oldCursor] ?? ''}`);
        newCount++;
      }
      const removed = oldLines.slice(change.oldStart, change.oldStart + change.oldCount);
      const newStart = change.oldStart + delta;
      const newBlockLength = newLinesInBlock(oldText, edits, starts, change, oldLines.length);
      const added = newLines.slice(newStart, newStart + newBlockLength);
      for (const line of removed) body.push(`-${line}`);
      for (const line of added) body.push(`+${line}`);
      newCount += added.length;
      delta += added.length - removed.length;
      oldCursor = change.oldStart + change.oldCount;
    }
    for (; oldCursor < hunkOldEnd; oldCursor++) {
      body.push(` ${oldLines[oldCursor] ?? ''}`);
      newCount++;
    }
    const oldCount = hunkOldEnd - hunkOldStart;
    output += `@@ -${oldCount === 0 ? hunkOldStart : hunkOldStart + 1},${oldCount} +${newCount === 0 ? hunkNewStart : hunkNewStart + 1},${newCount} @@\n${body.join('\n')}\n`;
  }
  return output;
}

/** How many lines the old block `change` becomes once the edits inside it are applied. */
function newLinesInBlock(oldText: string, edits: readonly TextEdit[], starts: readonly number[], change: LineChange, oldLineCount: number): number {
  const blockStart = change.oldStart >= oldLineCount ? oldText.length : (starts[change.oldStart] ?? oldText.length);
  const blockEndLine = change.oldStart + change.oldCount;
  const blockEnd = blockEndLine >= starts.length ? oldText.length : (starts[blockEndLine] ?? oldText.length);
  const inside = edits
    .filter((edit) => edit.start >= blockStart && edit.end <= blockEnd)
    .map((edit) => ({ start: edit.start - blockStart, end: edit.end - blockStart, text: edit.text }));
  const block = applyEdits(oldText.slice(blockStart, blockEnd), inside);
  return splitLines(block).length;
}

import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createProgress } from '../../src/cli/scan-command.js';

describe('scan progress', () => {
  beforeEach(() => {
    vi.useFakeTimers({ now: new Date('2026-11-28T00:00:00Z') });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('stays silent for the first two seconds, then shows counts only, and clears its line at the end', () => {
    const written: string[] = [];
    const progress = createProgress({ write: (chunk: string) => written.push(chunk), isTTY: true }, true);
    progress.update(1, 300);
    vi.advanceTimersByTime(1900);
    progress.update(50, 300);
    expect(written).toEqual([]);
    vi.advanceTimersByTime(200);
    progress.update(120, 300);
    progress.update(121, 300);
    vi.advanceTimersByTime(150);
    progress.update(200, 300);
    progress.clear();
    expect(written).toEqual(['\r\u001B[2KScanning… 120/300 files', '\r\u001B[2KScanning… 200/300 files', '\r\u001B[2K']);
  });

  it('writes nothing at all when disabled (piped output, CI, --quiet)', () => {
    const written: string[] = [];
    const progress = createProgress({ write: (chunk: string) => written.push(chunk) }, false);
    vi.advanceTimersByTime(5000);
    progress.update(10, 20);
    progress.clear();
    expect(written).toEqual([]);
  });
});

/**
 * Runs the per-file pass across worker threads. Used for large scans read from the file system
 * (a content provider is a function and cannot cross a thread boundary) and only from the built
 * package, where `worker.js` exists next to this module.
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { CandidateFile } from './files.js';
import type { FileOutcome, FilePassOptions } from './file-pass.js';
import type { WorkerBatch, WorkerResults } from './worker.js';

/**
 * Below this many files, starting workers (each loads ESLint, TypeScript and the rules: about a
 * second of CPU) costs more than it saves; the per-file pass takes about 1.5 ms a file.
 */
export const PARALLEL_THRESHOLD = 2000;
/**
 * Below this much text to parse (what the prefilter lets through), one thread is faster: the
 * parse runs at roughly 0.3–0.5 MB of source a second, so two workers pay for their start-up only
 * from a few megabytes on.
 */
export const PARALLEL_THRESHOLD_BYTES = 2 * 1024 * 1024;
/**
 * From this many files listed, the workers also read and prefilter the files (the main thread
 * only hands out batches): a worker that parses nothing loads no ESLint and starts in about a
 * quarter of a second, which reading and gating a few thousand files repays.
 */
export const PRECHECK_PARALLEL_THRESHOLD = 4000;
const BATCH_SIZE = 32;
const MAX_WORKERS = 4;

const workerUrl = new URL('./worker.js', import.meta.url);

/** Whether worker threads can run here (the compiled worker exists). */
export function workersAvailable(): boolean {
  return workerUrl.protocol === 'file:' && existsSync(fileURLToPath(workerUrl));
}

/**
 * How many workers to start for `fileCount` files to parse; 0 means run in the main thread. With
 * `parseBytes` (the size of the text to parse), the decision is by size instead of by count.
 */
export function workerCountFor(fileCount: number, requested: number | undefined, parseBytes?: number): number {
  if (requested !== undefined) return workersAvailable() ? Math.max(0, Math.floor(requested)) : 0;
  if (fileCount === 0 || (parseBytes === undefined ? fileCount < PARALLEL_THRESHOLD : parseBytes < PARALLEL_THRESHOLD_BYTES) || !workersAvailable()) return 0;
  const cores = availableParallelism();
  return cores > 1 ? Math.min(cores, MAX_WORKERS) : 0;
}

/** Checks `files` on `count` workers; calls `onOutcome` as results arrive, in no particular order. */
export async function checkInWorkers(files: readonly CandidateFile[], count: number, options: FilePassOptions, onOutcome: (path: string, outcome: FileOutcome) => void): Promise<void> {
  let next = 0;
  const takeBatch = (): WorkerBatch | undefined => {
    if (next >= files.length) return undefined;
    const batch = { files: files.slice(next, next + BATCH_SIZE) };
    next += BATCH_SIZE;
    return batch;
  };
  const runWorker = (): Promise<void> =>
    new Promise((resolve, reject) => {
      const worker = new Worker(workerUrl, { workerData: options });
      let settled = false;
      const finish = (error?: Error): void => {
        if (settled) return;
        settled = true;
        void worker.terminate();
        if (error) reject(error);
        else resolve();
      };
      worker.on('message', (results: WorkerResults) => {
        for (const [path, outcome] of results.outcomes) onOutcome(path, outcome);
        const batch = takeBatch();
        if (batch) worker.postMessage(batch);
        else finish();
      });
      worker.on('error', (error) => finish(error));
      worker.on('exit', (code) => finish(code === 0 ? undefined : new Error(`a scanner worker stopped with exit code ${code}`)));
      const first = takeBatch();
      if (first) worker.postMessage(first);
      else finish();
    });
  await Promise.all(Array.from({ length: Math.min(count, Math.ceil(files.length / BATCH_SIZE)) }, runWorker));
}

/**
 * A worker thread of the per-file pass: receives batches of files, answers with one outcome per
 * file. The main thread hands out the next batch when one comes back, so slow files do not hold a
 * whole share of the project.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { CandidateFile } from './files.js';
import { FilePass, type FileOutcome, type FilePassOptions } from './file-pass.js';

export interface WorkerBatch {
  readonly files: readonly CandidateFile[];
}

export interface WorkerResults {
  readonly outcomes: readonly (readonly [string, FileOutcome])[];
}

const pass = new FilePass(workerData as FilePassOptions);
parentPort?.on('message', (batch: WorkerBatch) => {
  const outcomes = batch.files.map((file) => [file.path, pass.check(file)] as const);
  parentPort?.postMessage({ outcomes } satisfies WorkerResults);
});

/**
 * A worker thread of the per-file pass: receives batches of files, answers with one outcome per
 * file. The main thread hands out the next batch when one comes back, so slow files do not hold a
 * whole share of the project. Kept after the pass, it also collects the facts of files the
 * whole-program checks need parsed.
 */
// First: the compile cache must be on before any dependency loads.
import './worker-setup.js';
import { parentPort, workerData } from 'node:worker_threads';
import { flushCompileCache } from '../util/compile-cache.js';
import type { FileFacts } from './facts.js';
import type { CandidateFile } from './files.js';
import { FilePass, loadLinter, type FileOutcome, type FilePassOptions } from './file-pass.js';
import { parsedWithTypeScript } from './parser.js';

export interface WorkerBatch {
  readonly files: readonly CandidateFile[];
  /**
   * A file of the batch that needs a parse and has at least this much text is not parsed here but
   * sent back in `deferred`, so that the main thread can hand out the large parses one by one.
   */
  readonly deferParseFrom?: number;
  /**
   * A file of the batch that needs a parse by TypeScript's parser is sent back in `deferred` too:
   * one worker does those parses, since each worker that does one loads TypeScript and warms its
   * parser (about 0.3 s of CPU).
   */
  readonly deferTypeScriptParse?: boolean;
  /** Code files to read and collect facts of (without the rules). */
  readonly factsOf?: readonly string[];
}

export interface WorkerResults {
  readonly outcomes: readonly (readonly [string, FileOutcome])[];
  /** Files sent back unparsed, with their text length. */
  readonly deferred?: readonly (readonly [string, number])[];
  /** Facts of `factsOf` (undefined for a file that cannot be read); a file that threw is left out. */
  readonly facts?: readonly (readonly [string, FileFacts | undefined])[];
}

const pass = new FilePass(workerData as FilePassOptions);
parentPort?.on('message', async ({ files, deferParseFrom, deferTypeScriptParse, factsOf }: WorkerBatch) => {
  const outcomes: (readonly [string, FileOutcome])[] = [];
  const deferred: (readonly [string, number])[] = [];
  // The main thread sends the next batch only once this one is answered: one batch at a time.
  for (const file of files) {
    const first = pass.precheck(file);
    if ('outcome' in first) outcomes.push([file.path, first.outcome]);
    else if ((deferParseFrom !== undefined && first.pending.text.length >= deferParseFrom) || (deferTypeScriptParse === true && parsedWithTypeScript(file.path))) {
      deferred.push([file.path, first.pending.text.length]);
    } else {
      // A worker whose files all fail the gates never loads the linter.
      await loadLinter();
      outcomes.push([file.path, pass.parse(file, first.pending)]);
    }
  }
  const facts: (readonly [string, FileFacts | undefined])[] = [];
  if (factsOf && factsOf.length > 0) await loadLinter();
  for (const path of factsOf ?? []) {
    try {
      const read = pass.read(path, 'code');
      facts.push([path, 'text' in read ? pass.collectFacts(path, read.text) : undefined]);
    } catch {
      // Left to the main thread, which meets the same exception where it reports it.
    }
  }
  parentPort?.postMessage({ outcomes, deferred, facts } satisfies WorkerResults);
  // The modules this batch compiled for the first time (a worker may be terminated, not exit).
  flushCompileCache();
});

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
import type { FileFacts } from './facts.js';
import { activeCompileCacheDirectory } from '../util/compile-cache.js';
import { parsedWithTypeScript } from './parser.js';
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
export const MAX_WORKERS = 4;

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

/**
 * A file the prefilter lets through and at least this large is not parsed inside its list batch:
 * the worker sends it back, and it is parsed alone, largest first. Bundles sit next to each other
 * in a listing (`dist/compiled/…`), and one batch holding three of them kept one worker parsing
 * for seconds after the other had run out of work.
 */
export const DEFER_PARSE_BYTES = 64 * 1024;
/** A parse batch of small files stops growing at this much text. */
const PARSE_BATCH_BYTES = 256 * 1024;
/**
 * The worker (by start order) that parses the files TypeScript's parser takes, here and in the
 * facts-only parses: the others send theirs back. Each worker that parses one loads TypeScript
 * (a 9 MB bundle) and warms its parser, about 0.3 s of CPU; on the bench corpus both workers did,
 * for 9 files of the pass and 34 of the facts.
 */
const TYPESCRIPT_WORKER = 0;

interface Job {
  readonly file: CandidateFile;
  readonly size: number;
}

/**
 * Checks `files` on `count` workers; calls `onOutcome` as results arrive, in no particular order.
 * With `sizes` (the text length of each file, known when the main thread has prefiltered them),
 * the files are parsed largest first. Without it, the workers read and prefilter the files in
 * batches of the listing and send back the large files that need a parse, which are then handed
 * out one at a time, largest first, before the next listing batch.
 */
export async function checkInWorkers(
  files: readonly CandidateFile[],
  count: number,
  options: FilePassOptions,
  onOutcome: (path: string, outcome: FileOutcome) => void,
  sizes?: readonly number[],
): Promise<void> {
  (await startWorkers(files, count, options, onOutcome, sizes, false))?.close();
}

/** Workers kept after the per-file pass, with ESLint loaded, for the facts-only parses of the whole-program checks. */
export interface FactsWorkers {
  /**
   * The facts of code files (read again by the workers), by path; `undefined` for a file that
   * cannot be read. A file missing from the map was not collected (an exception, a worker gone):
   * the caller collects it itself, with the same result as if it had never asked.
   */
  collectFacts(paths: readonly string[]): Promise<Map<string, FileFacts | undefined>>;
  close(): void;
}

/** Files of one facts-only message to a worker. */
const FACTS_BATCH_SIZE = 4;

/**
 * `checkInWorkers`, keeping the workers (when `keep` is set) for facts-only parses afterwards. The
 * caller should `close()` them; a kept worker never holds the process open on its own. Once
 * `signal` is aborted no batch is handed out, and the promise settles when the batches in hand are
 * done; the files never handed out get no outcome.
 */
export async function checkInKeptWorkers(
  files: readonly CandidateFile[],
  count: number,
  options: FilePassOptions,
  onOutcome: (path: string, outcome: FileOutcome) => void,
  sizes?: readonly number[],
  keep = true,
  signal?: AbortSignal,
): Promise<FactsWorkers | undefined> {
  return startWorkers(files, count, options, onOutcome, sizes, keep, signal);
}

async function startWorkers(
  files: readonly CandidateFile[],
  count: number,
  options: FilePassOptions,
  onOutcome: (path: string, outcome: FileOutcome) => void,
  sizes: readonly number[] | undefined,
  keep: boolean,
  signal?: AbortSignal,
): Promise<FactsWorkers | undefined> {
  /** Workers that finished their share in good order, kept when `keep` is set. */
  const kept: Worker[] = [];
  /** Files still to be read and prefiltered, in listing order. */
  let listed: readonly CandidateFile[] = files;
  let next = 0;
  /** Files to parse, largest first: those TypeScript's parser takes, and the others. */
  const typeScriptParses: Job[] = [];
  const parses: Job[] = [];
  /** The worker that parses TypeScript; undefined once it is gone (then any worker does). */
  let typeScriptWorker: number | undefined = TYPESCRIPT_WORKER;
  let typeScriptKept: Worker | undefined;
  const addParse = (job: Job): void => {
    const queue = parsedWithTypeScript(job.file.path) ? typeScriptParses : parses;
    let at = queue.length;
    while (at > 0 && (queue[at - 1] as Job).size < job.size) at--;
    queue.splice(at, 0, job);
  };
  if (sizes) {
    listed = [];
    files.forEach((file, index) => addParse({ file, size: sizes[index] ?? 0 }));
  }
  let byPath: Map<string, CandidateFile> | undefined;
  const parseBatch = (queue: Job[]): WorkerBatch => {
    const batch: CandidateFile[] = [];
    let bytes = 0;
    while (queue.length > 0 && batch.length < BATCH_SIZE && (batch.length === 0 || bytes + (queue[0] as Job).size <= PARSE_BATCH_BYTES)) {
      const job = queue.shift() as Job;
      batch.push(job.file);
      bytes += job.size;
    }
    return { files: batch };
  };
  /** The next batch for the worker started `index`th. */
  const takeBatch = (index: number): WorkerBatch | undefined => {
    // Stopped: the workers finish the batch in hand and get no other.
    if (signal?.aborted) return undefined;
    const parsesTypeScript = typeScriptWorker === undefined || index === typeScriptWorker;
    if (parsesTypeScript && typeScriptParses.length > 0) return parseBatch(typeScriptParses);
    const largest = parses[0];
    if (largest && (largest.size >= DEFER_PARSE_BYTES || next >= listed.length)) return parseBatch(parses);
    if (next >= listed.length) return undefined;
    const batch = { files: listed.slice(next, next + BATCH_SIZE), deferParseFrom: DEFER_PARSE_BYTES, ...(parsesTypeScript ? {} : { deferTypeScriptParse: true }) };
    next += BATCH_SIZE;
    return batch;
  };
  /** Workers with nothing to do while others may still send back files to parse. */
  const idle: { readonly index: number; readonly send: (batch: WorkerBatch | undefined) => void }[] = [];
  let inFlight = 0;
  const wakeIdle = (): void => {
    for (let at = 0; at < idle.length; ) {
      const { index, send } = idle[at] as (typeof idle)[number];
      const batch = takeBatch(index);
      // Nothing for it yet, but a batch in flight may send back files to parse.
      if (!batch && inFlight > 0) {
        at++;
        continue;
      }
      idle.splice(at, 1);
      if (batch) inFlight++;
      send(batch);
    }
  };
  const runWorker = (_: unknown, index: number): Promise<void> =>
    new Promise((resolve, reject) => {
      const worker = new Worker(workerUrl, { workerData: { ...options, compileCacheDirectory: activeCompileCacheDirectory() } });
      let settled = false;
      const finish = (error?: Error): void => {
        if (settled) return;
        settled = true;
        if (keep && !error) {
          kept.push(worker);
          if (index === typeScriptWorker) typeScriptKept = worker;
          worker.unref();
        } else void worker.terminate();
        // Gone: the others parse its share of TypeScript.
        if (error && index === typeScriptWorker) typeScriptWorker = undefined;
        if (error) reject(error);
        else resolve();
        // A worker gone for good leaves nothing in flight; the others may stop waiting.
        wakeIdle();
      };
      const send = (batch: WorkerBatch | undefined): void => {
        if (batch) worker.postMessage(batch);
        else finish();
      };
      const dispatch = (): void => {
        const batch = takeBatch(index);
        if (batch) {
          inFlight++;
          send(batch);
        } else if (inFlight > 0) idle.push({ index, send });
        else send(undefined);
      };
      worker.on('message', (results: WorkerResults) => {
        inFlight--;
        for (const [path, outcome] of results.outcomes) onOutcome(path, outcome);
        for (const [path, size] of results.deferred ?? []) {
          byPath ??= new Map(files.map((candidate) => [candidate.path, candidate]));
          const file = byPath.get(path);
          if (file) addParse({ file, size });
        }
        dispatch();
        wakeIdle();
      });
      worker.on('error', (error) => {
        inFlight = Math.max(0, inFlight - 1);
        finish(error);
      });
      worker.on('exit', (code) => {
        const at = kept.indexOf(worker);
        if (at !== -1) kept.splice(at, 1);
        finish(code === 0 ? undefined : new Error(`a scanner worker stopped with exit code ${code}`));
      });
      dispatch();
    });
  const close = (): void => {
    for (const worker of kept.splice(0)) void worker.terminate();
  };
  try {
    await Promise.all(Array.from({ length: Math.min(count, Math.max(1, Math.ceil(files.length / BATCH_SIZE))) }, runWorker));
  } catch (error) {
    close();
    throw error;
  }
  if (!keep) return undefined;
  return { close, collectFacts: (paths) => collectFactsIn([...kept], paths, typeScriptKept && kept.includes(typeScriptKept) ? typeScriptKept : undefined) };
}

/**
 * Hands `paths` out to `workers` a few at a time; see `FactsWorkers.collectFacts`. With
 * `typeScriptWorker`, the files TypeScript's parser takes go to it alone (first), the others to
 * every worker.
 */
function collectFactsIn(workers: readonly Worker[], paths: readonly string[], typeScriptWorker?: Worker): Promise<Map<string, FileFacts | undefined>> {
  return new Promise((resolve) => {
    const collected = new Map<string, FileFacts | undefined>();
    const typeScript = typeScriptWorker ? paths.filter((path) => parsedWithTypeScript(path)) : [];
    const others = typeScriptWorker ? paths.filter((path) => !parsedWithTypeScript(path)) : [...paths];
    let busy = workers.length;
    if (busy === 0 || paths.length === 0) {
      resolve(collected);
      return;
    }
    const done = (worker: Worker): void => {
      worker.removeAllListeners('message');
      worker.unref();
      busy--;
      if (busy === 0) resolve(collected);
    };
    /** Sends `worker` its next files; false when none is left for it. */
    const give = (worker: Worker): boolean => {
      const factsOf = worker === typeScriptWorker && typeScript.length > 0 ? typeScript.splice(0, FACTS_BATCH_SIZE) : others.splice(0, FACTS_BATCH_SIZE);
      if (factsOf.length === 0) return false;
      worker.postMessage({ files: [], factsOf } satisfies WorkerBatch);
      return true;
    };
    for (const worker of workers) {
      worker.removeAllListeners('message');
      worker.ref();
      let gone = false;
      // A worker that fails or stops loses its batch; what it did not answer, the caller collects.
      const leave = (): void => {
        if (gone) return;
        gone = true;
        done(worker);
      };
      const finished = (): void => {
        gone = true;
        worker.off('error', leave);
        worker.off('exit', leave);
        done(worker);
      };
      worker.once('error', leave);
      worker.once('exit', leave);
      worker.on('message', (results: WorkerResults) => {
        for (const [path, facts] of results.facts ?? []) collected.set(path, facts);
        if (!gone && !give(worker)) finished();
      });
      if (!give(worker)) finished();
    }
  });
}

/**
 * Set-up a worker thread does before it loads anything else (worker.ts imports this module first):
 * the compile cache of the thread that started it, if that one had it on (see
 * util/compile-cache.ts).
 */
import { workerData } from 'node:worker_threads';
import { enableCompileCache } from '../util/compile-cache.js';

const directory = (workerData as { compileCacheDirectory?: unknown } | null | undefined)?.compileCacheDirectory;
if (typeof directory === 'string') enableCompileCache(directory);

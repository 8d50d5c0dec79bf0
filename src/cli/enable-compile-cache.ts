/**
 * Turns on the compile cache for the command line's own process (see util/compile-cache.ts). The
 * entry point imports this module first, so that it runs before any dependency is loaded.
 */
import { defaultCompileCacheDirectory, enableCompileCache } from '../util/compile-cache.js';

const directory = defaultCompileCacheDirectory();
if (directory !== undefined) enableCompileCache(directory);

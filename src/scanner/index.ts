/** The scanner's public surface: `run()` and its types. */
export { run, DEFAULT_IGNORE, DEFAULT_MAX_FILE_SIZE } from './run.js';
export type { FixTarget, RunOptions, RunResult } from './run.js';
export { ProjectConfigError } from './project-error.js';
export { computeFingerprint, DEFAULT_FINGERPRINT_SALT } from './fingerprint.js';
export type { Finding, ScanError, ScanResult, ScanStats, Severity, TraceHop } from './types.js';

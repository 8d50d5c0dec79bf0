#!/usr/bin/env node
// Prints the plain closing line `N passed, N failed` from vitest's JSON report, so that any CI
// reading the log sees how many tests ran, not only the exit code.
import { readFileSync } from 'node:fs';

const reportPath = process.argv[2] ?? '.cache/vitest-report.json';
try {
  const report = JSON.parse(readFileSync(reportPath, 'utf8'));
  const skipped = (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
  console.log(`vitest: ${report.numPassedTests} passed, ${report.numFailedTests} failed${skipped ? `, ${skipped} skipped` : ''}`);
} catch (error) {
  console.error(`No test report at ${reportPath}: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}

// Loaded with `node --import` when GNU time is not installed: records this process's own
// resource usage (CPU of all its threads, peak RSS) when it exits.
import { writeFileSync } from 'node:fs';

const file = process.env.CH_BENCH_RUSAGE_FILE;
if (file) {
  delete process.env.CH_BENCH_RUSAGE_FILE;
  process.on('exit', () => {
    try {
      writeFileSync(file, JSON.stringify(process.resourceUsage()));
    } catch {
      // best effort
    }
  });
}

import type { ScanResult } from '../../scanner/types.js';

export interface ReporterContext {
  /** The scan's working directory (paths in the result are relative to it). */
  readonly cwd: string;
  /** Only findings at or above the threshold are in the result; reporters keep the summary short. */
  readonly quiet: boolean;
  /** Whether the output is a terminal that understands colours. */
  readonly color: boolean;
}

/** Turns a scan result into the text of one output format. */
export type Reporter = (result: ScanResult, context: ReporterContext) => string;

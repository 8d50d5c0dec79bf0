/**
 * The scanner's result types, shared by `run()`, the reporters, the baseline and the fix
 * command. Keep them stable: the JSON reporter prints them as documented in docs/scanner.md.
 */

export type Severity = 'error' | 'warn';

/** One hop of a cross-file trace: where the value travels through on its way to the sink. */
export interface TraceHop {
  /** Path relative to the scan's cwd, with `/` separators. */
  readonly file: string;
  readonly line: number;
  readonly column: number;
  /** What happens here: "exported as `kensium.clientSecret`", "passed to `discovery`". */
  readonly message: string;
}

export interface Finding {
  /** Rule id without the plugin prefix, e.g. `no-hardcoded-client-secret`. */
  readonly ruleId: string;
  readonly severity: Severity;
  /** Path relative to the scan's cwd, with `/` separators. */
  readonly file: string;
  /** 1-based. */
  readonly line: number;
  /** 1-based. */
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
  /** The message, with only a masked preview of any secret. */
  readonly message: string;
  /** What was found: a credential kind (`client-secret`), a flow id (`password-grant`)… */
  readonly kind: string;
  /** Stable id: rule id + path + a salted hash of the normalised value; never the value. */
  readonly fingerprint: string;
  readonly trace?: readonly TraceHop[];
  /**
   * The unmasked text at the reported range. Present only when the user opts out of masking
   * (`--no-mask`); absent from every output by default.
   */
  readonly secret?: string;
}

export interface ScanError {
  /** Path relative to the scan's cwd, or the config file, or `<run>` for whole-run problems. */
  readonly file: string;
  /** Why: names the reason ("syntax error at 3:14: ','' expected", "permission denied"). */
  readonly message: string;
}

export interface ScanStats {
  /** Files read and checked. */
  readonly files: number;
  /** Files passed over, by reason: `binary`, `minified`, `too-large`, `ignored`. */
  readonly skipped: Readonly<Record<string, number>>;
  readonly durationMs: number;
}

export interface ScanResult {
  readonly findings: readonly Finding[];
  readonly errors: readonly ScanError[];
  readonly stats: ScanStats;
}

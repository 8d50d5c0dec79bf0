/**
 * Types shared by the fix planner, the file writer and the `fix` command. A fix runs in two
 * steps: `planFix` reads files and computes every new file content in memory (nothing is written),
 * then `applyPlan` writes them all or none.
 */
import type { EnvVarNameContext } from '../naming.js';

/** Where a secret should be read from in the fixed code. */
export type LookupStyle = 'process-env' | 'require-env';

/**
 * One hard-coded literal to move into an environment variable, as the scanner reports it.
 * Offsets are UTF-16 code-unit offsets into the file's text without a byte-order mark (what
 * ESLint and the scanner use), `[start, end)` covering the literal itself.
 */
export interface FixTarget {
  /** Absolute path of the file holding the literal. */
  readonly file: string;
  readonly start: number;
  readonly end: number;
  /** Rule id without the plugin prefix, e.g. `no-hardcoded-client-secret`. */
  readonly ruleId: string;
  /** Credential kind: `client-secret`, `client-id`, `password`, `api-key`, `token`… */
  readonly kind: string;
  /**
   * The variable name suggested for this finding (by the ESLint rule's suggestion), final:
   * any prefix is already in it. Used as is unless the project already uses it for another value.
   */
  readonly envName?: string;
  /**
   * Without `envName`: the context to derive the name from with `envVarNameFor` (the prefix and
   * the names already taken are added by the planner).
   */
  readonly naming?: Omit<EnvVarNameContext, 'prefix' | 'taken'>;
  /** True when the file ends up in browser code: such targets are reported, never edited. */
  readonly clientSide: boolean;
  /**
   * True for a test file: reported, never edited, because tests run where no env file exists
   * (CI), and a test value belongs in the test as an obvious dummy.
   */
  readonly testFile?: boolean;
  /** Where the value is used when that is another place than the literal: `src/token.ts:14`. */
  readonly sink?: string;
}

/** A change to a text: replace `[start, end)` of the original with `text`. */
export interface TextEdit {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

/** One file the plan writes. `before` is `undefined` for a file the plan creates. */
export interface PlannedFile {
  /** Absolute path. */
  readonly path: string;
  readonly before: string | undefined;
  readonly after: string;
  /** The edits that turn `before` (or `''`) into `after`, used for the diff. */
  readonly edits: readonly TextEdit[];
  /** Mode for a created file; an existing file keeps its own mode. */
  readonly createMode: number;
  /** What this file is, for the summary. */
  readonly role: 'source' | 'helper' | 'env' | 'example' | 'gitignore';
}

/** A literal that was (or, in a dry run, would be) moved into an environment variable. */
export interface FixedSecret {
  readonly target: FixTarget;
  /** 1-based position of the literal in the original file. */
  readonly line: number;
  readonly column: number;
  readonly envName: string;
  /** Masked preview of the value; the value itself never leaves the plan. */
  readonly masked: string;
  /** True when the value was already in the env file under this name. */
  readonly alreadyInEnvFile: boolean;
}

export type SkipReason = 'client-side' | 'client-id' | 'duplicate' | 'test-file' | 'conflict' | 'not-a-literal' | 'not-replaceable' | 'not-representable' | 'stale' | 'import-clash' | 'helper-clash';

/** A target the plan leaves alone, and why. */
export interface SkippedTarget {
  readonly target: FixTarget;
  readonly line: number;
  readonly column: number;
  readonly reason: SkipReason;
  /** A full sentence; never contains the secret. */
  readonly message: string;
  /** Masked preview of the value when it is known. */
  readonly masked?: string;
}

/** A note about the project (a tracked env file, an existing env file readable by others…). */
export interface PlanNotice {
  readonly file: string;
  readonly message: string;
}

export interface FixPlan {
  readonly cwd: string;
  readonly files: readonly PlannedFile[];
  readonly fixed: readonly FixedSecret[];
  /**
   * Further findings on a literal that moved (a `process.env.X || '…'` fallback that is also a
   * known token format): resolved by the same move, under the same name. Not counted twice.
   */
  readonly sameLiteral?: readonly FixedSecret[];
  readonly skipped: readonly SkippedTarget[];
  readonly notices: readonly PlanNotice[];
  /**
   * Every secret value and every source spelling of it that the plan handled, so that output
   * built from plan contents (diffs, errors) can be redacted. Never print this.
   */
  readonly secrets: readonly string[];
}

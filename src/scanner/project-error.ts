/**
 * The error of a tsconfig that cannot be read or parsed, apart from `project.ts` so that catching
 * it does not load TypeScript.
 */

/** A tsconfig that cannot be read or parsed; the CLI turns it into exit code 2. */
export class ProjectConfigError extends Error {
  constructor(
    readonly configFile: string,
    readonly diagnostic: string,
  ) {
    super(`${configFile}: ${diagnostic}`);
    this.name = 'ProjectConfigError';
  }
}

/**
 * The shape of a sink row: declarative data that names a library API receiving a credential, so
 * that the ESLint rules (through `resolveImportedName`) and the scanner (through a declaration in
 * `node_modules/<pkg>/`) recognise the same sinks. Adding a library is adding a row and a test.
 */
import type { CredentialKind } from '../detectors/index.js';

/** How the sink is invoked: a plain call (`discovery(…)`) or a constructor (`new Configuration(…)`). */
export type SinkInvocation = 'call' | 'new';

/**
 * A place inside a sink call that receives a credential.
 *
 * - `{ arg: 2, kind: 'client-secret' }`: the third argument itself.
 * - `{ arg: 0, path: ['auth', 'clientSecret'], kind: 'client-secret' }`: a property of an object
 *   argument (`{ auth: { clientSecret } }`).
 * - `{ arg: 2, when: 'string', kind: 'client-secret' }`: the argument only when it is a string (the
 *   openid-client `metadata` shorthand: a string third argument is the `client_secret`).
 */
export interface SinkSlot {
  /** Zero-based argument index. */
  readonly arg: number;
  /** Property path inside an object argument; absent when the argument itself is the credential. */
  readonly path?: readonly string[];
  /** `string`: the slot applies only when the value is a string (a shorthand for an object). */
  readonly when?: 'string';
  /** What the slot holds. */
  readonly kind: CredentialKind;
  /**
   * The environment variable the library or provider reads by convention (`AZURE_CLIENT_SECRET`).
   * `{module}` stands for the last segment of the matched module specifier in SCREAMING_SNAKE
   * (`next-auth/providers/github` → `GITHUB`), used for Auth.js `AUTH_{module}_SECRET`.
   */
  readonly envName?: string;
  /**
   * `connection-string`: the value is a URL or `key=value;` connection string whose password part is
   * the credential (`postgres://user:pass@host/db`, `AccountKey=…`).
   */
  readonly format?: 'connection-string';
}

export interface SinkRow {
  /** Stable id, unique in the catalogue: `openid-client/discovery`. */
  readonly id: string;
  /**
   * Module specifiers as written in imports. A row module also matches its subpaths
   * (`@aws-sdk` matches `@aws-sdk/client-s3`, `next-auth/providers` matches
   * `next-auth/providers/google`); an exact module match wins over a subpath match.
   */
  readonly modules: readonly string[];
  /**
   * Export path below the module, as `resolveImportedName` returns it: `['discovery']`,
   * `['google', 'auth', 'OAuth2']`, `[]` for the module itself or its default export. A `'*'`
   * segment matches any one name (`new S3Client(…)` from any `@aws-sdk/client-*`).
   */
  readonly path: readonly string[];
  /**
   * When set, the sink is this method of an instance of the export at `path` (created with `new`,
   * or returned by one of `factories`): `kcAdmin.auth(…)` after `const kcAdmin = new KcAdminClient()`.
   */
  readonly method?: string;
  /** Static methods of the export at `path` that return an instance (`Issuer.discover`). */
  readonly factories?: readonly string[];
  /** How the sink (or the method) is invoked. */
  readonly invocation: SinkInvocation;
  /** Name shown in messages: "passed to `ClientSecretCredential`". */
  readonly label: string;
  readonly slots: readonly SinkSlot[];
  /** Where the row comes from: a section of the sinks reference or the library's source. */
  readonly source?: string;
}

/**
 * An HTTP client call through which a hand-rolled token request is sent. Rules use these to tell a
 * token request (`client_secret` in a body, `auth: { username, password }`, a Basic header).
 */
export interface HttpClientRow {
  readonly id: string;
  /** Module specifiers; empty for a global (`fetch`). */
  readonly modules: readonly string[];
  /** Export paths (as `resolveImportedName` returns them) or, for globals, the global name as a one-segment path. */
  readonly paths: readonly (readonly string[])[];
  /** Whether `paths` name globals rather than exports. */
  readonly global?: boolean;
  /** Argument index of the URL, when the call takes one. */
  readonly urlArg?: number;
  /** Argument indexes that hold a request body or an options object (`{ body, form, json, auth, headers }`). */
  readonly optionArgs: readonly number[];
}

/** What a lookup needs: the resolved callee, as `resolveImportedName` returns it. */
export interface SinkCallee {
  readonly module: string;
  readonly path: readonly string[];
}

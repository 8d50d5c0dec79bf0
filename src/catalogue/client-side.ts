/**
 * Which code runs in the browser, as data. A client secret or the client-credentials grant in a
 * browser bundle is readable by every user (RFC 6749 §10.1, OAuth 2.1 §2.1 and §4.2, OAuth for
 * Browser-Based Apps §6.3.3.1). The ESLint rules collect the facts of one file with their AST; the
 * scanner collects the same facts with the TypeScript compiler API; both ask `classifyModuleSide`.
 */
import { classifySecretName, matchesAnyGlob, toPosixPath, type CredentialKind } from '../detectors/index.js';

export interface PublicEnvPrefix {
  /** The prefix, e.g. `NEXT_PUBLIC_`. */
  readonly prefix: string;
  /** Who inlines variables with this prefix into the client bundle. */
  readonly framework: string;
}

/**
 * Env-var prefixes that build tools inline into client bundles. Longest first, so that
 * `EXPO_PUBLIC_X` is reported as Expo rather than matched by a shorter prefix.
 */
export const PUBLIC_ENV_PREFIXES: readonly PublicEnvPrefix[] = [
  { prefix: 'NEXT_PUBLIC_', framework: 'Next.js' },
  { prefix: 'EXPO_PUBLIC_', framework: 'Expo' },
  { prefix: 'REACT_APP_', framework: 'Create React App' },
  { prefix: 'VUE_APP_', framework: 'Vue CLI' },
  { prefix: 'GATSBY_', framework: 'Gatsby' },
  { prefix: 'NUXT_PUBLIC_', framework: 'Nuxt' },
  { prefix: 'VITE_', framework: 'Vite' },
  { prefix: 'PUBLIC_', framework: 'SvelteKit / Astro' },
];

/** The public prefix of an env-var name, if the name has one. */
export function getPublicEnvPrefix(name: string): PublicEnvPrefix | undefined {
  return PUBLIC_ENV_PREFIXES.find((row) => name.startsWith(row.prefix) && name.length > row.prefix.length);
}

/**
 * Whether an env-var name is a secret that a build tool inlines into the client bundle:
 * `NEXT_PUBLIC_CLIENT_SECRET`, `VITE_API_SECRET`. Client ids are public by design and not counted.
 */
export function isPublicSecretEnvName(name: string): { readonly prefix: PublicEnvPrefix; readonly kind: CredentialKind } | undefined {
  const prefix = getPublicEnvPrefix(name);
  if (!prefix) return undefined;
  const secret = classifySecretName(name.slice(prefix.prefix.length));
  if (!secret || secret.kind === 'client-id') return undefined;
  return { prefix, kind: secret.kind };
}

/** Modules whose import makes a file client-side. Entries ending in `*` match by prefix. */
export const CLIENT_MODULES: readonly string[] = [
  'client-only',
  'react-dom/client',
  '@azure/msal-browser',
  '@azure/msal-react',
  '@auth0/auth0-spa-js',
  '@auth0/auth0-react',
  'oidc-client-ts',
  'oidc-client',
  'react-oidc-context',
  'next-auth/react',
  'react-native',
  'expo-*',
  '$env/static/public',
  '$env/dynamic/public',
];

/** Modules whose import makes a file server-side. */
export const SERVER_MODULES: readonly string[] = [
  'server-only',
  'node:*',
  'fs',
  'fs/promises',
  'child_process',
  'crypto',
  'http',
  'https',
  'net',
  'express',
  'fastify',
  'koa',
  '@hapi/hapi',
  'next/server',
  'next/headers',
  '$env/static/private',
  '$env/dynamic/private',
];

/**
 * React hooks that only run in components rendered on the client: a module that imports one is
 * not a React Server Component, and its code ships to the browser.
 */
export const CLIENT_HOOKS: readonly string[] = ['useState', 'useEffect', 'useLayoutEffect', 'useReducer', 'useSyncExternalStore', 'useTransition', 'useOptimistic'];

/** Globals that exist only in a browser; a reference to one is a medium client signal. */
export const BROWSER_GLOBALS: readonly string[] = ['window', 'document', 'localStorage', 'sessionStorage', 'navigator'];

/**
 * Default client globs (the `clientFiles` option replaces them). Next.js Pages Router components
 * render in the browser too (their `getServerSideProps` bodies do not, see
 * `SERVER_ONLY_FUNCTIONS`); App Router `app/**` files are server components unless they say
 * `'use client'`, so they are not listed.
 */
export const DEFAULT_CLIENT_GLOBS: readonly string[] = [
  '**/src/client/**',
  '**/client/src/**',
  '**/public/**',
  '**/pages/**/*.tsx',
  '**/pages/**/*.jsx',
  '**/*.client.*',
];

/**
 * Files that only run on a server whatever else they contain: Next.js API routes, route handlers
 * and middleware, SvelteKit `+server` / `*.server` modules, Expo Router API routes, Remix
 * `*.server` modules.
 */
export const SERVER_GLOBS: readonly string[] = [
  '**/pages/api/**',
  '**/app/**/route.ts',
  '**/app/**/route.js',
  '**/app/**/route.mjs',
  '**/app/**/route.tsx',
  '**/app/**/route.jsx',
  '**/middleware.ts',
  '**/middleware.js',
  '**/*.server.*',
  '**/+server.*',
  '**/+page.server.*',
  '**/+layout.server.*',
  '**/hooks.server.*',
  '**/*+api.ts',
  '**/*+api.tsx',
  '**/*+api.js',
  '**/app/api/**',
  '**/server/**',
];

/** Function names whose bodies run on the server even inside a client-looking file. */
export const SERVER_ONLY_FUNCTIONS: readonly string[] = [
  'getServerSideProps',
  'getStaticProps',
  'getStaticPaths',
  'getInitialProps',
  'generateMetadata',
  'generateStaticParams',
  'loader',
  'action',
];

/** Facts about one module, collected by the caller from its syntax tree. */
export interface ModuleFacts {
  readonly filePath: string;
  /** Directive prologue strings: `use client`, `use server`. */
  readonly directives: readonly string[];
  /** Module specifiers imported or required (side-effect imports included). */
  readonly importedModules: readonly string[];
  /** Client-only React hooks imported from `react` (see `CLIENT_HOOKS`). */
  readonly clientHooks?: readonly string[];
  /** Browser globals referenced without a local binding. */
  readonly browserGlobals?: readonly string[];
  /** Env names read with a public prefix (`NEXT_PUBLIC_API_URL`). */
  readonly publicEnvReads?: readonly string[];
}

export interface ModuleSideOptions {
  /** Globs for files that are always client code (replace `DEFAULT_CLIENT_GLOBS`). */
  readonly clientFiles?: readonly string[];
  /** Globs for files that are always server code (added to `SERVER_GLOBS`). */
  readonly serverFiles?: readonly string[];
}

export type ModuleSideKind = 'client' | 'server' | 'unknown';

export interface ModuleSide {
  readonly side: ModuleSideKind;
  /** `strong` for directives, imports and globs; `medium` for browser globals and public env reads. */
  readonly strength: 'strong' | 'medium' | 'none';
  /** Short phrase for messages: "the file starts with 'use client'". */
  readonly reason: string;
  /**
   * For server modules: whether the toolchain itself keeps the module out of browser bundles or
   * fails the build when client code imports it (`'use server'`, `server-only`, Node built-ins,
   * SvelteKit `.server` files). A folder called `server/` or a route path is only a convention:
   * client code that imports such a module still ships it.
   */
  readonly bundleSafe?: boolean;
}

/** Server files that SvelteKit refuses to bundle into client code. */
const BUNDLE_SAFE_SERVER_GLOBS: readonly string[] = ['**/*.server.*', '**/+server.*', '**/lib/server/**'];

/** Whether `specifier` is one of `modules` (entries ending in `*` match by prefix). */
export function moduleInList(specifier: string, modules: readonly string[]): boolean {
  return modules.some((entry) => (entry.endsWith('*') ? specifier.startsWith(entry.slice(0, -1)) : specifier === entry));
}

/**
 * Whether a file is server code by its path alone (`SERVER_GLOBS` and the configured server files).
 * `classifyModuleSide` calls such a file server code whatever its text says, so a caller that only
 * needs to know whether a file is client code can skip reading or parsing it.
 */
export function isServerPath(filePath: string, options: Pick<ModuleSideOptions, 'serverFiles'> = {}): boolean {
  return matchesAnyGlob(toPosixPath(filePath), [...SERVER_GLOBS, ...(options.serverFiles ?? [])]);
}

/**
 * Decides where a module runs. Server signals win: a `'use server'` file, a `server-only` import or
 * an API route never ships to the browser, even when it mentions `window`.
 */
export function classifyModuleSide(facts: ModuleFacts, options: ModuleSideOptions = {}): ModuleSide {
  const path = toPosixPath(facts.filePath);
  if (facts.directives.includes('use server')) return { side: 'server', strength: 'strong', reason: "the file starts with 'use server'", bundleSafe: true };
  const serverImport = facts.importedModules.find((specifier) => moduleInList(specifier, SERVER_MODULES));
  if (serverImport !== undefined) return { side: 'server', strength: 'strong', reason: `the file imports '${serverImport}'`, bundleSafe: true };
  if (isServerPath(path, options)) {
    return { side: 'server', strength: 'strong', reason: 'the file is a server route or server module', bundleSafe: matchesAnyGlob(path, BUNDLE_SAFE_SERVER_GLOBS) };
  }
  if (facts.directives.includes('use client')) return { side: 'client', strength: 'strong', reason: "the file starts with 'use client'" };
  const clientImport = facts.importedModules.find((specifier) => moduleInList(specifier, CLIENT_MODULES));
  if (clientImport !== undefined) return { side: 'client', strength: 'strong', reason: `the file imports '${clientImport}'` };
  if (matchesAnyGlob(path, options.clientFiles ?? DEFAULT_CLIENT_GLOBS)) {
    return { side: 'client', strength: 'strong', reason: 'the file matches a client-code glob' };
  }
  const hook = facts.clientHooks?.[0];
  if (hook !== undefined) return { side: 'client', strength: 'strong', reason: `the file uses the client-only React hook \`${hook}\`` };
  const publicRead = facts.publicEnvReads?.[0];
  if (publicRead !== undefined) return { side: 'client', strength: 'medium', reason: `the file reads the public variable ${publicRead}` };
  const browserGlobal = facts.browserGlobals?.[0];
  if (browserGlobal !== undefined) return { side: 'client', strength: 'medium', reason: `the file uses the browser global \`${browserGlobal}\`` };
  return { side: 'unknown', strength: 'none', reason: 'no client or server signal' };
}

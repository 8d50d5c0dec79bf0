/**
 * Which code runs in the browser, as data. A client secret or the client-credentials grant in a
 * browser bundle is readable by every user (RFC 6749 §10.1, OAuth 2.1 §2.1 and §4.2, OAuth for
 * Browser-Based Apps §6.3.3.1). The ESLint rules collect the facts of one file with their AST; the
 * scanner collects the same facts with the TypeScript compiler API; both ask `classifyModuleSide`.
 */
import { classifySecretName, matchesAnyGlob, splitIdentifierWords, toPosixPath, type CredentialKind } from '../detectors/index.js';

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
 * A vendor whose browser key is public by design: the vendor serves it to every visitor and
 * restricts it by origin, by what it can do (search, ingest, render a map) or both.
 */
export interface PublicByDesignKey {
  /** Vendor words as a name splits into them (`GOOGLE_MAPS` → `google maps`); any one of them. `^` anchors them at the start of the name. */
  readonly vendors: readonly string[];
  /** Words after the vendor that name the public key (`api key`, `access token`), any one of them, exactly. */
  readonly keys: readonly string[];
  /** Why the key is public, from the vendor's documentation (see docs/rules/no-secret-in-client-code.md). */
  readonly why: string;
}

/**
 * Browser keys that are public by design. Names that only say `key` (`NEXT_PUBLIC_POSTHOG_KEY`,
 * `SUPABASE_ANON_KEY`, `STRIPE_PUBLISHABLE_KEY`, `RECAPTCHA_SITE_KEY`, `SEGMENT_WRITE_KEY`) name no
 * credential and need no entry; these names say `api key` or `token`. Each entry is exact: the
 * vendor's secret keys (`ALGOLIA_ADMIN_KEY`, `MAPBOX_SECRET_TOKEN`, `AMPLITUDE_SECRET_KEY`,
 * `POSTHOG_PERSONAL_API_KEY`, `DD_API_KEY`) have other words and stay reported, and so does an
 * ambiguous name (`ALGOLIA_API_KEY` may hold the admin key, `GOOGLE_API_KEY` a Gemini key).
 */
export const PUBLIC_BY_DESIGN_KEYS: readonly PublicByDesignKey[] = [
  { vendors: ['firebase'], keys: ['api key', 'web api key', 'browser key', 'web key'], why: 'Firebase web API key: identifies the project; access is enforced by Security Rules and App Check' },
  {
    vendors: ['google maps', 'google places', 'gmaps', 'google maps js', 'google maps javascript', 'google maps platform', '^ maps', '^ places'],
    keys: ['api key', 'js api key', 'javascript api key', 'browser key', 'browser api key'],
    why: 'Google Maps JavaScript API key: loaded in the page, restricted by HTTP referrer and API',
  },
  { vendors: ['mapbox', 'mapbox gl'], keys: ['token', 'access token', 'api token', 'api key', 'public token', 'public access token', 'gl token'], why: 'Mapbox default public token (pk.): scoped to public styles and tiles, restricted by URL; secret tokens are sk.' },
  { vendors: ['maptiler'], keys: ['api key', 'token'], why: 'MapTiler key: used in map style URLs, restricted by origin' },
  {
    vendors: ['algolia', 'typesense', 'meilisearch', 'meili'],
    keys: ['search api key', 'search key', 'search only api key', 'search only key', 'search token', 'public api key', 'public search key'],
    why: 'search-only keys: can only search the indices they are scoped to (admin and write keys are secret)',
  },
  { vendors: ['amplitude'], keys: ['api key', 'browser api key'], why: 'Amplitude project API key: sent by the browser SDK with every event; the secret key is separate' },
  { vendors: ['mixpanel'], keys: ['token', 'project token'], why: 'Mixpanel project token: sent by the browser SDK with every event; the API secret is separate' },
  { vendors: ['posthog'], keys: ['api key', 'project api key', 'project key', 'token'], why: 'PostHog project API key (phc_): write-only ingestion key; personal API keys (phx_) are secret' },
  { vendors: ['datadog', 'dd', 'datadog rum', 'dd rum'], keys: ['client token', 'rum client token', 'rum token'], why: 'Datadog client token: made for browser and mobile SDKs; API and application keys are secret' },
  { vendors: ['rollbar'], keys: ['client token', 'client access token', 'post client item token', 'post client item access token'], why: 'Rollbar post_client_item token: may only post items from a browser' },
  { vendors: ['bugsnag'], keys: ['api key', 'browser api key'], why: 'Bugsnag notifier API key: identifies the project to the browser notifier' },
  { vendors: ['cloudinary'], keys: ['api key'], why: 'Cloudinary API key: not secret on its own, signed uploads need the API secret' },
  { vendors: ['contentful'], keys: ['delivery token', 'delivery access token', 'delivery api key', 'cda token', 'cda access token'], why: 'Contentful Delivery API token: read-only, published content' },
];

/** Words that make a name secret whatever vendor it names. */
const NEVER_PUBLIC_WORDS = new Set(['secret', 'private', 'admin', 'server', 'service', 'management', 'mgmt', 'master', 'personal', 'write', 'sk', 'preview', 'downloads', 'download', 'root']);

/** Key words a `public` / `publishable` qualifier may precede. */
const PUBLIC_QUALIFIED_KEYS = new Set(['token', 'key', 'api key', 'api token', 'access token']);

/** Entry words, split once: vendor sequences and key sequences. */
const PUBLIC_BY_DESIGN_WORDS = PUBLIC_BY_DESIGN_KEYS.map((entry) => ({
  vendors: entry.vendors.map((vendor) => vendor.split(' ')),
  keys: new Set(entry.keys),
}));

/**
 * Whether an env-var or property name names a browser key that is public by design:
 * `NEXT_PUBLIC_FIREBASE_API_KEY`, `VITE_MAPBOX_ACCESS_TOKEN`, `REACT_APP_AMPLITUDE_API_KEY`,
 * `MAPBOX_PUBLIC_TOKEN`. A public env prefix is ignored. The vendor words may follow words of the
 * app's own (`MY_APP_FIREBASE_API_KEY`); a word like `secret`, `admin`, `server` anywhere rules
 * it out (`ALGOLIA_ADMIN_KEY`, `MAPBOX_SECRET_TOKEN`, `FIREBASE_SERVICE_ACCOUNT`).
 */
export function isPublicByDesignName(name: string): boolean {
  const prefix = getPublicEnvPrefix(name);
  const words = splitIdentifierWords(prefix ? name.slice(prefix.prefix.length) : name);
  if (words.length < 2 || words.some((word) => NEVER_PUBLIC_WORDS.has(word))) return false;
  // A key the name itself calls public, right before the key words: `STORYBLOK_PUBLIC_TOKEN`,
  // `ALGOLIA_PUBLIC_API_KEY` (not `GITHUB_PUBLIC_REPO_TOKEN`, a token for public repositories).
  const qualifier = words.findIndex((word) => word === 'public' || word === 'publishable');
  if (qualifier > 0 && PUBLIC_QUALIFIED_KEYS.has(words.slice(qualifier + 1).join(' '))) return true;
  for (const entry of PUBLIC_BY_DESIGN_WORDS) {
    for (const vendor of entry.vendors) {
      // `MAPS_API_KEY` is Google's only as the whole name: not `AZURE_MAPS_API_KEY`.
      const anchored = vendor[0] === '^';
      const first = anchored ? vendor[1] : vendor[0];
      const rest = anchored ? vendor.slice(1) : vendor;
      for (let start = words.indexOf(first as string); start >= 0; start = words.indexOf(first as string, start + 1)) {
        if ((anchored && start > 0) || !rest.every((word, offset) => words[start + offset] === word)) continue;
        if (entry.keys.has(words.slice(start + rest.length).join(' '))) return true;
      }
    }
  }
  return false;
}

/**
 * Vendor secrets whose names hold no credential word the name classifier knows (`key` alone, `service
 * account`), as the words a name splits into after any public prefix: they are reported behind a
 * public prefix like any secret (`NEXT_PUBLIC_SUPABASE_SERVICE_ROLE_KEY` bypasses Row Level Security).
 */
export const VENDOR_SECRET_NAMES: ReadonlyMap<string, CredentialKind> = new Map<string, CredentialKind>([
  ['algolia admin key', 'api-key'],
  ['algolia write key', 'api-key'],
  ['supabase service role key', 'api-key'],
  ['supabase service key', 'api-key'],
  ['firebase service account', 'private-key'],
  ['firebase service account key', 'private-key'],
  ['firebase admin key', 'private-key'],
]);

/**
 * Whether an env-var name is a secret that a build tool inlines into the client bundle:
 * `NEXT_PUBLIC_CLIENT_SECRET`, `VITE_API_SECRET`. Client ids and keys that are public by design
 * (`PUBLIC_BY_DESIGN_KEYS`) are not counted.
 */
export function isPublicSecretEnvName(name: string): { readonly prefix: PublicEnvPrefix; readonly kind: CredentialKind } | undefined {
  const prefix = getPublicEnvPrefix(name);
  if (!prefix) return undefined;
  const rest = name.slice(prefix.prefix.length);
  const vendorSecret = VENDOR_SECRET_NAMES.get(splitIdentifierWords(rest).join(' '));
  if (vendorSecret) return { prefix, kind: vendorSecret };
  const secret = classifySecretName(rest);
  if (!secret || secret.kind === 'client-id' || isPublicByDesignName(name)) return undefined;
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

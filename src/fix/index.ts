export { envVarNameFor } from './naming.js';
export type { EnvVarNameContext } from './naming.js';
export { DEFAULT_REQUIRE_ENV_HELPER, envLookupText, helperImportText, requireEnvHelperSource } from './replacement.js';
export type { EnvLookupOptions, EnvLookupStyle, HelperImportOptions } from './replacement.js';
export { envNamesUsedIn, isClientSideSource, requireEnvImportFix } from './eslint.js';

export { classifySecretValue, isHarmlessValueKind, isReportedCredentialValue } from './classify.js';
export type { ClassifyContext, Confidence, SecretValueClassification, SecretValueKind } from './classify.js';
export { characterClassCount, shannonEntropy } from './entropy.js';
export { findKnownSecrets, isPlausibleKnownSecret } from './known-formats.js';
export type { KnownSecret } from './known-formats.js';
export { maskSecret, redactSecrets, redactValuesInCode } from './mask.js';
export { classifySecretName, CREDENTIAL_KIND_LABELS, kindWithArticle, splitIdentifierWords } from './names.js';
export type { CredentialKind, SecretName } from './names.js';
export { DEFAULT_TEST_FILE_PATTERNS, globToRegExp, isTestFile, matchesAnyGlob, toPosixPath } from './test-files.js';

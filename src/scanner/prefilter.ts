/**
 * The cheap text prefilter: a code file whose text no enabled rule's text gate lets through is not
 * parsed for the per-file rules. The gates live in `src/detectors/text-gates/`, one per rule, and
 * the rules run the same gates first in `create()`, so a skipped file is one on which ESLint would
 * report nothing either. A rule without a gate turns the prefilter off (every file is parsed), so a
 * new rule can never be silently skipped. `test/scanner/prefilter.test.ts` checks that no file
 * with a finding is ever filtered out.
 */
import { mayNameCredential } from '../detectors/text-gates/credential-sites.js';
import { CATALOGUE_MODULE } from '../detectors/text-gates/shared.js';
import { RULE_GATES, type GateContext } from '../detectors/text-gates/index.js';
import { mayReadSecretEnvText, mayUseImportedUnderSecretName } from './program-text.js';

export { RULE_GATES } from '../detectors/text-gates/index.js';

/** The known-format run of `no-hardcoded-credentials` is the costliest gate: it runs last. */
const COSTLY_LAST: readonly string[] = ['no-hardcoded-credentials'];

/**
 * The prefilter for a set of enabled rule ids and their options: `undefined` when some rule has no
 * gate (then nothing is filtered), otherwise a test that says whether a file's text needs parsing.
 */
export function createPrefilter(
  enabledRules: Iterable<string>,
  { reportUnusedDisableDirectives = false, ruleOptions = {} }: { reportUnusedDisableDirectives?: boolean; ruleOptions?: Readonly<Record<string, object | undefined>> } = {},
): ((text: string, filename?: string) => boolean) | undefined {
  const gates: { rule: string; gate: NonNullable<(typeof RULE_GATES)[string]> }[] = [];
  for (const rule of enabledRules) {
    const gate = RULE_GATES[rule];
    if (!gate) return undefined;
    gates.push({ rule, gate });
  }
  gates.sort((a, b) => Number(COSTLY_LAST.includes(a.rule)) - Number(COSTLY_LAST.includes(b.rule)));
  return (text, filename) => {
    // An unused `eslint-disable credential-hygiene/…` comment is itself a report.
    if (reportUnusedDisableDirectives && text.includes('credential-hygiene/')) return true;
    return gates.some(({ rule, gate }) => {
      const options = ruleOptions[rule];
      const context: GateContext = { ...(filename === undefined ? {} : { filename }), ...(options ? { options } : {}) };
      return gate(text, context);
    });
  };
}

/**
 * Whether a file may use a value under a secret name or pass one to a catalogue sink, so be the
 * using end of a cross-file flow (a cheap first test, run on every file the gates pass over):
 * `classifySecretName` needs one of the credential words (found by the search the hard-coded
 * rules' gates have just made of the same text), a sink needs an import of a catalogue module.
 */
export function mayUseSecretName(text: string, filename?: string): boolean {
  return mayNameCredential(text, filename) || CATALOGUE_MODULE.test(text);
}

/**
 * The sharper test, for files that passed `mayUseSecretName` and import another scanned file: the
 * facts rule records a use of an imported value only under a name `classifySecretName` accepts
 * (see `mayUseImportedUnderSecretName`) or at a sink, which needs an import of a catalogue module.
 */
export function mayUseImportedSecretName(text: string): boolean {
  return CATALOGUE_MODULE.test(text) || mayUseImportedUnderSecretName(text);
}

/**
 * Whether a file may read a secret from the environment: a member read or destructuring of an env
 * object under a secret env name (see `mayReadSecretEnvText`).
 */
export function mayReadSecretEnv(text: string, filename?: string): boolean {
  return mayReadSecretEnvText(text, filename);
}

/**
 * Whether a file may be client-side by its text: a directive, a client module, a browser global
 * or a public env prefix from the catalogue. Files that match none (and no client glob) are never
 * roots of the client-bundle walk, so they need no parse for it.
 */
export function createClientSignalTest(words: readonly string[]): (text: string) => boolean {
  const pattern = new RegExp(words.map((word) => word.replace(/\*$/u, '').replace(/[\\^$.*+?()[\]{}|]/gu, '\\$&')).join('|'), 'u');
  return (text) => pattern.test(text);
}

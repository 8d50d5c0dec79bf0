import { DEFAULT_TEST_FILE_PATTERNS } from '../src/detectors/index.js';
import { collectCredentialFindings, findKnownSecretsInSource } from '../src/util/credential-sites.js';
import { createRule } from '../src/util/create-rule.js';
import { mayReport } from '../src/detectors/text-gates/no-hardcoded-credentials.js';
import {
  createHardcodedReporter,
  HARDCODED_MESSAGES,
  HARDCODED_OPTION_PROPERTIES,
  KNOWN_FORMAT_MESSAGE,
  type HardcodedMessageId,
  type HardcodedRuleOptions,
} from '../src/util/hardcoded-report.js';
import { RULE_DOCS } from '../src/rule-docs.js';

export type Options = [HardcodedRuleOptions & { readonly checkKnownFormats?: boolean; readonly checkComments?: boolean }];
export type MessageIds = HardcodedMessageId | 'knownFormat';

/** Client secrets and ids belong to their own rules. */
const OTHER_RULE_KINDS = new Set(['client-secret', 'client-id']);

export default createRule<Options, MessageIds>({
  name: 'no-hardcoded-credentials',
  meta: {
    type: 'problem',
    docs: RULE_DOCS['no-hardcoded-credentials'],
    hasSuggestions: true,
    fixable: 'code',
    messages: { ...HARDCODED_MESSAGES, knownFormat: KNOWN_FORMAT_MESSAGE },
    schema: [
      {
        type: 'object',
        properties: {
          ...HARDCODED_OPTION_PROPERTIES,
          checkKnownFormats: {
            type: 'boolean',
            description: "Report every string that secretlint's recommended preset or the OAuth formats recognise as a token (AWS, GitHub, Slack, Google, Stripe keys, private keys, JWTs, passwords in URLs), wherever it stands.",
          },
          checkComments: { type: 'boolean', description: 'Also look for recognised token formats in comments.' },
        },
        additionalProperties: false,
      },
    ],
    defaultOptions: [{ testFilePatterns: [...DEFAULT_TEST_FILE_PATTERNS], fixToEnv: false, checkKnownFormats: true, checkComments: true }],
  },
  create(context, [options]) {
    // Nothing to report in a file whose text the rule's gate rules out (the scanner skips its parse too).
    if (!mayReport(context.sourceCode.text, { filename: context.filename, options })) return {};
    const reporter = createHardcodedReporter(context, options);
    const checkKnownFormats = options.checkKnownFormats !== false;
    return collectCredentialFindings(context, { isTestFile: () => reporter.isTestFile(), sinks: options.sinks, collectStrings: checkKnownFormats }, (findings, strings) => {
      for (const finding of findings) if (!OTHER_RULE_KINDS.has(finding.site.kind)) reporter.report(finding);
      if (!checkKnownFormats) return;
      const covered = findings.map((finding) => finding.range);
      for (const known of findKnownSecretsInSource(context.sourceCode, strings, context.filename, { comments: options.checkComments !== false })) {
        if (covered.some(([start, end]) => known.range[0] < end && start < known.range[1])) continue;
        reporter.reportKnownFormat(known);
      }
    });
  },
});

import { DEFAULT_TEST_FILE_PATTERNS } from '../src/detectors/index.js';
import { collectCredentialFindings } from '../src/util/credential-sites.js';
import { createRule } from '../src/util/create-rule.js';
import { createHardcodedReporter, HARDCODED_MESSAGES, HARDCODED_OPTION_PROPERTIES, type HardcodedMessageId, type HardcodedRuleOptions } from '../src/util/hardcoded-report.js';
import { mayReport } from '../src/detectors/text-gates/no-hardcoded-client-secret.js';
import { RULE_DOCS } from '../src/rule-docs.js';

export type Options = [HardcodedRuleOptions];
export type MessageIds = HardcodedMessageId;

export default createRule<Options, MessageIds>({
  name: 'no-hardcoded-client-secret',
  meta: {
    type: 'problem',
    docs: RULE_DOCS['no-hardcoded-client-secret'],
    hasSuggestions: true,
    fixable: 'code',
    messages: HARDCODED_MESSAGES,
    schema: [{ type: 'object', properties: HARDCODED_OPTION_PROPERTIES, additionalProperties: false }],
    defaultOptions: [{ testFilePatterns: [...DEFAULT_TEST_FILE_PATTERNS], fixToEnv: false }],
  },
  create(context, [options]) {
    // Nothing to report in a file whose text the rule's gate rules out (the scanner skips its parse too).
    if (!mayReport(context.sourceCode.text, { filename: context.filename, options })) return {};
    const reporter = createHardcodedReporter(context, options);
    return collectCredentialFindings(context, { isTestFile: () => reporter.isTestFile(), sinks: options.sinks }, (findings) => {
      for (const finding of findings) if (finding.site.kind === 'client-secret') reporter.report(finding);
    });
  },
});

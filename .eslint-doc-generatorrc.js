/** @type {import('eslint-doc-generator').GenerateOptions} */
const config = {
  configEmoji: [
    ['recommended', '✅'],
    ['strict', '🔒'],
    ['recommended-type-checked', '☑️'],
  ],
  ruleDocSectionInclude: ['Examples'],
  ruleDocTitleFormat: 'prefix-name',
  urlConfigs: 'https://github.com/credential-hygiene/eslint-plugin-credential-hygiene#configs',
};

export default config;

/**
 * No secret leaves in clear. A fixture project seeded with a distinctive fake secret of every kind
 * the classifier knows goes through each front end, and every byte each one prints, writes or
 * throws is searched for the secrets.
 *
 * Threshold: `maskSecret` shows no character of a value under 16 characters and at most four
 * consecutive characters (head or tail, separated by `…`) of a longer one. So any run of five or
 * more consecutive characters of a secret in an output did not come from a masked preview. The
 * audit flags any 8-character window of a secret of 16 or more characters (margin over the four a
 * preview may show, and long enough that no unrelated text of the outputs matches by chance), and
 * the whole value of a shorter secret.
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { lintSource } from '@secretlint/core';
import { ESLint, type Linter, type Rule } from 'eslint';
import tseslint from 'typescript-eslint';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { classifySecretValue, findKnownSecrets, maskSecret } from '../../src/detectors/index.js';
import plugin from '../../src/index.js';
import secretlintRule from '../../src/secretlint/index.js';
import { writeSeededProject, type SeededProject } from './support/seeded-project.js';
import { findLeaks, leakNeedles, SEEDED_SECRETS } from './support/seeded-secrets.js';

describe('the seeded secrets', () => {
  it.each(SEEDED_SECRETS.map((seed) => [seed.id, seed] as const))('%s is recognised as the kind it stands for', (_id, seed) => {
    if ('knownFormat' in seed.expected) {
      const found = findKnownSecrets(`${seed.slot} = "${seed.value}"`).map((secret) => secret.format);
      expect(found).toContain(seed.expected.knownFormat);
    } else {
      const classification = classifySecretValue(seed.value, { name: seed.slot });
      expect(classification.kind).toBe('credential');
      expect(classification.format).toBe(seed.expected.valueFormat);
    }
  });

  it('are distinct from each other, so a leak names the right one', () => {
    for (const seed of SEEDED_SECRETS) {
      const others = SEEDED_SECRETS.filter((other) => other !== seed);
      expect(others.flatMap((other) => findLeaks(other.value, [seed])), seed.id).toEqual([]);
    }
  });
});

describe('the leak check', () => {
  it('passes every masked preview (the threshold agrees with maskSecret)', () => {
    for (const seed of SEEDED_SECRETS) {
      const previews = [seed.value, seed.secret ?? seed.value].map((value) => maskSecret(value)).join(' ');
      expect(findLeaks(previews, [seed]), seed.id).toEqual([]);
    }
  });

  it('catches a whole secret, a long window of one, and a secret split over lines', () => {
    const seed = SEEDED_SECRETS[0]!;
    expect(findLeaks(`error: ${seed.value}`)).toEqual([`${seed.id} (window 0)`]);
    expect(findLeaks(`…${seed.value.slice(5, 14)}…`).length).toBe(1);
    const pem = SEEDED_SECRETS.find((candidate) => candidate.id === 'private-key')!;
    expect(findLeaks(pem.value.split('\n')[2]!).map((leak) => leak.split(' ')[0])).toContain('private-key');
    expect(leakNeedles(SEEDED_SECRETS.find((candidate) => candidate.id === 'short-password')!)).toHaveLength(1);
  });
});

let project: SeededProject;
beforeAll(() => {
  project = writeSeededProject();
});
afterAll(() => {
  rmSync(project.dir, { recursive: true, force: true });
});

/** Wraps every rule so that the descriptors it reports (with their `data`) are kept for the audit. */
function instrumentedPlugin(reports: Rule.ReportDescriptor[]): typeof plugin {
  const rules = Object.fromEntries(
    Object.entries(plugin.rules).map(([name, rule]) => [
      name,
      {
        ...rule,
        create(context: Rule.RuleContext) {
          const spy = Object.create(context, {
            report: {
              value(descriptor: Rule.ReportDescriptor) {
                reports.push(descriptor);
                context.report(descriptor);
              },
            },
          }) as Rule.RuleContext;
          return (rule as unknown as Rule.RuleModule).create(spy);
        },
      },
    ]),
  );
  return { ...plugin, rules: rules as typeof plugin.rules };
}

describe('ESLint front end', () => {
  let results: ESLint.LintResult[] = [];
  const reports: Rule.ReportDescriptor[] = [];
  let eslint: ESLint;

  beforeAll(async () => {
    const instrumented = instrumentedPlugin(reports);
    eslint = new ESLint({
      cwd: project.dir,
      overrideConfigFile: true,
      overrideConfig: [
        { files: ['**/*.ts'], languageOptions: { parser: tseslint.parser as Linter.Parser } },
        { files: ['**/*.{js,ts}'], plugins: { 'credential-hygiene': instrumented }, rules: plugin.configs.strict.rules ?? {} },
      ],
    });
    results = await eslint.lintFiles(['src/**/*.ts', 'src/**/*.js']);
  }, 60_000);

  function ownMessages(): Linter.LintMessage[] {
    return results.flatMap((result) => result.messages.filter((message) => message.ruleId?.startsWith('credential-hygiene/') === true));
  }

  it('reports seeded secrets, with masked previews', () => {
    expect(ownMessages().length).toBeGreaterThan(0);
    const previews = SEEDED_SECRETS.map((seed) => maskSecret(seed.value));
    expect(ownMessages().some((message) => previews.some((preview) => message.message.includes(preview)))).toBe(true);
  });

  it('puts no secret in messages, suggestion descriptions, fixes or suggestion fixes', () => {
    const text = ownMessages()
      .map((message) => [message.message, message.fix?.text ?? '', ...(message.suggestions ?? []).flatMap((suggestion) => [suggestion.desc, suggestion.fix.text])].join('\n'))
      .join('\n');
    expect(findLeaks(text)).toEqual([]);
  });

  it("puts no secret in a report's data", () => {
    expect(reports.length).toBeGreaterThan(0);
    const data = reports.map((report) =>
      JSON.stringify({
        data: report.data,
        suggest: (report.suggest ?? []).map((suggestion) => ('data' in suggestion ? suggestion.data : undefined)),
      }),
    );
    expect(findLeaks(data.join('\n'))).toEqual([]);
  });

  it('prints no secret through the stylish formatter', async () => {
    const formatter = await eslint.loadFormatter('stylish');
    const output = await formatter.format(results);
    expect(output).toContain('credential-hygiene/');
    expect(findLeaks(output)).toEqual([]);
  });

  it('reports the unparsable file as a parse error without its secrets', () => {
    const broken = results.find((result) => result.filePath.endsWith(join('src', 'broken.ts')));
    expect(broken?.messages.some((message) => message.fatal === true)).toBe(true);
    expect(findLeaks(broken!.messages.map((message) => message.message).join('\n'))).toEqual([]);
  });
});

describe('secretlint front end', () => {
  it.each(['config/kensium.json', 'config/keycloak.json', '.env'])('reports %s with masked previews only', async (file) => {
    const { readFileSync } = await import('node:fs');
    const content = readFileSync(join(project.dir, file), 'utf8');
    const result = await lintSource({
      source: { content, filePath: join(project.dir, file), ext: file.slice(file.lastIndexOf('.')), contentType: 'text' },
      options: { config: { rules: [{ id: secretlintRule.meta.id, rule: secretlintRule as never }] } },
    });
    expect(result.messages.length).toBeGreaterThan(0);
    const text = result.messages.map((message) => `${message.message} ${JSON.stringify(message.data ?? {})}`).join('\n');
    expect(findLeaks(text)).toEqual([]);
  });
});

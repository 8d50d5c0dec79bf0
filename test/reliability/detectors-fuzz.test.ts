/**
 * Any input, no crash: the detection core is fed random and adversarial strings (huge values,
 * every Unicode unit including lone surrogates, control bytes, and the repetitive shapes that make
 * backtracking regular expressions blow up) and must return a well-formed answer every time.
 *
 * Run time per input is measured outside the test suite (docs/security.md records the numbers);
 * a timer in a test would be flaky on a loaded CI machine, so nothing here asserts a duration.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  classifySecretName,
  classifySecretValue,
  CREDENTIAL_KIND_LABELS,
  findKnownSecrets,
  maskSecret,
  redactSecrets,
} from '../../src/detectors/index.js';

const VALUE_KINDS = new Set(['empty', 'placeholder', 'reference', 'dummy', 'weak', 'credential', 'known-format', 'not-secret']);
const CONFIDENCES = new Set(['low', 'medium', 'high']);
const NAME_KINDS = new Set(Object.keys(CREDENTIAL_KIND_LABELS));

/**
 * Fragments that steer the detectors' regular expressions into their slow paths: prefixes of every
 * known format, URL and template syntax, and alternating character classes.
 */
const FRAGMENTS = [
  'eyJ', 'eyJ-', '.', '-', '_', 'AKIA', 'ASIA', 'ghp_', 'github_pat_', 'xoxb-', 'xapp-', 'sk_live_', 'rk_test_', 'sk-', 'sk-ant-',
  'GOCSPX-', 'AIza', '1Q~', 'SG.', 'shpat_', 'npm_', 'ops_', 'lin_api_', '_authToken=', 'x-oauth-basic', 'key', 'account',
  '-----BEGIN PRIVATE KEY-----', '-----END PRIVATE KEY-----', '-----BEGIN RSA PRIVATE KEY-----', 'https://', 'http://a:b@',
  'mongodb://u:p@', 'postgres://', 'mysql://', 'hooks.slack.com/services/', '@', ':', '/', '//', '${', '}', '{{', '}}', '<', '>',
  '[', ']', '%', '$env:', 'op://', 'env:', 'arn:aws:secretsmanager:', '@Microsoft.KeyVault(', ')', 'your_', '_here', 'x', 'X',
  '*', '•', '…', ' ', '\t', '\n', '\r\n', '\u0000', '\u2028', '\ufeff', '\ud800', '\udfff', '🔑', 'é', 'a1', 'A', '0', '=', '+',
  'client_secret', 'clientSecret', 'CLIENT_SECRET', '"', "'", '`', '\\',
];

const fragmentSoup = fc.array(fc.constantFrom(...FRAGMENTS), { maxLength: 60 }).map((parts) => parts.join(''));
const repeatedFragment = fc
  .tuple(fc.constantFrom(...FRAGMENTS), fc.constantFrom(...FRAGMENTS), fc.integer({ min: 1, max: 3000 }))
  .map(([first, second, times]) => `${first}${second}`.repeat(times));
const controlBytes = fc.string({ unit: fc.integer({ min: 0, max: 0x1f }).map((code) => String.fromCharCode(code)), maxLength: 200 });

/** Any string: every code unit (lone surrogates included), graphemes, control bytes and adversarial shapes. */
const anyString = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 300 }),
  fc.string({ unit: 'grapheme', maxLength: 100 }),
  fc.string({ unit: 'binary-ascii', maxLength: 300 }),
  controlBytes,
  fragmentSoup,
  repeatedFragment,
);

const RUNS = { numRuns: 300 };

function expectWellFormedClassification(value: string, name?: string): void {
  const result = classifySecretValue(value, name === undefined ? {} : { name });
  expect(VALUE_KINDS.has(result.kind)).toBe(true);
  expect(CONFIDENCES.has(result.confidence)).toBe(true);
  expect(typeof result.reason).toBe('string');
  // The reason is for messages: it must never carry the value itself.
  if (Array.from(value).length >= 16 && /\d/u.test(value)) expect(result.reason.includes(value)).toBe(false);
  if (result.formatLabel !== undefined && Array.from(value).length >= 16 && /\d/u.test(value)) {
    expect(result.formatLabel.includes(value)).toBe(false);
  }
}

function expectWellFormedKnownSecrets(text: string): void {
  const found = findKnownSecrets(text, { filePath: '/project/config.ts' });
  let previousStart = -1;
  const ranges = new Set<string>();
  for (const secret of found) {
    const [start, end] = secret.range;
    expect(Number.isInteger(start) && Number.isInteger(end)).toBe(true);
    expect(start).toBeGreaterThanOrEqual(0);
    expect(end).toBeGreaterThan(start);
    expect(end).toBeLessThanOrEqual(text.length);
    expect(start).toBeGreaterThanOrEqual(previousStart);
    previousStart = start;
    expect(ranges.has(`${start}:${end}`)).toBe(false);
    ranges.add(`${start}:${end}`);
    expect(secret.label.length).toBeGreaterThan(0);
    // Labels go into messages; a found secret is never part of its own label.
    if (end - start >= 8) expect(secret.label.includes(text.slice(start, end))).toBe(false);
  }
}

describe('detectors on any input', () => {
  it('classifySecretValue always returns a well-formed classification', () => {
    fc.assert(
      fc.property(anyString, fc.option(anyString, { nil: undefined }), (value, name) => expectWellFormedClassification(value, name)),
      RUNS,
    );
  });

  it('classifySecretName returns undefined or a known kind with the words it saw', () => {
    fc.assert(
      fc.property(anyString, (name) => {
        const result = classifySecretName(name);
        if (result === undefined) return;
        expect(NAME_KINDS.has(result.kind)).toBe(true);
        expect(result.words.length).toBeGreaterThan(0);
        for (const word of result.words) expect(word).toMatch(/^[a-z0-9]+$/u);
      }),
      RUNS,
    );
  });

  it('findKnownSecrets returns sorted, distinct ranges inside the text', () => {
    fc.assert(fc.property(anyString, expectWellFormedKnownSecrets), RUNS);
  });

  it('findKnownSecrets finds a real format wherever it is embedded in noise', () => {
    // Assembled at run time: a GitHub token shape, never a literal in the repository.
    const token = ['ghp_', 'q8Zv2LmNx4Rt7YpK', 'w1Bs9DfH3JcA0eUgZ', 'q8v'].join('');
    fc.assert(
      fc.property(anyString, anyString, (before, after) => {
        const text = `${before} ${token} ${after}`;
        const start = before.length + 1;
        const found = findKnownSecrets(text);
        expect(found.some((secret) => secret.range[0] <= start && secret.range[1] >= start + token.length)).toBe(true);
      }),
      { numRuns: 100 },
    );
  });

  it('maskSecret never throws and keeps previews on one line', () => {
    fc.assert(
      fc.property(anyString, (value) => {
        const preview = maskSecret(value);
        expect(preview).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/u);
        expect(preview).toMatch(/ \(\d+ chars\)$/u);
      }),
      RUNS,
    );
  });

  /**
   * The leak audit's threshold rests on this: a preview shows at most four consecutive characters
   * of a value (head or tail, separated by `…`), so five or more consecutive characters of a
   * secret in any output cannot come from a masked preview. The audit uses eight, for margin.
   */
  it('maskSecret never shows five consecutive characters of a secret-alphabet value', () => {
    const secretAlphabet = fc.string({
      unit: fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-+/=~.'),
      minLength: 5,
      maxLength: 120,
    });
    fc.assert(
      fc.property(secretAlphabet, (value) => {
        const preview = maskSecret(value);
        for (let i = 0; i + 5 <= value.length; i++) expect(preview.includes(value.slice(i, i + 5))).toBe(false);
      }),
      RUNS,
    );
  });

  it('redactSecrets removes every given secret from any surrounding text', () => {
    const secretAlphabet = fc.string({ unit: fc.constantFrom(...'ABCDEFabcdef0123456789_-'), minLength: 16, maxLength: 64 });
    fc.assert(
      fc.property(anyString, secretAlphabet, anyString, (before, secret, after) => {
        const redacted = redactSecrets(`${before}${secret}${after}${secret}`, [secret]);
        expect(redacted.includes(secret)).toBe(false);
      }),
      { numRuns: 200 },
    );
  });
});

/** One megabyte of each adversarial shape: these must return (the time is measured, not asserted). */
const HUGE_SHAPES: Record<string, () => string> = {
  'one character repeated': () => 'a'.repeat(1 << 20),
  'a known prefix repeated with a separator': () => 'eyJ-'.repeat(1 << 18),
  'JWT-like segments without an end': () => 'eyJaaaaaaaaaaa.'.repeat(1 << 16),
  'alternating classes': () => 'a1'.repeat(1 << 19),
  'URL user info repeated': () => 'https://a:'.repeat(1 << 17),
  'PEM headers without a body': () => '-----BEGIN PRIVATE KEY-----\n'.repeat(1 << 15),
  'lone surrogates': () => '\ud800'.repeat(1 << 20),
  'control bytes': () => '\u0000\u0001\u001b'.repeat(1 << 18),
  'a megabyte of one line of minified code': () => 'var a=1,b="x";'.repeat(1 << 16),
};

describe('detectors on huge adversarial inputs', () => {
  it.each(Object.keys(HUGE_SHAPES))('returns on %s', (shape) => {
    const text = HUGE_SHAPES[shape]!();
    expectWellFormedKnownSecrets(text);
    expectWellFormedClassification(text, 'clientSecret');
    expect(classifySecretName(text)).toBeUndefined();
    expect(maskSecret(text)).toMatch(/ \(\d+ chars\)$/u);
  });
});

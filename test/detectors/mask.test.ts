import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { maskSecret, redactSecrets } from '../../src/detectors/index.js';

const join = (...parts: string[]): string => parts.join('');

describe('maskSecret', () => {
  it('shows no character of a short value', () => {
    const preview = maskSecret('pos2024!');
    expect(preview).toBe('**** (8 chars)');
  });

  it('shows at most two characters at each end of a medium value', () => {
    const value = join('Zq8vL2mN', 'x4Rt7YpK', 'w1');
    expect(maskSecret(value)).toBe('Zq…w1 (18 chars)');
  });

  it('shows four characters at each end of a long value', () => {
    const value = join('Zq8vL2mNx4Rt7YpK', 'w1Bs9DfH3JcA0eUg', 'A0cE');
    expect(maskSecret(value)).toBe('Zq8v…A0cE (36 chars)');
  });

  it('never reveals more than a quarter of any value, and never the whole', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', minLength: 1, maxLength: 200 }), (value) => {
        const preview = maskSecret(value);
        const length = Array.from(value).length;
        if (length >= 4) expect(preview.includes(value)).toBe(false);
        const shown = preview.replace(/ \(\d+ chars\)$/u, '').replace('…', '').replace(/^\*{4}$/u, '');
        expect(Array.from(shown).length).toBeLessThanOrEqual(Math.floor(length / 4));
      }),
    );
  });

  it('keeps control characters out of the preview', () => {
    expect(maskSecret(join('\n\u0007', 'a'.repeat(30), '\r\n'))).not.toMatch(/[\n\r\u0007]/u);
  });

  it('does not split surrogate pairs', () => {
    const preview = maskSecret('🔑'.repeat(40));
    expect(preview.startsWith('🔑🔑🔑🔑…')).toBe(true);
  });
});

describe('redactSecrets', () => {
  it('replaces every occurrence with the masked preview', () => {
    const secret = join('Zq8vL2mNx4Rt7YpK', 'w1Bs9DfH3JcA0eUg');
    const text = `failed with ${secret} and again ${secret}`;
    const redacted = redactSecrets(text, [secret]);
    expect(redacted.includes(secret)).toBe(false);
    expect(redacted).toContain('Zq8v…0eUg');
  });
});

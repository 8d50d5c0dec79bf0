import { describe, expect, it } from 'vitest';
import { anchoredWords, anchorNeedles, rememberLast } from '../../../src/detectors/text-gates/anchors.js';
import { mayReport, SWITCHES } from '../../../src/detectors/text-gates/no-tls-verification-bypass.js';

describe('no-tls-verification-bypass text gate', () => {
  it('passes every switch the rule reports', () => {
    expect(mayReport('new https.Agent({ rejectUnauthorized: false })')).toBe(true);
    expect(mayReport('request({ strictSSL: !1 })')).toBe(true);
    expect(mayReport("process.env.NODE_TLS_REJECT_UNAUTHORIZED = '0';")).toBe(true);
    expect(mayReport('superagent.get(url).disableTLSCerts()')).toBe(true);
    expect(mayReport('tls.connect({ checkServerIdentity: () => undefined })')).toBe(true);
    for (const name of SWITCHES) expect(mayReport(`x.${name}`), name).toBe(true);
  });

  it('stops text without them', () => {
    expect(mayReport('const agent = new https.Agent({ keepAlive: true, ca }); // TLS, SSL, unauthorized')).toBe(false);
  });
});

describe('anchored word search', () => {
  it('finds each word wherever it is, through few needles', () => {
    const words = ['alpha', 'Zeta', 'quiz', 'jazz'].map((word) => ({ word }));
    const test = anchoredWords(words);
    expect(anchorNeedles(words).length).toBeLessThan(words.length);
    for (const { word } of words) {
      expect(test(`${word}`), word).toBe(true);
      expect(test(`the ${word} at the end`), word).toBe(true);
    }
    expect(test('alph Zet qui jaz')).toBe(false);
  });

  it('counts a hit only when it is accepted, and goes on to the next hit', () => {
    const test = anchoredWords([{ word: 'zip', accept: (text, start) => text.charAt(start + 3) === '!' }]);
    expect(test('zip zip zip!')).toBe(true);
    expect(test('zip zip zip')).toBe(false);
  });

  it('remembers only the last text', () => {
    let calls = 0;
    const test = rememberLast((text) => {
      calls++;
      return text.length > 2;
    });
    expect([test('abc'), test('abc'), test('a'), test('abc')]).toEqual([true, true, false, true]);
    expect(calls).toBe(3);
  });
});

import { describe, expect, it } from 'vitest';
import { DYNAMIC_PART, isLoopbackHost, parseQueryText, parseUrlQuery, parseUrlText } from '../../src/util/urls.js';

describe('parseUrlText', () => {
  it('splits scheme, host and path, without port, userinfo or query', () => {
    expect(parseUrlText('HTTP://user:pw@erp.example.com:8080/identity/connect/token?x=1')).toEqual({
      scheme: 'http',
      host: 'erp.example.com',
      dynamicHost: false,
      path: '/identity/connect/token',
    });
    expect(parseUrlText('http://[::1]:3000/cb')).toMatchObject({ host: '[::1]', path: '/cb' });
  });

  it('marks a host that is a template expression as dynamic', () => {
    expect(parseUrlText(`https://${DYNAMIC_PART}/oauth/token`)).toMatchObject({ host: '', dynamicHost: true, path: '/oauth/token' });
  });

  it('returns undefined for relative URLs and prose', () => {
    expect(parseUrlText('/oauth/token')).toBeUndefined();
    expect(parseUrlText('see http://example.com')).toBeUndefined();
  });
});

describe('isLoopbackHost', () => {
  it('accepts the loopback names and addresses of OAuth 2.1 §8.4.2', () => {
    for (const host of ['localhost', 'LOCALHOST', '127.0.0.1', '127.1.2.3', '[::1]', 'pos.localhost']) expect(isLoopbackHost(host)).toBe(true);
  });

  it('rejects other hosts', () => {
    for (const host of ['0.0.0.0', '10.0.0.1', 'localhost.example.com', 'erp.internal', '']) expect(isLoopbackHost(host)).toBe(false);
  });
});

describe('parseQueryText', () => {
  it('decodes names and values of a form body', () => {
    expect(parseQueryText('grant_type=client_credentials&scope=api%20pos.orders&x=')).toEqual([
      { name: 'grant_type', value: 'client_credentials' },
      { name: 'scope', value: 'api pos.orders' },
      { name: 'x', value: '' },
    ]);
  });

  it('skips dynamic parts that stand for whole pairs', () => {
    expect(parseQueryText(`a=1&${DYNAMIC_PART}&b=${DYNAMIC_PART}`)).toEqual([
      { name: 'a', value: '1' },
      { name: 'b', value: DYNAMIC_PART },
    ]);
  });

  it('rejects text that is not a query', () => {
    expect(parseQueryText('const a = b')).toBeUndefined();
    expect(parseQueryText('hello world')).toBeUndefined();
    expect(parseQueryText('a=b&not a pair')).toBeUndefined();
  });
});

describe('parseUrlQuery', () => {
  it('reads the query of absolute, relative and template URLs', () => {
    expect(parseUrlQuery('https://pos.example.com/authorize?response_type=code#frag')?.parameters).toEqual([{ name: 'response_type', value: 'code' }]);
    expect(parseUrlQuery('/authorize?client_id=pos')?.base).toBe('/authorize');
    expect(parseUrlQuery(`${DYNAMIC_PART}?page=${DYNAMIC_PART}`)?.parameters).toEqual([{ name: 'page', value: DYNAMIC_PART }]);
  });

  it('needs a URL-like base before the question mark', () => {
    expect(parseUrlQuery('Why not use ?page=x')).toBeUndefined();
    expect(parseUrlQuery('grant_type=authorization_code')).toBeUndefined();
  });
});

import { describe, expect, it } from 'vitest';
import { FLOW_API_ROWS } from '../../../src/catalogue/flows.js';
import { mayReport, ROWS } from '../../../src/detectors/text-gates/no-offline-access-with-client-credentials.js';

describe('no-offline-access-with-client-credentials text gate', () => {
  it('passes offline_access or offlineToken with a client-credentials grant', () => {
    expect(mayReport("const body = { grant_type: 'client_credentials', scope: 'api offline_access' };")).toBe(true);
    expect(mayReport("kc.grant({ grant_type: 'client_credentials', offlineToken: true })")).toBe(true);
  });

  it('passes offline_access with a catalogue client-credentials API', () => {
    expect(ROWS).toEqual(FLOW_API_ROWS.filter((row) => row.pattern === 'client-credentials'));
    for (const row of ROWS) {
      const name = row.method ?? row.path?.at(-1) ?? '';
      for (const module of row.modules) {
        expect(mayReport(`import * as lib from '${module}';\nawait lib.${name}(a, { scope: 'api offline_access' }, c, d);`), `${row.id} ${module}`).toBe(true);
      }
      expect(mayReport(`await lib.${name}(a, { scope: 'api offline_access' });`), `${row.id} without import`).toBe(false);
    }
  });

  it('stops offline_access in an authorization-code flow and bundle text', () => {
    expect(mayReport("authorize({ response_type: 'code', scope: 'openid offline_access' })")).toBe(false);
    expect(mayReport("if (!navigator.onLine) showOffline(); const grant_type = 'client_credentials';")).toBe(false);
  });
});

/**
 * Text gate of `no-offline-access-with-client-credentials`. Every report needs `offline_access` in
 * a scope or `offlineToken: true`, and a client-credentials request: the grant type
 * (`GRANT_TYPES.clientCredentials`) or a catalogue client-credentials API (its name and an import
 * of its module).
 */
import { FLOW_API_ROWS, GRANT_TYPES } from '../../catalogue/flows.js';
import { anchoredWords, rememberLast } from './anchors.js';
import { flowApiWords } from './flow-text.js';

/** The catalogue rows the rule matches calls against. */
export const ROWS = FLOW_API_ROWS.filter((row) => row.pattern === 'client-credentials');

const mayCallClientCredentialsApi = anchoredWords(flowApiWords(ROWS));
const mayBeClientCredentials = rememberLast((text) => GRANT_TYPES.clientCredentials.some((value) => text.includes(value)) || mayCallClientCredentialsApi(text));

export const mayReport: (text: string) => boolean = anchoredWords(['offline_access', 'offlineToken'].map((word) => ({ word, accept: (text: string) => mayBeClientCredentials(text) })));

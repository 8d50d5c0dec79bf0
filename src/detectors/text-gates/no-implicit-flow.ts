/**
 * Text gate of `no-implicit-flow`. The rule reports a response type with `token` under a
 * `response_type`/`response_types` name (object key, `.set()`, query string: every spelling of the
 * name contains `response_type` in some case), and the catalogue's implicit-flow APIs, which need
 * the API's name and an import of its module.
 */
import { FLOW_API_ROWS } from '../../catalogue/flows.js';
import { anchoredWords } from './anchors.js';
import { flowApiWords, mentionsResponseType } from './flow-text.js';

/** The catalogue rows the rule matches calls against. */
export const ROWS = FLOW_API_ROWS.filter((row) => row.pattern === 'implicit-flow');

const mayCallImplicitApi = anchoredWords(flowApiWords(ROWS));

export function mayReport(text: string): boolean {
  return mentionsResponseType(text) || mayCallImplicitApi(text);
}

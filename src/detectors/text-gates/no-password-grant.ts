/**
 * Text gate of `no-password-grant`. The rule reports:
 * - a password grant type (`GRANT_TYPES.password`, every value of which contains `password`) under
 *   a `grant_type` name (object key, `.set()`, query string);
 * - an HTTP call whose URL string ends in Acumatica's `/entity/auth/login` (the rule looks for that
 *   text in the string);
 * - the catalogue's password-grant APIs, which need the API's name and an import of its module.
 */
import { FLOW_API_ROWS } from '../../catalogue/flows.js';
import { anchoredWords, type AnchoredWord } from './anchors.js';
import { flowApiWords, mentionsGrantType } from './flow-text.js';

/** The catalogue rows the rule matches calls against. */
export const ROWS = FLOW_API_ROWS.filter((row) => row.pattern === 'password-grant');

/** The text the rule's string check requires for the Acumatica sign-in. */
export const ACUMATICA_LOGIN_TEXT = '/entity/auth/login';

/** A word every password grant type value contains (`password`, Auth0's `…/grant-type/password-realm`). */
export const GRANT_VALUE_WORD = 'password';

const grantValue: AnchoredWord = { word: GRANT_VALUE_WORD, accept: (text) => mentionsGrantType(text) };

export const mayReport: (text: string) => boolean = anchoredWords([grantValue, { word: ACUMATICA_LOGIN_TEXT }, ...flowApiWords(ROWS)]);

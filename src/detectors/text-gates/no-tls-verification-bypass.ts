/**
 * Text gate of `no-tls-verification-bypass`: the names of the switches it reports (options,
 * assignments, the environment variable, superagent's method), each found through a rare letter.
 */
import { anchoredWords } from './anchors.js';

/** Every name the rule reports under. */
export const SWITCHES = ['rejectUnauthorized', 'strictSSL', 'NODE_TLS_REJECT_UNAUTHORIZED', 'disableTLSCerts', 'checkServerIdentity'];

export const mayReport: (text: string) => boolean = anchoredWords(SWITCHES.map((word) => ({ word })));

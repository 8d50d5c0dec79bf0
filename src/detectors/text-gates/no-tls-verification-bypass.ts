/**
 * Text gate of `no-tls-verification-bypass`: the switches it reports.
 */
export function mayReport(text: string): boolean {
  return /rejectUnauthorized|strictSSL|NODE_TLS_REJECT_UNAUTHORIZED|disableTLSCerts|checkServerIdentity/u.test(text);
}

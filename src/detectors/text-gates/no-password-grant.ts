/**
 * Text gate of `no-password-grant`: a password (grant type, class or method) or the Acumatica login path.
 */
export function mayReport(text: string): boolean {
  return /password|owner\.getToken|entity\/auth\/login/iu.test(text);
}

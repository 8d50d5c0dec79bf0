/**
 * Text gate of `no-offline-access-with-client-credentials`: `offline_access` or `offlineToken`.
 */
export function mayReport(text: string): boolean {
  return text.includes('offline');
}

/**
 * Text gate of `no-implicit-flow`: `response_type` or simple-oauth2's `token.get`.
 */
export function mayReport(text: string): boolean {
  return /response[_-]?type|\.token\.get/iu.test(text);
}

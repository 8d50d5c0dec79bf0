/**
 * Describes a `JSON.parse` failure without quoting the input. V8's messages quote up to ten
 * characters around the error (`Unexpected token 'K', "{"a": Kx7pQ2vR9s"... is not valid JSON`),
 * which would print part of a secret when the file given as a config or baseline holds one.
 */
export function describeJsonError(error: unknown, text: string): string {
  const message = error instanceof Error ? error.message : '';
  const position = /\bat position (\d+)/u.exec(message);
  const reason = message
    .replace(/, (?:\.\.\.)?".*"(?:\.\.\.)? is not valid JSON$/su, '')
    .replace(/ in JSON at position \d+.*$/su, '')
    .replace(/ at position \d+.*$/su, '');
  const what = reason === '' || reason.length > 80 ? 'not valid JSON' : reason;
  if (!position) return what;
  const offset = Math.min(Number(position[1]), text.length);
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  const column = offset - before.lastIndexOf('\n');
  return `${what} at line ${line}, column ${column}`;
}

/**
 * A filter's text for Prisma's `contains` / `startsWith`, which become LIKE patterns: `%` and `_`
 * would match any text there, so they (and the escape character) are escaped to mean themselves.
 */
export function likeLiteral(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

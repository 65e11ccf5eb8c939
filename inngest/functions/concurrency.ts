/** PIPELINE_CONCURRENCY, read when the functions are defined (also at build time, so not through env()). */
export function pipelineConcurrency(source: Record<string, string | undefined> = process.env): number {
  const n = Number(source.PIPELINE_CONCURRENCY ?? 1);
  return Number.isInteger(n) && n >= 1 && n <= 16 ? n : 1;
}

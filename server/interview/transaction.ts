/**
 * The candidate's writes wait in line for the database rather than fail: on the embedded engine,
 * which runs one transaction at a time, a burst of submits queues for a few seconds. Past
 * `maxWait` Prisma gives up (P2028) and the request is answered 503 with Retry-After
 * (server/overload/overload.ts), which the page waits out.
 */
export const CANDIDATE_TRANSACTION = { maxWait: 5_000, timeout: 10_000 } as const;

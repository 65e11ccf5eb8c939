// Shared by the tRPC endpoint and the browser's client: plain values only.

/** The most calls one request may batch. */
export const TRPC_MAX_BATCH = 20;
/** What the browser's httpBatchLink puts in one request, under the server's limit. */
export const TRPC_CLIENT_BATCH = 10;
/** The largest body: an avatar (512 KB, base64) is the biggest input any procedure takes. */
export const TRPC_MAX_BODY_BYTES = 1024 * 1024;

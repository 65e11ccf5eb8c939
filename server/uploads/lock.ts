// Chunks of one upload are appended to one file, so two requests for the same upload must never
// write at once (a client retrying while its first attempt is still streaming). The database
// guard (WHERE nextChunk = index) rejects the loser, but only after both wrote to the file.
// Hence a per-upload queue: the retry waits, then sees its chunk already stored and is
// acknowledged. The queue lives on globalThis because Next.js may load this module once per route.
// It serialises within one server process, which the staging files on local disk imply anyway.

const globalForLocks = globalThis as unknown as { __uploadLocks?: Map<string, Promise<void>> };
const tails = (globalForLocks.__uploadLocks ??= new Map<string, Promise<void>>());

export async function withUploadLock<T>(uploadId: string, work: () => Promise<T>): Promise<T> {
  const previous = tails.get(uploadId) ?? Promise.resolve();
  let release!: () => void;
  const mine = new Promise<void>((resolve) => {
    release = resolve;
  });
  const tail = previous.then(() => mine);
  tails.set(uploadId, tail);
  await previous;
  try {
    return await work();
  } finally {
    release();
    if (tails.get(uploadId) === tail) tails.delete(uploadId);
  }
}

import { mkdir } from "node:fs/promises";
import { PGlite } from "@electric-sql/pglite";
import { vector } from "@electric-sql/pglite-pgvector";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";

// PGlite runs one query at a time; the socket server multiplexes this many client connections
// onto it, and the app's pool must never open more (see server/db/client.ts).
export const EMBEDDED_MAX_CONNECTIONS = 4;

export type EmbeddedPostgres = { url: string; db: PGlite; stop: () => Promise<void> };

type QueuedMessage = {
  handlerId: number;
  message: Uint8Array;
  resolve: (bytes: number) => void;
  reject: (error: unknown) => void;
  onData: (data: Uint8Array) => void;
};
type QueryQueue = {
  queue: QueuedMessage[];
  processing: boolean;
  lastHandlerId: number | null;
  db: PGlite;
  processQueue: () => Promise<void>;
  clearQueueForHandler: (handlerId: number) => void;
};

// Frontend messages after which a connection may be interleaved with another: Sync ends an
// extended-protocol sequence, Query is a whole simple query, Terminate ends the connection.
const SEQUENCE_ENDS = new Set(["S", "Q", "X"].map((c) => c.charCodeAt(0)));

/**
 * pglite-socket@0.2.17 multiplexes its connections onto the one PGlite session message by message,
 * keeping a connection's messages together only inside a transaction. Between two connections'
 * Parse and Bind, the other's Parse replaces the session's unnamed prepared statement ("bind message
 * supplies 5 parameters, but prepared statement "" requires 3"), which the pipeline's concurrent
 * queries made happen under load. This keeps each connection's extended-protocol sequence (up to
 * its Sync) together as well, exactly as the library keeps a transaction together; the version is
 * pinned, and tests/integration/embedded-socket.test.ts fails if the queue's shape changes.
 */
export function keepSequencesTogether(queue: QueryQueue): void {
  let midSequence: number | null = null;
  const clear = queue.clearQueueForHandler.bind(queue);
  // A connection that closes mid-sequence must not hold the others back.
  queue.clearQueueForHandler = (handlerId: number) => {
    if (midSequence === handlerId) midSequence = null;
    clear(handlerId);
  };
  queue.processQueue = async function processQueue(this: QueryQueue) {
    if (this.processing || this.queue.length === 0) return;
    this.processing = true;
    while (this.queue.length > 0) {
      const owner = midSequence ?? (this.db.isInTransaction() ? this.lastHandlerId : null);
      const index = owner === null ? 0 : this.queue.findIndex((q) => q.handlerId === owner);
      // The owner's next message is on its way: wait for it (enqueueing it runs this again).
      if (index === -1) break;
      const item = this.queue.splice(index, 1)[0]!;
      let bytes = 0;
      try {
        await this.db.runExclusive(() => this.db.execProtocolRawStream(item.message, { onRawData: (data) => ((bytes += data.length), item.onData(data)) }));
      } catch (error) {
        midSequence = null;
        item.reject(error);
        break;
      }
      midSequence = SEQUENCE_ENDS.has(item.message[0]!) ? null : item.handlerId;
      this.lastHandlerId = item.handlerId;
      item.resolve(bytes);
    }
    this.processing = false;
  };
}

/**
 * Starts PGlite (Postgres compiled to WebAssembly, with pgvector) behind a Postgres wire-protocol
 * socket, so the app talks to it through the same `pg` driver and Prisma adapter as to a real server.
 * `dataDir` undefined keeps everything in memory (tests).
 */
export async function startEmbeddedPostgres(opts: { dataDir?: string; port?: number; loadDataDir?: Blob }): Promise<EmbeddedPostgres> {
  if (opts.dataDir) await mkdir(opts.dataDir, { recursive: true });
  const db = await PGlite.create({
    dataDir: opts.dataDir ?? "memory://",
    extensions: { vector },
    loadDataDir: opts.loadDataDir,
  });
  const server = new PGLiteSocketServer({
    db,
    host: "127.0.0.1",
    port: opts.port ?? 0,
    maxConnections: EMBEDDED_MAX_CONNECTIONS,
  });
  keepSequencesTogether((server as unknown as { queryQueue: QueryQueue }).queryQueue);
  await server.start();
  return {
    url: `postgresql://postgres:postgres@${server.getServerConn()}/postgres?sslmode=disable`,
    db,
    stop: async () => {
      await server.stop();
      await db.close();
    },
  };
}

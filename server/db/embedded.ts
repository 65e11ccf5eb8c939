import { mkdir } from "node:fs/promises";
import { PGlite } from "@electric-sql/pglite";
import { vector } from "@electric-sql/pglite-pgvector";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";

// PGlite runs one query at a time; the socket server multiplexes this many client connections
// onto it, and the app's pool must never open more (see server/db/client.ts).
export const EMBEDDED_MAX_CONNECTIONS = 4;

export type EmbeddedPostgres = { url: string; db: PGlite; stop: () => Promise<void> };

/**
 * Starts PGlite (Postgres compiled to WebAssembly, with pgvector) behind a Postgres wire-protocol
 * socket, so the app talks to it through the same `pg` driver and Prisma adapter as to a real server.
 * `dataDir` undefined keeps everything in memory (tests).
 */
export async function startEmbeddedPostgres(opts: {
  dataDir?: string;
  port?: number;
  loadDataDir?: Blob;
}): Promise<EmbeddedPostgres> {
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

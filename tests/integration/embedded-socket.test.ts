import { PGlite } from "@electric-sql/pglite";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";
import { serialize } from "pg-protocol";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { keepSequencesTogether } from "@/server/db/embedded";

/**
 * The embedded engine's socket queue with two connections' extended-protocol messages interleaved,
 * as they arrive under load: connection 1's Parse, connection 2's Parse, then connection 1's Bind.
 */

type Queue = Parameters<typeof keepSequencesTogether>[0] & {
  enqueue: (handlerId: number, message: Uint8Array, onData: (d: Uint8Array) => void) => Promise<number>;
};

let db: PGlite;
beforeAll(async () => {
  db = await PGlite.create({ dataDir: "memory://" });
});
afterAll(async () => {
  await db.close();
});

function queueOf(server: PGLiteSocketServer): Queue {
  return (server as unknown as { queryQueue: Queue }).queryQueue;
}

/** Connection 1 asks for one parameter, connection 2 for three; returns the error messages each got. */
async function interleaved(queue: Queue): Promise<string[]> {
  const replies: Record<number, Buffer[]> = { 1: [], 2: [] };
  const send = (handler: 1 | 2, message: Buffer) => queue.enqueue(handler, new Uint8Array(message), (d) => replies[handler]!.push(Buffer.from(d)));
  await Promise.all([
    send(1, serialize.parse({ text: "SELECT $1::int AS one" })),
    send(2, serialize.parse({ text: "SELECT $1::int + $2::int + $3::int AS three" })),
    send(1, serialize.bind({ values: ["1"] })),
    send(1, serialize.execute()),
    send(1, serialize.sync()),
    send(2, serialize.bind({ values: ["1", "2", "3"] })),
    send(2, serialize.execute()),
    send(2, serialize.sync()),
  ]);
  const errors: string[] = [];
  for (const chunk of Object.values(replies).flat()) {
    // An ErrorResponse ('E') carries its message in the 'M' field.
    if (chunk[0] === 0x45) errors.push(/M([^\0]*)\0/.exec(chunk.toString("latin1"))?.[1] ?? "error");
  }
  return errors;
}

describe("embedded Postgres socket", () => {
  it("mixes two connections' statements as the library ships it", async () => {
    const server = new PGLiteSocketServer({ db, port: 0, maxConnections: 4 });
    expect(await interleaved(queueOf(server))).toEqual([expect.stringContaining("bind message supplies 1 parameters")]);
    // A statement is left half-done on the session; start clean for the next case.
    await db.exec("DEALLOCATE ALL").catch(() => {});
  });

  it("keeps each connection's sequence together up to its Sync once patched", async () => {
    const server = new PGLiteSocketServer({ db, port: 0, maxConnections: 4 });
    keepSequencesTogether(queueOf(server));
    expect(await interleaved(queueOf(server))).toEqual([]);
  });
});

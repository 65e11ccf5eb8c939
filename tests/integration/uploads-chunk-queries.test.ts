import { PrismaPg } from "@prisma/adapter-pg";
import { describe, expect, it } from "vitest";
import { PrismaClient } from "@/server/db/generated/client";
import { getDb } from "@/server/db/client";
import { authorizeChunk } from "@/server/uploads/authorize";
import { appendChunk, startUpload } from "@/server/uploads/protocol";
import { callerFor } from "../helpers/actors";
import { makeInterview } from "../fixtures/interview";

/**
 * What one chunk costs the database: the chunk route authorizes the request (authorizeChunk),
 * then appendChunk reads the upload under its lock and commits the chunk with one guarded UPDATE.
 * Authorizing rereads the invitation at most every few seconds per upload, not for every chunk.
 * Counted with Prisma's query events on a client of its own.
 */
function countingDb() {
  const db = new PrismaClient({ adapter: new PrismaPg({ connectionString: process.env.DATABASE_URL!, max: 1 }), log: [{ emit: "event", level: "query" }] });
  const queries: string[] = [];
  db.$on("query", (e) => queries.push(e.query));
  return { db, queries };
}

describe("a chunk", () => {
  it("costs two queries once its upload is authorized, and the link is checked again within seconds", async () => {
    const { token, responses } = await makeInterview({ consent: true, questions: [{ type: "VIDEO" }] });
    const responseId = responses[0]!.id;
    const { take } = await (await callerFor(null)).interview.startTake({ token, responseId });
    const { uploadId } = await startUpload({ responseId, take, contentType: "video/webm" }, { db: getDb() });
    const { db, queries } = countingDb();
    let now = new Date();
    const chunk = async (index: number) => {
      const bytes = new Uint8Array(1000).fill(index);
      // A WebM file starts with the EBML magic number; the first chunk is checked for it.
      if (index === 0) bytes.set([0x1a, 0x45, 0xdf, 0xa3]);
      await authorizeChunk(token, uploadId, { db, now });
      await appendChunk({ uploadId, index, body: new Blob([bytes]).stream(), contentLength: 1000 }, { db });
    };
    try {
      await chunk(0);
      const first = queries.length;
      queries.length = 0;
      for (let i = 1; i <= 5; i++) await chunk(i);
      console.log(`queries: first chunk ${first}, then ${queries.length / 5} per chunk`);
      expect(queries.length).toBe(5 * 2);

      // Cancelled by HR: refused once the cached authorization is older than its few seconds.
      await getDb().invitation.updateMany({ where: { id: responses[0]!.invitationId }, data: { status: "CANCELLED" } });
      now = new Date(now.getTime() + 10_000);
      await expect(authorizeChunk(token, uploadId, { db, now })).rejects.toMatchObject({ code: "CLOSED" });
      // A wrong token is never served from another token's authorization.
      await expect(authorizeChunk("x".repeat(43), uploadId, { db, now: new Date() })).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    } finally {
      await db.$disconnect();
    }
  });
});

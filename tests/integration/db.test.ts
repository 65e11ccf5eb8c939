import { describe, expect, it } from "vitest";
import { getDb } from "@/server/db/client";
import { seed } from "@/server/seed/seed";

describe("the embedded database", () => {
  it("runs the migrated schema, transactions and seed", async () => {
    const db = getDb();
    const first = await seed(db);
    expect(first).toContain("seeded");
    await seed(db);
    expect(await db.user.count()).toBe(3);
    expect(await db.template.count()).toBe(1);
    const q = await db.question.findMany({ orderBy: { position: "asc" } });
    expect(q.map((x) => x.type)).toEqual(["VIDEO", "VIDEO", "VIDEO", "TEXT"]);

    await expect(
      db.$transaction(async (tx) => {
        await tx.organization.create({ data: { name: "Rolled back", slug: "rb" } });
        throw new Error("boom");
      }),
    ).rejects.toThrow("boom");
    expect(await db.organization.findUnique({ where: { slug: "rb" } })).toBeNull();
  });

  it("stores vectors and answers nearest-neighbour queries through the HNSW index", async () => {
    const db = getDb();
    const org = await db.organization.create({ data: { name: "Vec", slug: "vec" } });
    const vec = (i: number) => `[${Array.from({ length: 384 }, (_, k) => (k === i ? 1 : 0)).join(",")}]`;
    for (let i = 0; i < 5; i++) {
      await db.$executeRaw`INSERT INTO embedding_chunks (id, "organizationId", source, "sourceId", ordinal, content, model, embedding)
        VALUES (${`e${i}`}, ${org.id}, 'JOB'::"EmbeddingSource", ${"s"}, ${i}, ${`chunk ${i}`}, 'test', ${vec(i)}::vector)`;
    }
    const rows = await db.$queryRaw<{ id: string }[]>`SELECT id FROM embedding_chunks ORDER BY embedding <=> ${vec(3)}::vector LIMIT 1`;
    expect(rows[0]?.id).toBe("e3");
    const idx = await db.$queryRaw<{ indexdef: string }[]>`SELECT indexdef FROM pg_indexes WHERE indexname = 'embedding_chunks_embedding_hnsw'`;
    expect(idx[0]?.indexdef).toContain("hnsw");
  });
});

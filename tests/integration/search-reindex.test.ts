import { describe, expect, it } from "vitest";
import { getDb } from "@/server/db/client";
import { getEmbedder } from "@/server/search/embedder";
import { reindexStaleAnswers } from "@/server/search/reindex";
import { createFixtureInterview, createFixtureTemplate } from "./analysis-fixture";

const db = () => getDb();

describe("reindexStaleAnswers", () => {
  it("embeds answers without passages of the current model, once, and leaves other models' passages alone", async () => {
    const template = await createFixtureTemplate(db(), "Reindex");
    const invitation = await createFixtureInterview(db(), template, "strong");
    const { modelName } = getEmbedder();
    const count = (model: string) => db().embeddingChunk.count({ where: { invitationId: invitation.id, model } });

    expect(await reindexStaleAnswers(db())).toEqual({ indexed: 4, failed: 0 });
    const passages = await count(modelName);
    expect(passages).toBeGreaterThan(4);

    // As after an upgrade of the embedder: the passages exist only under the older model's name.
    await db().$executeRaw`UPDATE embedding_chunks SET model = 'aivi-hash-384-v1' WHERE "invitationId" = ${invitation.id}`;
    expect(await reindexStaleAnswers(db())).toEqual({ indexed: 4, failed: 0 });
    expect(await count(modelName)).toBe(passages);
    expect(await count("aivi-hash-384-v1")).toBe(passages);

    expect(await reindexStaleAnswers(db())).toEqual({ indexed: 0, failed: 0 });
  });
});

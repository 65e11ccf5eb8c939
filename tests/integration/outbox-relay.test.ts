import { describe, expect, it } from "vitest";
import { relayOutbox } from "@/inngest/relay";
import { getDb } from "@/server/db/client";
import { enqueueEvent } from "@/server/events/outbox";
import { makeOrg } from "../helpers/actors";

type Sent = { id: string; name: string; data: Record<string, unknown> };

/** The outbox relay on the real database: what it sends, what it marks, and what a refusal does. */
describe("outbox relay", () => {
  it("sends committed events with their row id as the event id, once, and nothing of a rolled-back change", async () => {
    const db = getDb();
    const org = await makeOrg("Relay");
    await db.$transaction((tx) => enqueueEvent(tx, "interview.completed", { invitationId: "inv-committed" }, org.id));
    await expect(
      db.$transaction(async (tx) => {
        await enqueueEvent(tx, "interview.completed", { invitationId: "inv-rolled-back" }, org.id);
        throw new Error("the change failed");
      }),
    ).rejects.toThrow("the change failed");

    const sent: Sent[] = [];
    expect(await relayOutbox(db, { send: async (events) => void sent.push(...events) })).toEqual({ sent: 1, failed: 0 });
    const row = await db.outboxEvent.findFirstOrThrow({ where: { organizationId: org.id } });
    expect(sent).toEqual([{ id: row.id, name: "interview.completed", data: { invitationId: "inv-committed" }, ts: row.createdAt.getTime() }]);
    expect(row.sentAt).not.toBeNull();
    expect(await relayOutbox(db, { send: async (events) => void sent.push(...events) })).toEqual({ sent: 0, failed: 0 });
    expect(sent).toHaveLength(1);
  });

  it("keeps a refused event for a later try without holding back the others", async () => {
    const db = getDb();
    const org = await makeOrg("Refusals");
    for (const id of ["a", "bad", "c"]) await db.$transaction((tx) => enqueueEvent(tx, "interview.completed", { invitationId: id }, org.id));
    const send = async (events: Sent[]) => {
      if (events.some((e) => e.data.invitationId === "bad")) throw new Error("payload refused");
    };
    const now = new Date(Date.now() + 1000);
    expect(await relayOutbox(db, { send }, now)).toEqual({ sent: 2, failed: 1 });
    const bad = await db.outboxEvent.findFirstOrThrow({ where: { organizationId: org.id, sentAt: null } });
    expect(bad).toMatchObject({ attempts: 1, lastError: "payload refused" });
    // It waits out its backoff before the next try.
    expect(await relayOutbox(db, { send }, new Date(now.getTime() + 500))).toEqual({ sent: 0, failed: 0 });
    expect(await relayOutbox(db, { send: async () => {} }, new Date(now.getTime() + 5000))).toEqual({ sent: 1, failed: 0 });
  });
});

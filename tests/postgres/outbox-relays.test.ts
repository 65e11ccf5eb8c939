import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { relayOutbox } from "@/inngest/relay";
import { createDb, getDb, type Db } from "@/server/db/client";
import { enqueueEvent } from "@/server/events/outbox";
import { makeOrg } from "../helpers/actors";

// Two app nodes each run a relay on the same outbox; each relay has its own connection here, so
// their claims really meet in the database.
const relays: Db[] = [];

beforeAll(async () => {
  for (let i = 0; i < 2; i += 1) relays.push(createDb(process.env.DATABASE_URL!, 1));
  await Promise.all(relays.map((db) => db.$queryRaw`SELECT 1`));
});

afterAll(async () => {
  await Promise.all(relays.map((db) => db.$disconnect()));
});

describe("two outbox relays on a real PostgreSQL", () => {
  it("send every event once between them: nothing doubled, nothing lost", async () => {
    const org = await makeOrg("Relays");
    const EVENTS = 300;
    for (let i = 0; i < EVENTS; i += 1) await getDb().$transaction((tx) => enqueueEvent(tx, "interview.completed", { invitationId: `inv-${i}` }, org.id));

    const sent = new Map<string, number>();
    const byRelay = [0, 0];
    // A send that takes a moment, as a request to Inngest does: long enough for the other relay to look.
    const send = (relay: number) => async (events: { id: string }[]) => {
      await new Promise((resolve) => setTimeout(resolve, 20));
      for (const e of events) sent.set(e.id, (sent.get(e.id) ?? 0) + 1);
      byRelay[relay]! += events.length;
    };
    const relayUntilEmpty = async (relay: number) => {
      for (;;) {
        const { sent: count } = await relayOutbox(relays[relay]!, { batch: 10, send: send(relay) });
        if (count > 0) continue;
        if ((await relays[relay]!.outboxEvent.count({ where: { sentAt: null } })) === 0) return;
        // What is left is the other relay's to send.
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
    };
    await Promise.all([relayUntilEmpty(0), relayUntilEmpty(1)]);

    expect(sent.size).toBe(EVENTS);
    expect([...sent.values()].every((n) => n === 1)).toBe(true);
    // Both relays did part of the work at once: the claims met and passed each other's rows over.
    expect(byRelay[0]).toBeGreaterThan(0);
    expect(byRelay[1]).toBeGreaterThan(0);
    expect(await getDb().outboxEvent.count({ where: { organizationId: org.id, sentAt: null } })).toBe(0);
  });
});

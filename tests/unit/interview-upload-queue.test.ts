import { describe, expect, it } from "vitest";
import { memoryStore, takeKey, type ChunkStore } from "@/components/interview/chunk-store";
import { UploadError, type UploadApi, type UploadProgress } from "@/components/interview/upload-api";
import { TakeUploader } from "@/components/interview/upload-queue";

/**
 * A server that follows the chunk protocol: chunks in order, the last acknowledged one accepted
 * again, anything else refused with 409. `failNext` makes the next calls fail as if offline.
 */
function fakeServer() {
  const received: string[] = [];
  let next = 0;
  let status = "OPEN";
  let completedWith: number | undefined | null = null;
  let starts = 0;
  const failures: ("network" | "afterCommit" | "busy")[] = [];
  const progress = (): UploadProgress => ({ uploadId: "u1", nextChunk: next, receivedBytes: received.join("").length, status });
  const maybeFail = () => {
    const f = failures.shift();
    if (f === "network") throw new UploadError(0, "NETWORK", "offline");
    if (f === "busy") throw new UploadError(503, "BUSY", "The server is busy right now.", 0);
    return f;
  };
  const api: UploadApi = {
    async start() {
      starts += 1;
      maybeFail();
      return progress();
    },
    async status() {
      maybeFail();
      return progress();
    },
    async putChunk(_id, index, blob) {
      const f = maybeFail();
      const text = await blob.text();
      if (index === next - 1 && received[index] === text) return progress();
      if (index !== next) throw new UploadError(409, "CHUNK_OUT_OF_ORDER", `expected chunk ${next}`);
      received.push(text);
      next += 1;
      // The server stored it but the reply never arrived.
      if (f === "afterCommit") throw new UploadError(0, "NETWORK", "connection reset");
      return progress();
    },
    async complete(_id, durationMs) {
      maybeFail();
      if (status === "COMPLETE") throw new UploadError(409, "ALREADY_COMPLETE", "already complete");
      status = "COMPLETE";
      completedWith = durationMs;
    },
  };
  return {
    api,
    received,
    failures,
    get status() {
      return status;
    },
    get completedWith() {
      return completedWith;
    },
    get starts() {
      return starts;
    },
    setNext(n: number) {
      next = n;
    },
  };
}

async function seed(store: ChunkStore, key: string, parts: string[]) {
  await store.saveTake({
    key,
    invitationId: "inv",
    responseId: "r1",
    take: 1,
    contentType: "video/webm",
    chunkCount: 0,
    durationMs: 0,
    stopped: false,
    uploaded: false,
    createdAt: 0,
  });
  for (const [i, p] of parts.entries()) await store.appendChunk(key, i, new Blob([p]), (i + 1) * 1000);
}

const fast = () => 1;
const key = takeKey("r1", 1);

describe("TakeUploader", () => {
  it("uploads chunks in order as they are recorded, then completes with the duration", async () => {
    const server = fakeServer();
    const store = memoryStore();
    await seed(store, key, ["a"]);
    const up = new TakeUploader({ api: server.api, store, key, responseId: "r1", take: 1, contentType: "video/webm", recorded: 1, backoffMs: fast });
    await store.appendChunk(key, 1, new Blob(["b"]), 2000);
    up.chunkAdded(2);
    await store.appendChunk(key, 2, new Blob(["c"]), 3000);
    up.chunkAdded(3);
    up.finish(3012.4);
    await up.done;
    expect(server.received).toEqual(["a", "b", "c"]);
    expect(server.completedWith).toBe(3012);
    expect(up.snapshot().phase).toBe("done");
    expect((await store.getTake(key))?.uploaded).toBe(true);
  });

  it("retries through network failures, including a reply lost after the server stored the chunk", async () => {
    const server = fakeServer();
    const store = memoryStore();
    await seed(store, key, ["a", "b", "c", "d"]);
    server.failures.push("network", "network");
    const phases: string[] = [];
    const up = new TakeUploader({
      api: server.api,
      store,
      key,
      responseId: "r1",
      take: 1,
      contentType: "video/webm",
      recorded: 4,
      backoffMs: fast,
      onChange: (s) => phases.push(s.phase),
    });
    // start fails twice, then chunk 0 goes through but its reply is lost.
    server.failures.push("afterCommit");
    up.finish(4000);
    await up.done;
    expect(server.received).toEqual(["a", "b", "c", "d"]);
    expect(phases).toContain("offline");
    expect(server.status).toBe("COMPLETE");
  });

  it("waits out a server that asks to slow down (503 with Retry-After) without showing the candidate an offline state", async () => {
    const server = fakeServer();
    const store = memoryStore();
    await seed(store, key, ["a", "b"]);
    const phases: string[] = [];
    const errors: (string | null)[] = [];
    const up = new TakeUploader({
      api: server.api,
      store,
      key,
      responseId: "r1",
      take: 1,
      contentType: "video/webm",
      recorded: 2,
      backoffMs: fast,
      onChange: (s) => (phases.push(s.phase), errors.push(s.error)),
    });
    server.failures.push("busy", "busy", "busy");
    up.finish(2000);
    await up.done;
    expect(server.received).toEqual(["a", "b"]);
    expect(phases).not.toContain("offline");
    expect(errors.every((e) => e === null)).toBe(true);
  });

  it("resumes from the server's nextChunk instead of sending acknowledged chunks again", async () => {
    const server = fakeServer();
    server.received.push("a", "b");
    server.setNext(2);
    const store = memoryStore();
    await seed(store, key, ["a", "b", "c"]);
    const sent: number[] = [];
    const api: UploadApi = { ...server.api, putChunk: (id, i, b) => (sent.push(i), server.api.putChunk(id, i, b)) };
    const up = new TakeUploader({ api, store, key, responseId: "r1", take: 1, contentType: "video/webm", recorded: 3, backoffMs: fast });
    up.finish(3000);
    await up.done;
    expect(sent).toEqual([2]);
    expect(server.received).toEqual(["a", "b", "c"]);
  });

  it("asks for the status of an upload it already knows instead of opening another", async () => {
    const server = fakeServer();
    server.received.push("a");
    server.setNext(1);
    const store = memoryStore();
    await seed(store, key, ["a", "b"]);
    const up = new TakeUploader({
      api: server.api,
      store,
      key,
      responseId: "r1",
      take: 1,
      contentType: "video/webm",
      recorded: 2,
      uploadId: "u1",
      backoffMs: fast,
    });
    up.finish(2000);
    await up.done;
    expect(server.starts).toBe(0);
    expect(server.received).toEqual(["a", "b"]);
  });

  it("resynchronises when the server refuses a chunk as out of order", async () => {
    const server = fakeServer();
    const store = memoryStore();
    await seed(store, key, ["a", "b", "c"]);
    const up = new TakeUploader({ api: server.api, store, key, responseId: "r1", take: 1, contentType: "video/webm", recorded: 3, backoffMs: fast });
    // Another tab already sent chunk 0 and 1 after this uploader read nextChunk.
    server.received.push("a", "b");
    server.setNext(2);
    up.finish(3000);
    await up.done;
    expect(server.received).toEqual(["a", "b", "c"]);
  });

  it("treats an upload the server already completed as done", async () => {
    const server = fakeServer();
    const store = memoryStore();
    await seed(store, key, ["a"]);
    await server.api.putChunk("u1", 0, new Blob(["a"]));
    await server.api.complete("u1", 1000);
    const up = new TakeUploader({ api: server.api, store, key, responseId: "r1", take: 1, contentType: "video/webm", recorded: 1, backoffMs: fast });
    up.finish(1000);
    await up.done;
    expect(up.snapshot().phase).toBe("done");
  });

  it("fails with the server's message on a refusal that retrying cannot fix", async () => {
    const store = memoryStore();
    await seed(store, key, ["a"]);
    const api: UploadApi = {
      ...fakeServer().api,
      start: async () => {
        throw new UploadError(412, "CONSENT_REQUIRED", "Agree to the recording and data terms before answering.");
      },
    };
    const up = new TakeUploader({ api, store, key, responseId: "r1", take: 1, contentType: "video/webm", recorded: 1, backoffMs: fast });
    await expect(up.done).rejects.toThrow("Agree to the recording");
    expect(up.snapshot().phase).toBe("failed");
  });

  it("stops without completing when a retake replaces the take", async () => {
    const server = fakeServer();
    const store = memoryStore();
    await seed(store, key, ["a"]);
    const up = new TakeUploader({ api: server.api, store, key, responseId: "r1", take: 1, contentType: "video/webm", recorded: 1, backoffMs: fast });
    up.cancel();
    await expect(up.done).rejects.toThrow();
    expect(server.status).toBe("OPEN");
  });
});

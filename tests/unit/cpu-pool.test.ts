import { describe, expect, it } from "vitest";
import { CpuJobAbortedError, CpuPool } from "@/server/cpu/pool";

function deferred() {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

describe("the CPU pool", () => {
  it("runs at most its size at once, the rest in the order they came", async () => {
    const pool = new CpuPool(2);
    const gates = [deferred(), deferred(), deferred(), deferred()];
    const started: number[] = [];
    const jobs = gates.map((gate, i) =>
      pool.run("ffmpeg", async () => {
        started.push(i);
        await gate.promise;
        return i;
      }),
    );
    await Promise.resolve();
    expect(started).toEqual([0, 1]);
    expect(pool.stats()).toMatchObject({ running: 2, queued: 2 });

    gates[1]!.resolve();
    await jobs[1];
    await Promise.resolve();
    expect(started).toEqual([0, 1, 2]);
    gates[0]!.resolve();
    gates[2]!.resolve();
    gates[3]!.resolve();
    expect(await Promise.all(jobs)).toEqual([0, 1, 2, 3]);
    expect(pool.stats()).toEqual({ size: 2, running: 0, peak: 2, queued: 0, completed: { ffmpeg: 4 } });
  });

  it("frees the slot of a job that fails", async () => {
    const pool = new CpuPool(1);
    await expect(pool.run("ffprobe", () => Promise.reject(new Error("bad file")))).rejects.toThrow("bad file");
    expect(await pool.run("ffprobe", () => Promise.resolve("next"))).toBe("next");
    expect(pool.stats()).toMatchObject({ running: 0, completed: { ffprobe: 2 } });
  });

  it("drops a waiting job whose signal aborts, without starting it", async () => {
    const pool = new CpuPool(1);
    const gate = deferred();
    const first = pool.run("transcribe", () => gate.promise);
    const controller = new AbortController();
    let ran = false;
    const waiting = pool.run(
      "transcribe",
      async () => {
        ran = true;
      },
      { signal: controller.signal },
    );
    controller.abort();
    await expect(waiting).rejects.toBeInstanceOf(CpuJobAbortedError);
    expect(pool.stats().queued).toBe(0);
    gate.resolve();
    await first;
    expect(ran).toBe(false);
    expect(pool.stats()).toMatchObject({ running: 0, completed: { transcribe: 1 } });
  });
});

import { describe, expect, it } from "vitest";
import { attemptsOf, shownAttempts, type AttemptEntry } from "@/server/pipeline/attempt-log";

const at = (s: number) => new Date(Date.UTC(2026, 11, 3, 10, 0, s)).toISOString();
const entry = (step: string | null, owner: string, outcome: AttemptEntry["outcome"], s: number): AttemptEntry => ({
  step,
  owner,
  startedAt: at(s),
  endedAt: outcome === "running" ? null : at(s + 1),
  outcome,
});

describe("the attempt log", () => {
  const log = [
    entry("process-media", "a#1", "completed", 0),
    // The first incarnation died in here: the step was never named.
    entry(null, "a#1", "running", 2),
    entry("transcribe", "a#2", "errored", 10),
    entry("transcribe", "a#2", "completed", 12),
    entry(null, "a#2", "running", 14),
  ];

  it("counts every attempt of the step that just finished, the one a crash cut short included", () => {
    expect(attemptsOf(log.slice(0, 4), "transcribe")).toBe(3);
    expect(attemptsOf(log.slice(0, 1), "process-media")).toBe(1);
  });

  it("shows an attempt left running by another holder as cut short, named after the step run next", () => {
    const shown = shownAttempts(log, { owner: "a#2", status: "RUNNING" });
    expect(shown.map((a) => [a.step, a.outcome])).toEqual([
      ["process-media", "completed"],
      ["transcribe", "cut short"],
      ["transcribe", "errored"],
      ["transcribe", "completed"],
      [null, "running"],
    ]);
  });

  it("shows an attempt still running in a run that is no longer running as cut short", () => {
    expect(shownAttempts([entry(null, "a#2", "running", 0)], { owner: null, status: "QUEUED" })[0]!.outcome).toBe("cut short");
  });
});

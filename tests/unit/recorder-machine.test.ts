import { describe, expect, it } from "vitest";
import {
  canRetake,
  initialRecorderState,
  recordedTake,
  recorderReducer,
  takesLeft,
  type RecorderEvent,
  type RecorderState,
} from "@/components/interview/recorder-machine";

// One recording plus one retake, a 60-second limit, nothing recorded yet.
const question = { takesUsed: 0, takesAllowed: 2, timeLimitSec: 60 };

function run(state: RecorderState, ...events: RecorderEvent[]): RecorderState {
  return events.reduce(recorderReducer, state);
}

const fresh = () => run(initialRecorderState(question), { type: "fresh" });
const recording = (take = 1) => run(fresh(), { type: "start" }, { type: "started", take });
const recorded = (take = 1, durationMs = 5000) => ({ take, url: `blob:${take}`, durationMs, interrupted: false });
const reviewing = (take = 1) => run(recording(take), { type: "stop" }, { type: "stopped", recorded: recorded(take) });

describe("the recorder machine", () => {
  it("starts by preparing, with the question's take count and time limit", () => {
    const state = initialRecorderState({ takesUsed: 1, takesAllowed: 3, timeLimitSec: 90 });
    expect(state).toMatchObject({
      step: { kind: "preparing" },
      takesUsed: 1,
      takesAllowed: 3,
      timeLimitMs: 90_000,
      error: null,
      offline: false,
      replacing: null,
    });
    expect(takesLeft(state)).toBe(2);
  });

  it("goes from think time through recording to review", () => {
    let state = fresh();
    expect(state.step).toEqual({ kind: "think" });
    state = run(state, { type: "start" });
    expect(state.step).toEqual({ kind: "starting" });
    state = run(state, { type: "started", take: 1 });
    expect(state).toMatchObject({ step: { kind: "recording", take: 1 }, takesUsed: 1, elapsedMs: 0 });
    state = run(state, { type: "tick", elapsedMs: 1200 });
    expect(state.elapsedMs).toBe(1200);
    state = run(state, { type: "stop" });
    expect(state.step).toEqual({ kind: "stopping", take: 1 });
    state = run(state, { type: "stopped", recorded: recorded(1, 4800) });
    expect(state).toMatchObject({ step: { kind: "review", take: 1, url: "blob:1", durationMs: 4800, interrupted: false }, elapsedMs: 4800 });
    expect(recordedTake(state.step)).toEqual(recorded(1, 4800));
  });

  it("resumes a take left by an earlier visit straight into review", () => {
    const left = { take: 2, url: null, durationMs: 0, interrupted: true };
    const state = run(initialRecorderState({ ...question, takesUsed: 2 }), { type: "resumed", recorded: left });
    expect(state.step).toEqual({ kind: "review", ...left });
    expect(canRetake(state)).toBe(false);
  });

  it("shows why preparing failed and lets the candidate record anyway", () => {
    const state = run(initialRecorderState(question), { type: "fresh", error: "IndexedDB is broken" });
    expect(state).toMatchObject({ step: { kind: "think" }, error: "IndexedDB is broken" });
    expect(run(state, { type: "start" }).error).toBeNull();
  });

  it("prepares once: a late resume or fresh start changes nothing after that", () => {
    const state = recording();
    expect(run(state, { type: "fresh" })).toBe(state);
    expect(run(state, { type: "resumed", recorded: recorded(1) })).toBe(state);
  });

  it("stops at the time limit without a click, and counts no more than the limit", () => {
    const state = run(recording(), { type: "tick", elapsedMs: 59_800 }, { type: "tick", elapsedMs: 60_003 });
    expect(state.step).toEqual({ kind: "stopping", take: 1 });
    expect(state.elapsedMs).toBe(60_000);
  });

  it("ignores ticks and stops outside a recording", () => {
    for (const state of [fresh(), reviewing(), run(recording(), { type: "stop" })]) {
      expect(run(state, { type: "tick", elapsedMs: 61_000 })).toBe(state);
      expect(run(state, { type: "stop" })).toBe(state);
    }
  });

  it("keeps a recorder error even when the recording has already stopped", () => {
    const live = run(recording(), { type: "stop", error: "Recording stopped: disk full" });
    expect(live).toMatchObject({ step: { kind: "stopping" }, error: "Recording stopped: disk full" });
    const late = run(reviewing(), { type: "stop", error: "Recording stopped: late" });
    expect(late).toMatchObject({ step: { kind: "review" }, error: "Recording stopped: late" });
  });

  it("only takes the stopped recording of the take being stopped", () => {
    const stopping = run(recording(2), { type: "stop" });
    expect(run(stopping, { type: "stopped", recorded: recorded(1) })).toBe(stopping);
  });

  it("goes back to the think time with the reason when a take cannot start", () => {
    const state = run(fresh(), { type: "start" }, { type: "startFailed", error: "This question allows one recording" });
    expect(state).toMatchObject({ step: { kind: "think" }, error: "This question allows one recording", takesUsed: 0 });
    expect(run(fresh(), { type: "startFailed", error: "late" }).error).toBeNull();
  });

  it("starts only from the think time, once", () => {
    const starting = run(fresh(), { type: "start" });
    expect(run(starting, { type: "start" })).toBe(starting);
    expect(run(reviewing(), { type: "start" }).step.kind).toBe("review");
    expect(run(fresh(), { type: "started", take: 1 }).step.kind).toBe("think");
  });

  it("allows a retake while takes are left, and remembers which take it replaces", () => {
    const first = reviewing(1);
    expect(takesLeft(first)).toBe(1);
    expect(canRetake(first)).toBe(true);
    const again = run(first, { type: "retake" });
    expect(again).toMatchObject({ step: { kind: "think" }, replacing: 1, takesUsed: 1 });
    const second = run(again, { type: "start" }, { type: "started", take: 2 });
    expect(second).toMatchObject({ replacing: null, takesUsed: 2 });
    const done = run(second, { type: "stop" }, { type: "stopped", recorded: recorded(2) });
    expect(takesLeft(done)).toBe(0);
    expect(canRetake(done)).toBe(false);
    expect(run(done, { type: "retake" })).toBe(done);
  });

  it("keeps the replaced take when the retake fails to start", () => {
    const state = run(reviewing(1), { type: "retake" }, { type: "start" }, { type: "startFailed", error: "offline" });
    expect(state).toMatchObject({ step: { kind: "think" }, replacing: 1 });
  });

  it("lets the server hand out a take again without counting it twice", () => {
    // The page closed before a byte of take 1 arrived: the server gives out take 1 once more.
    const state = run(
      initialRecorderState({ takesUsed: 1, takesAllowed: 1, timeLimitSec: 60 }),
      { type: "fresh" },
      { type: "start" },
      { type: "started", take: 1 },
    );
    expect(state).toMatchObject({ step: { kind: "recording", take: 1 }, takesUsed: 1 });
    expect(takesLeft(state)).toBe(0);
  });

  it("refuses a retake while submitting, and submits only from review", () => {
    const submitting = run(reviewing(), { type: "submit" });
    expect(submitting.step).toEqual({ kind: "submitting", ...recorded(1) });
    expect(canRetake(submitting)).toBe(false);
    expect(run(submitting, { type: "retake" })).toBe(submitting);
    expect(run(submitting, { type: "submit" })).toBe(submitting);
    expect(run(recording(), { type: "submit" }).step.kind).toBe("recording");
  });

  it("returns to review with the reason when the submission fails, and says when it waits for the connection", () => {
    let state = run(reviewing(), { type: "submit" }, { type: "offline", offline: true });
    expect(state.offline).toBe(true);
    state = run(state, { type: "submitFailed", error: "The invitation has expired" });
    expect(state).toMatchObject({ step: { kind: "review", take: 1 }, error: "The invitation has expired", offline: false });
    expect(run(state, { type: "submit" }).error).toBeNull();
  });

  it("has no recorded take before review", () => {
    for (const state of [initialRecorderState(question), fresh(), recording(), run(recording(), { type: "stop" })]) {
      expect(recordedTake(state.step)).toBeNull();
    }
  });
});

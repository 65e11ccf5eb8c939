// The video question's states and the moves between them, free of React, media and network so
// every rule (what may follow what, the retake allowance, the time limit) is testable on its own.

/** A finished take the candidate can play back, submit or (with takes left) record again. */
export type Recorded = { take: number; url: string | null; durationMs: number; interrupted: boolean };

export type RecorderStep =
  | { kind: "preparing" }
  | { kind: "think" }
  | { kind: "starting" }
  | { kind: "recording"; take: number }
  | { kind: "stopping"; take: number }
  | ({ kind: "review" } & Recorded)
  | ({ kind: "submitting" } & Recorded);

export type RecorderState = {
  step: RecorderStep;
  /** Takes handed out by the server so far, the current one included. */
  takesUsed: number;
  takesAllowed: number;
  timeLimitMs: number;
  /** Time recorded in the current or last take. */
  elapsedMs: number;
  /** The take a retake replaces: it is kept until the new take exists, so a failed start loses nothing. */
  replacing: number | null;
  error: string | null;
  /** The submission is waiting for the connection to come back. */
  offline: boolean;
};

export type RecorderEvent =
  | { type: "resumed"; recorded: Recorded }
  | { type: "fresh"; error?: string }
  | { type: "start" }
  | { type: "started"; take: number }
  | { type: "startFailed"; error: string | null }
  | { type: "tick"; elapsedMs: number }
  | { type: "stop"; error?: string }
  | { type: "stopped"; recorded: Recorded }
  | { type: "retake" }
  | { type: "submit" }
  | { type: "submitFailed"; error: string }
  | { type: "offline"; offline: boolean };

export type RecorderQuestion = { takesUsed: number; takesAllowed: number; timeLimitSec: number };

export function initialRecorderState(question: RecorderQuestion): RecorderState {
  return {
    step: { kind: "preparing" },
    takesUsed: question.takesUsed,
    takesAllowed: question.takesAllowed,
    timeLimitMs: question.timeLimitSec * 1000,
    elapsedMs: 0,
    replacing: null,
    error: null,
    offline: false,
  };
}

export function takesLeft(state: RecorderState): number {
  return Math.max(0, state.takesAllowed - state.takesUsed);
}

export function canRetake(state: RecorderState): boolean {
  return state.step.kind === "review" && takesLeft(state) > 0;
}

/** The take on screen, while it can be played back or is being submitted. */
export function recordedTake(step: RecorderStep): Recorded | null {
  if (step.kind !== "review" && step.kind !== "submitting") return null;
  const { kind: _, ...recorded } = step;
  return recorded;
}

/**
 * Events that do not fit the current step are ignored rather than thrown: timers and promises
 * settle late (a tick after the stop, a second click on a button being disabled), and the state
 * they would have changed has already moved on.
 */
export function recorderReducer(state: RecorderState, event: RecorderEvent): RecorderState {
  const { step } = state;
  switch (event.type) {
    case "resumed":
      if (step.kind !== "preparing") return state;
      return { ...state, step: { kind: "review", ...event.recorded }, elapsedMs: event.recorded.durationMs };
    case "fresh":
      if (step.kind !== "preparing") return state;
      return { ...state, step: { kind: "think" }, error: event.error ?? null };
    case "start":
      // No take count check here: the server hands out again a take that never got a byte, so only it can say no.
      if (step.kind !== "think") return state;
      return { ...state, step: { kind: "starting" }, error: null };
    case "started":
      if (step.kind !== "starting") return state;
      return { ...state, step: { kind: "recording", take: event.take }, takesUsed: event.take, elapsedMs: 0, replacing: null };
    case "startFailed":
      if (step.kind !== "starting") return state;
      return { ...state, step: { kind: "think" }, error: event.error };
    case "tick":
      if (step.kind !== "recording") return state;
      if (event.elapsedMs >= state.timeLimitMs) return { ...state, step: { kind: "stopping", take: step.take }, elapsedMs: state.timeLimitMs };
      return { ...state, elapsedMs: event.elapsedMs };
    case "stop":
      // A recorder failure after the stop still deserves to be seen.
      if (step.kind !== "recording") return event.error ? { ...state, error: event.error } : state;
      return { ...state, step: { kind: "stopping", take: step.take }, error: event.error ?? state.error };
    case "stopped":
      if (step.kind !== "stopping" || event.recorded.take !== step.take) return state;
      return { ...state, step: { kind: "review", ...event.recorded }, elapsedMs: event.recorded.durationMs };
    case "retake":
      if (!canRetake(state) || step.kind !== "review") return state;
      return { ...state, step: { kind: "think" }, replacing: step.take, error: null };
    case "submit":
      if (step.kind !== "review") return state;
      return { ...state, step: { ...step, kind: "submitting" }, error: null };
    case "submitFailed":
      if (step.kind !== "submitting") return state;
      return { ...state, step: { ...step, kind: "review" }, error: event.error, offline: false };
    case "offline":
      return { ...state, offline: event.offline };
  }
}

"use client";

import { useEffect, useState, type ReactNode } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { errorMessage } from "@/components/trpc/errors";
import { useInterviewClient } from "@/components/trpc/vanilla-client";
import { formatTimeLeft, type InterviewSettings } from "@/server/interview/interview-settings";
import { untilAnswered } from "./retry";

type Props = {
  token: string;
  settings: InterviewSettings;
  clock: { timeLeftMs: number | null; paused: boolean };
  /** Reloads the interview's state after a pause or resume. */
  onChanged: () => void;
  children: ReactNode;
};

/**
 * Seconds left of the overall limit, counted down in the browser from what the server said at the
 * last load: the server's clock decides, so a wrong clock on the device changes nothing.
 */
function useTimeLeft(timeLeftMs: number | null, paused: boolean): number | null {
  const [left, setLeft] = useState(timeLeftMs);
  useEffect(() => {
    // Every load brings the server's figure; the countdown restarts from it.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    setLeft(timeLeftMs);
    if (timeLeftMs == null || paused) return;
    const deadline = Date.now() + timeLeftMs;
    const timer = setInterval(() => setLeft(Math.max(0, deadline - Date.now())), 1000);
    return () => clearInterval(timer);
  }, [timeLeftMs, paused]);
  return left;
}

/** The overall time limit around the current question: time left, pause and resume, and the end when time is up. */
export function OverallClock({ token, settings, clock, onChanged, children }: Props) {
  const client = useInterviewClient();
  const left = useTimeLeft(clock.timeLeftMs, clock.paused);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  if (left == null) return <>{children}</>;

  async function setPaused(paused: boolean) {
    setPending(true);
    setError(null);
    try {
      await untilAnswered(() => client.interview.setPaused.mutate({ token, paused }));
      onChanged();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setPending(false);
    }
  }

  if (left === 0) {
    return (
      <Alert tone="warning" title="Time is up">
        The time for this interview has run out, so no more answers can be started. The answers you already sent are with the hiring team.
      </Alert>
    );
  }
  if (clock.paused) {
    return (
      <section aria-labelledby="paused-title" className="space-y-3" data-testid="paused">
        <h2 id="paused-title" className="text-lg font-semibold">
          Your interview is paused
        </h2>
        <p className="text-slate-700">
          The clock is stopped with {formatTimeLeft(left)} left. You can close this page and come back through your link before it expires.
        </p>
        {error ? <Alert tone="danger">{error}</Alert> : null}
        <Button loading={pending} onClick={() => void setPaused(false)}>
          Resume the interview
        </Button>
      </section>
    );
  }
  return (
    <div className="space-y-4">
      {settings.showTimer || settings.allowPause ? (
        <div className="flex flex-wrap items-center justify-between gap-3 rounded-md bg-slate-50 px-3 py-2">
          {settings.showTimer ? (
            <p className="text-sm font-medium text-slate-700" data-testid="time-left" role="timer" aria-live="off">
              Time left for the interview: {formatTimeLeft(left)}
            </p>
          ) : (
            <span />
          )}
          {settings.allowPause ? (
            <Button size="sm" variant="outline" loading={pending} onClick={() => void setPaused(true)}>
              Pause the interview
            </Button>
          ) : null}
        </div>
      ) : null}
      {error ? <Alert tone="danger">{error}</Alert> : null}
      {children}
    </div>
  );
}

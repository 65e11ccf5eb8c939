"use client";

import { useId, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { RETENTION_DAYS } from "@/server/interview/interview-rules";

type Props = {
  organizationName: string;
  videoQuestions: number;
  textQuestions: number;
  pending: boolean;
  error: string | null;
  onAccept: () => void;
};

/** What will happen to the candidate's answers, agreed to before the camera is even asked for. */
export function ConsentScreen({ organizationName, videoQuestions, textQuestions, pending, error, onAccept }: Props) {
  const id = useId();
  const [agreed, setAgreed] = useState(false);
  return (
    <section aria-labelledby={`${id}-title`} className="space-y-5">
      <h2 id={`${id}-title`} className="text-xl font-semibold">
        Before you start
      </h2>
      <div className="space-y-4 text-slate-700">
        <div>
          <h3 className="font-medium text-slate-900">What is recorded</h3>
          <p>
            {videoQuestions > 0
              ? `For each of the ${videoQuestions} video question${videoQuestions === 1 ? "" : "s"}, your camera's picture and your microphone's sound while you answer, from when recording starts until you stop it or the time runs out.`
              : "There are no video questions in this interview."}
            {textQuestions > 0
              ? ` Your written answer${textQuestions === 1 ? "" : "s"} to the ${textQuestions} text question${textQuestions === 1 ? "" : "s"}.`
              : ""}{" "}
            Nothing is recorded before you agree below, and the camera check that follows is not recorded.
          </p>
        </div>
        <div>
          <h3 className="font-medium text-slate-900">How your answers are used</h3>
          <p>
            Your answers are transcribed and analysed automatically, which gives the hiring team at {organizationName} a first read of each answer. People at{" "}
            {organizationName} review your answers themselves and make every decision; the automatic analysis decides nothing on its own.
          </p>
        </div>
        <div>
          <h3 className="font-medium text-slate-900">How long they are kept</h3>
          <p>Your recordings, transcripts and answers are kept for {RETENTION_DAYS} days after you finish the interview, then deleted.</p>
        </div>
      </div>
      <label className="flex cursor-pointer items-start gap-3 rounded-lg border border-slate-200 bg-white p-3">
        <input type="checkbox" checked={agreed} onChange={(e) => setAgreed(e.target.checked)} className="mt-1 h-4 w-4" />
        <span>I agree to be recorded, and to my answers being analysed automatically and reviewed by {organizationName} as described above.</span>
      </label>
      {error ? <Alert tone="danger">{error}</Alert> : null}
      <Button className="w-full sm:w-auto" disabled={!agreed} loading={pending} onClick={onAccept}>
        Agree and continue
      </Button>
    </section>
  );
}

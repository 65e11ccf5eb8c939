"use client";

import { useCallback, useEffect, useState, useSyncExternalStore, type ReactNode } from "react";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent } from "@/components/ui/card";
import { Progress } from "@/components/ui/progress";
import { errorMessage, trpcErrorCode } from "@/components/trpc/errors";
import { useInterviewClient } from "@/components/trpc/vanilla-client";
import type { SubmittedAnswer } from "@/server/interview/answers";
import type { InterviewQuestion, InterviewState } from "@/server/interview/state";
import { CandidateRights } from "@/components/privacy/candidate-rights";
import { chunkStore } from "./chunk-store";
import { ConsentScreen } from "./consent-screen";
import { DeviceCheck } from "./device-check";
import { OverallClock } from "./overall-clock";
import { SettingsNotice } from "./settings-notice";
import { PracticeQuestion } from "./practice-question";
import { SelfIdentificationForm } from "./self-identification-form";
import { untilAnswered } from "./retry";
import { ChoiceQuestion } from "./choice-question";
import { TextQuestion } from "./text-question";
import { IntroVideo } from "./intro-video";
import { useBackgroundSends, type BackgroundSend } from "./use-background-sends";
import { useHeartbeat } from "./use-heartbeat";
import { useMedia } from "./use-media";
import { VideoQuestion } from "./video-question";

type OpenState = Extract<InterviewState, { availability: "OPEN" | "COMPLETED" }>;

function subscribeOnline(callback: () => void) {
  window.addEventListener("online", callback);
  window.addEventListener("offline", callback);
  return () => {
    window.removeEventListener("online", callback);
    window.removeEventListener("offline", callback);
  };
}

function useOnline() {
  return useSyncExternalStore(
    subscribeOnline,
    () => navigator.onLine,
    () => true,
  );
}

function Shell({ heading, subheading, children, aside }: { heading?: string; subheading?: string; children: ReactNode; aside?: ReactNode }) {
  return (
    <main className="mx-auto w-full max-w-2xl px-4 py-6 sm:py-10">
      {heading ? (
        <header className="mb-6">
          {subheading ? <p className="text-sm font-medium text-brand-600">{subheading}</p> : null}
          <h1 className="text-2xl font-bold tracking-tight text-slate-900">{heading}</h1>
        </header>
      ) : null}
      <Card>
        <CardContent className="p-4 sm:p-6">{children}</CardContent>
      </Card>
      {aside}
    </main>
  );
}

/**
 * The candidate's interview, from the emailed link: consent, device check, then each question in
 * order. The server's state decides where the candidate is, so a reload or another device lands on
 * the first unanswered question, and each question resumes its own unfinished recording.
 */
export function InterviewApp({ token }: { token: string }) {
  const client = useInterviewClient();
  const media = useMedia();
  const online = useOnline();
  const [state, setState] = useState<InterviewState | null>(null);
  const [loadError, setLoadError] = useState<{ message: string; invalid: boolean } | null>(null);
  const [consent, setConsent] = useState<{ pending: boolean; error: string | null }>({ pending: false, error: null });
  const [devicesChecked, setDevicesChecked] = useState(false);
  const [practising, setPractising] = useState(false);

  const load = useCallback(
    async (how: "open" | "refresh") => {
      try {
        const next = await untilAnswered(() => (how === "open" ? client.interview.open.mutate({ token }) : client.interview.state.query({ token })));
        setState(next);
        setLoadError(null);
      } catch (e) {
        setLoadError({ message: errorMessage(e), invalid: trpcErrorCode(e) === "NOT_FOUND" || trpcErrorCode(e) === "BAD_REQUEST" });
      }
    },
    [client, token],
  );

  useEffect(() => {
    // load() sets state only once the server has answered, not synchronously.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    void load("open");
  }, [load]);

  const finished = state?.availability === "COMPLETED";
  const invitationId = state && state.availability !== "UNAVAILABLE" ? state.invitationId : null;
  const { release } = media;
  useEffect(() => {
    if (!finished || !invitationId) return;
    release();
    // Everything is on the server now; the device keeps no copy of the answers.
    void chunkStore()
      .then(async (store) => {
        for (const take of await store.takesOf(invitationId)) await store.deleteTake(take.key);
      })
      .catch(() => {});
  }, [finished, invitationId, release]);

  async function accept(textVersion: string) {
    setConsent({ pending: true, error: null });
    try {
      setState(await untilAnswered(() => client.interview.consent.mutate({ token, accepted: true, textVersion })));
      setConsent({ pending: false, error: null });
    } catch (e) {
      setConsent({ pending: false, error: errorMessage(e) });
      // The terms changed under the page: show the new ones, with the message saying why.
      if (trpcErrorCode(e) === "CONFLICT") void load("refresh");
    }
  }

  const onSubmitted = useCallback(
    (result: SubmittedAnswer | null) => {
      if (result) {
        setState((prev) =>
          prev && prev.availability !== "UNAVAILABLE"
            ? {
                ...prev,
                availability: result.completed ? "COMPLETED" : prev.availability,
                questions: prev.questions.map((q) => (q.responseId === result.responseId ? { ...q, submitted: true, status: result.status } : q)),
              }
            : prev,
        );
      }
      void load("refresh");
    },
    [load],
  );

  useHeartbeat(token, state?.availability === "OPEN");

  const [finishing, setFinishing] = useState<{ pending: boolean; error: string | null }>({ pending: false, error: null });
  async function finishEarly() {
    setFinishing({ pending: true, error: null });
    try {
      await untilAnswered(() => client.interview.complete.mutate({ token }));
      setFinishing({ pending: false, error: null });
      await load("refresh");
    } catch (e) {
      setFinishing({ pending: false, error: errorMessage(e) });
    }
  }

  const sends = useBackgroundSends({
    token,
    invitationId,
    questions: state && state.availability === "OPEN" && state.consentAt ? state.questions : null,
    onSent: onSubmitted,
  });

  if (!state) {
    if (loadError) {
      return (
        <Shell heading={loadError.invalid ? "This link does not work" : "Your interview"}>
          <Alert tone="danger">{loadError.message}</Alert>
          {!loadError.invalid ? (
            <Button className="mt-4" variant="outline" onClick={() => void load("open")}>
              Try again
            </Button>
          ) : null}
        </Shell>
      );
    }
    return (
      <Shell>
        <p className="text-slate-600">Loading your interview…</p>
      </Shell>
    );
  }

  if (state.availability === "UNAVAILABLE") {
    const closed = {
      EXPIRED: {
        heading: "This interview has expired",
        text: "The link's deadline has passed, so answers can no longer be recorded. If you still want to interview, ask the hiring team to send you a new link.",
      },
      CANCELLED: {
        heading: "This interview was cancelled",
        text: `${state.organizationName} cancelled this interview, so answers can no longer be recorded. Contact the hiring team if you think this is a mistake.`,
      },
      SUSPENDED: {
        heading: "This interview is paused",
        text: `${state.organizationName}'s account is suspended, so answers cannot be recorded for now. Nothing you already answered is lost; contact the hiring team to know when you can go on.`,
      },
    }[state.reason];
    return (
      <Shell heading={closed.heading} subheading={`${state.organizationName} · ${state.title}`}>
        <p className="text-slate-700">{closed.text}</p>
      </Shell>
    );
  }

  const subheading = `${state.organizationName} · ${state.title}`;
  const yourData = (
    <Card className="mt-6">
      <CardContent className="space-y-3 p-4 sm:p-6">
        <h2 className="text-base font-semibold">Your data</h2>
        <CandidateRights
          target={{ token }}
          organizationName={state.organizationName}
          deletionDueAt={state.deletionDueAt}
          humanReviewRequestedAt={state.humanReviewRequestedAt}
        />
      </CardContent>
    </Card>
  );
  if (state.availability === "COMPLETED") {
    return (
      <Shell heading="Thank you!" subheading={subheading} aside={yourData}>
        <p className="text-slate-700">
          {state.candidateName.split(" ")[0] || state.candidateName}, your answers have been sent to {state.organizationName}. The hiring team will review them
          and get back to you. You can close this page.
        </p>
        <div className="mt-6">
          <SelfIdentificationForm token={token} organizationName={state.organizationName} />
        </div>
      </Shell>
    );
  }

  return (
    <Shell heading={state.title} subheading={state.organizationName} aside={yourData}>
      {!online ? (
        <div className="mb-4">
          <Alert tone="warning">You are offline. Keep going: your answers are saved on this device and will upload when the connection is back.</Alert>
        </div>
      ) : null}
      <Steps
        state={state}
        token={token}
        media={media}
        consent={consent}
        onAccept={(textVersion) => void accept(textVersion)}
        devicesChecked={devicesChecked}
        onDevicesChecked={() => setDevicesChecked(true)}
        practising={practising}
        onPractise={(on) => setPractising(on)}
        onSubmitted={onSubmitted}
        sends={sends}
        finishing={finishing}
        onFinish={() => void finishEarly()}
      />
    </Shell>
  );
}

/** After consent, the steps run under the overall time limit's clock, when the interview has one. */
function Steps(props: Parameters<typeof InterviewSteps>[0]) {
  if (!props.state.consentAt) return <InterviewSteps {...props} />;
  return (
    <OverallClock token={props.token} settings={props.state.settings} clock={props.state.clock} onChanged={() => props.onSubmitted(null)}>
      <InterviewSteps {...props} />
    </OverallClock>
  );
}

function InterviewSteps(props: {
  state: OpenState;
  token: string;
  media: ReturnType<typeof useMedia>;
  consent: { pending: boolean; error: string | null };
  onAccept: (textVersion: string) => void;
  devicesChecked: boolean;
  onDevicesChecked: () => void;
  practising: boolean;
  onPractise: (on: boolean) => void;
  onSubmitted: (result: SubmittedAnswer | null) => void;
  sends: ReturnType<typeof useBackgroundSends>;
  finishing: { pending: boolean; error: string | null };
  onFinish: () => void;
}) {
  const { state, token, media, sends } = props;
  const videoQuestions = state.questions.filter((q) => q.type === "VIDEO");
  const pendingVideo = videoQuestions.some((q) => !q.submitted);

  if (!state.consentAt) {
    return (
      <div className="space-y-4">
        {state.intro ? (
          <section aria-labelledby="intro-title" className="rounded-md bg-slate-50 p-4" data-testid="intro">
            <h2 id="intro-title" className="text-sm font-semibold text-slate-900">
              A word from {state.organizationName}
            </h2>
            <p className="mt-1 whitespace-pre-line text-slate-700">{state.intro}</p>
          </section>
        ) : null}
        <IntroVideo video={state.introVideo} organizationName={state.organizationName} />
        {state.description ? <p className="text-slate-700">{state.description}</p> : null}
        <SettingsNotice settings={state.settings} />
        <ConsentScreen
          consent={state.consent}
          accommodations={state.accommodations}
          pending={props.consent.pending}
          error={props.consent.error}
          onAccept={() => props.onAccept(state.consent.version)}
        />
      </div>
    );
  }

  if (!state.startedAt && !props.devicesChecked && pendingVideo && !props.practising) {
    return (
      <section className="space-y-4" aria-labelledby="device-check-title">
        <h2 id="device-check-title" className="text-xl font-semibold">
          Check your camera and microphone
        </h2>
        <p className="text-slate-700">
          This check is not recorded. You will answer {state.questions.length} question{state.questions.length === 1 ? "" : "s"}; each video question gives you
          time to think before recording starts.
        </p>
        <DeviceCheck media={media} onContinue={props.onDevicesChecked} continueLabel="Start the interview" />
        <Button variant="outline" className="w-full sm:w-auto" disabled={media.status !== "ready"} onClick={() => props.onPractise(true)}>
          Try a practice question first
        </Button>
      </section>
    );
  }

  if (props.practising) {
    return (
      <PracticeQuestion
        media={media}
        onDone={() => {
          props.onPractise(false);
          props.onDevicesChecked();
        }}
      />
    );
  }

  if (!sends.ready) return <p className="text-slate-600">Getting your answers ready…</p>;
  const total = state.questions.length;
  const current = state.questions.find((q) => !q.submitted && !sends.isSending(q.responseId));
  const inBackground = state.questions.filter((q) => !q.submitted && sends.isSending(q.responseId));
  if (!current)
    return inBackground.length ? <SendingAnswers questions={inBackground} sends={sends.sends} /> : <p className="text-slate-600">Finishing your interview…</p>;
  const answered = state.questions.filter((q) => q.submitted || sends.isSending(q.responseId)).length;
  // Once the candidate has sent the answer again, its earlier failure is history.
  const failed = state.questions.filter((q) => !q.submitted && sends.failures[q.responseId]);
  // Only optional questions are left and nothing is still uploading: the candidate may stop here.
  const canFinishEarly = !inBackground.length && state.questions.every((q) => q.submitted || !q.required);

  return (
    <section className="space-y-4" aria-labelledby="question-title">
      <div className="space-y-2">
        <p className="flex items-center gap-2 text-sm font-medium text-slate-600">
          Question {current.number} of {total}
          <Badge tone={current.required ? "info" : "neutral"}>{current.required ? "Required" : "Optional"}</Badge>
        </p>
        <Progress value={answered} max={Math.max(1, total)} label={`${answered} of ${total} questions answered`} />
      </div>
      {inBackground.length ? <SendingLine questions={inBackground} sends={sends.sends} /> : null}
      {failed.map((q) => (
        <Alert key={q.responseId} tone="danger">
          Your answer to question {q.number} could not be sent: {sends.failures[q.responseId]}
        </Alert>
      ))}
      <h2 id="question-title" className="text-lg font-semibold text-slate-900 sm:text-xl">
        {current.prompt}
      </h2>
      {current.type === "VIDEO" ? (
        <VideoQuestion
          key={current.responseId}
          token={token}
          invitationId={state.invitationId}
          question={current}
          media={media}
          onSubmitted={props.onSubmitted}
          onHandOff={sends.handOff}
        />
      ) : current.type === "MULTIPLE_CHOICE" ? (
        <ChoiceQuestion key={current.responseId} token={token} question={current} onSubmitted={props.onSubmitted} />
      ) : (
        <TextQuestion key={current.responseId} token={token} question={current} onSubmitted={props.onSubmitted} />
      )}
      {canFinishEarly ? (
        <div className="space-y-2 border-t border-slate-200 pt-4" data-testid="finish-early">
          <p className="text-sm text-slate-700">The questions left are optional. You can finish the interview now and send the answers you have given.</p>
          {props.finishing.error ? <Alert tone="danger">{props.finishing.error}</Alert> : null}
          <Button variant="outline" disabled={props.finishing.pending} onClick={props.onFinish}>
            {props.finishing.pending ? "Finishing…" : "Finish the interview now"}
          </Button>
        </div>
      ) : null}
    </section>
  );
}

function partsOf(questions: InterviewQuestion[], sends: Record<string, BackgroundSend>) {
  let sent = 0;
  let recorded = 0;
  for (const q of questions) {
    const s = sends[q.responseId];
    if (!s) continue;
    sent += Math.min(s.sent, s.recorded);
    recorded += s.recorded;
  }
  return { sent, recorded, offline: questions.some((q) => sends[q.responseId]?.phase === "offline") };
}

/** Earlier answers still uploading while the candidate goes on: a quiet line, not a wait. */
function SendingLine({ questions, sends }: { questions: InterviewQuestion[]; sends: Record<string, BackgroundSend> }) {
  const { sent, recorded, offline } = partsOf(questions, sends);
  const which = questions.map((q) => q.number).join(", ");
  return (
    <p className="text-sm text-slate-600" data-testid="background-sends" aria-live="polite">
      {offline
        ? `Your answer${questions.length === 1 ? "" : "s"} to question ${which} ${questions.length === 1 ? "is" : "are"} saved on this device and will upload when the connection is back.`
        : `Sending your answer${questions.length === 1 ? "" : "s"} to question ${which} in the background (${sent} of ${recorded} parts).`}
    </p>
  );
}

/** Every question is answered; what is left is the upload of the last parts. */
function SendingAnswers({ questions, sends }: { questions: InterviewQuestion[]; sends: Record<string, BackgroundSend> }) {
  const { sent, recorded, offline } = partsOf(questions, sends);
  return (
    <section className="space-y-4" aria-labelledby="sending-title" data-testid="sending-answers">
      <h2 id="sending-title" className="text-lg font-semibold text-slate-900">
        Sending your answers
      </h2>
      <Progress value={sent} max={Math.max(1, recorded)} label={`${sent} of ${recorded} parts sent`} />
      <p className="text-sm text-slate-700" aria-live="polite">
        {offline
          ? "You are offline. Your answers are saved on this device and will be sent when the connection is back."
          : `${sent} of ${recorded} parts sent. Your answers are saved on this device: if you close this page, they are sent the next time you open your link before it expires.`}
      </p>
    </section>
  );
}

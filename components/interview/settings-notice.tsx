import type { InterviewSettings } from "@/server/interview/interview-settings";

/** The interview settings that change what the candidate goes through, in words, for the consent screen. */
export function settingsLines(s: InterviewSettings): string[] {
  const lines: string[] = [];
  if (s.randomOrder) lines.push("The questions come in an order drawn for you. It stays the same if you reload the page or come back later.");
  if (s.timeLimitMin != null) {
    lines.push(
      `You have ${s.timeLimitMin} minutes for the whole interview, counted from when you agree below, besides each question's own time. Answers cannot be started once this time is up.`,
    );
    lines.push(
      s.allowPause
        ? "You can pause the interview between questions and come back through your link before it expires; the clock stops while you are paused."
        : "The interview cannot be paused: if you leave and come back, the clock keeps running while you are away.",
    );
    lines.push(s.showTimer ? "The time you have left is shown above each question." : "The time you have left is not shown during the interview.");
  }
  return lines;
}

export function SettingsNotice({ settings }: { settings: InterviewSettings }) {
  const lines = settingsLines(settings);
  if (!lines.length) return null;
  return (
    <section
      aria-labelledby="settings-notice-title"
      className="rounded-lg border border-amber-200 bg-amber-50 p-3 text-amber-950"
      data-testid="settings-notice"
    >
      <h3 id="settings-notice-title" className="font-medium">
        How this interview runs
      </h3>
      <ul className="list-disc pl-5">
        {lines.map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
    </section>
  );
}

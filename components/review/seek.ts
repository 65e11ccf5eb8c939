/**
 * Asks the recording player of one answer to play from a moment: a transcript line, an evidence
 * quote or a search hit calls this, wherever it sits on the page. The player of that answer
 * listens for the event, scrolls itself into view and plays from `ms`.
 */
export const SEEK_EVENT = "aivi:seek";

export type SeekDetail = { responseId: string; ms: number };

export function seekTo(responseId: string, ms: number): void {
  window.dispatchEvent(new CustomEvent<SeekDetail>(SEEK_EVENT, { detail: { responseId, ms } }));
}

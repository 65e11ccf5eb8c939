import { highlight } from "@/server/search/text";

/** The passage with the query's words marked (<mark> is announced as highlighted by screen readers). */
export function HighlightedPassage({ content, terms }: { content: string; terms: readonly string[] }) {
  return (
    <>
      {highlight(content, terms).map((piece, i) =>
        piece.match ? (
          <mark key={i} className="rounded-sm bg-amber-100 px-0.5 text-slate-900">
            {piece.text}
          </mark>
        ) : (
          <span key={i}>{piece.text}</span>
        ),
      )}
    </>
  );
}

import { z } from "zod";
import { text } from "../validation/text";

export const MAX_SEARCH_LIMIT = 50;

/** HR's search across the organization's interviews: used by the search form and search.interviews. */
export const searchInput = z.object({
  query: text().trim().min(2, "Type at least 2 characters to search.").max(200, "Keep the search under 200 characters."),
  limit: z.number().int().min(1).max(MAX_SEARCH_LIMIT).default(20),
  templateId: text().min(1).optional(),
});

export type SearchInput = z.input<typeof searchInput>;
export type ParsedSearchInput = z.output<typeof searchInput>;

export type SearchHit = {
  chunkId: string;
  /**
   * Reciprocal rank fusion of the words and the meaning rankings, in (0, 1]: 1 = first in both, 0.5 =
   * first in one and absent from the other (see server/search/search.ts); higher is better.
   */
  score: number;
  content: string;
  startMs: number | null;
  endMs: number | null;
  responseId: string;
  invitationId: string;
  candidateName: string;
  templateTitle: string;
  questionNumber: number;
  questionPrompt: string;
  /** The review page at this answer and moment: /interviews/<invitationId>?answer=<responseId>&t=<seconds>. */
  href: string;
};

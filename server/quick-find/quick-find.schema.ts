import { z } from "zod";
import { text } from "../validation/text";

/** The command palette's lookup: a few characters of a candidate's name or email, or a template's title. */
export const quickFindInput = z.object({
  query: text().trim().min(1, "Type a name, an email or a template title.").max(100, "Keep the search under 100 characters."),
});

export type QuickFindInput = z.input<typeof quickFindInput>;

export type QuickFindResult = {
  candidates: { id: string; name: string; email: string; templateTitle: string; href: string }[];
  templates: { id: string; title: string; status: "DRAFT" | "PUBLISHED" | "ARCHIVED"; href: string }[];
};

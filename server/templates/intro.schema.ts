import { z } from "zod";
import { text } from "../validation/text";

export const MAX_INTRO_CHARS = 2000;

/** The hiring team's welcome for a template's candidates; empty removes it. Shared by the intro card and the procedure. */
export const setTemplateIntroInput = z.object({
  templateId: text().min(1),
  introText: text()
    .trim()
    .max(MAX_INTRO_CHARS, `Keep the introduction under ${MAX_INTRO_CHARS} characters.`)
    .transform((v) => v || null),
});

export type SetTemplateIntroInput = z.output<typeof setTemplateIntroInput>;
export type SetTemplateIntroForm = z.input<typeof setTemplateIntroInput>;

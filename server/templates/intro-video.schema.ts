import { z } from "zod";
import { text } from "../validation/text";

const MIB = 1024 * 1024;

/**
 * The largest intro video accepted. The proxy (proxy.ts) buffers a request body only up to 10 MB,
 * so a bigger file would arrive cut short; 9 MiB is about a minute of the in-browser recorder's
 * 1 Mbit/s video.
 */
export const INTRO_VIDEO_MAX_BYTES = 9 * MIB;
export const INTRO_VIDEO_MAX_LABEL = "9 MB";
/** The in-browser recording's limit, which keeps it under INTRO_VIDEO_MAX_BYTES. */
export const INTRO_VIDEO_RECORD_LIMIT_MS = 60_000;

/** Which template's intro video to replace (with the request's body) or remove. */
export const introVideoInput = z.object({ templateId: text().min(1) });

export type IntroVideoInput = z.output<typeof introVideoInput>;

import { organizationCapabilities } from "../billing/usage";
import { env } from "../config/env";
import type { Prisma } from "../db/client";
import { organizationRetention } from "../retention/policy";
import { configuredDriver, STORAGE_DRIVER_LABELS } from "../storage";
import { consentText, type ConsentText } from "./consent-text";

type Reader = Pick<Prisma.TransactionClient, "organization" | "subscription">;

/** The consent text for an interview, from the organization's real retention and the engines configured now. */
export async function consentTextFor(
  db: Reader,
  opts: { organizationId: string; organizationName: string; videoQuestions: number; textQuestions: number; choiceQuestions?: number },
): Promise<ConsentText> {
  const retention = await organizationRetention(db, opts.organizationId);
  const e = env();
  const groq = Boolean(e.GROQ_API_KEY);
  const driver = configuredDriver(e);
  const capabilities = await organizationCapabilities(db, opts.organizationId);
  return consentText({
    organizationName: opts.organizationName,
    videoQuestions: opts.videoQuestions,
    textQuestions: opts.textQuestions,
    choiceQuestions: opts.choiceQuestions,
    retentionDays: retention.effectiveDays,
    transcribedByGroq: groq,
    analysedByGroq: groq && capabilities.groqAnalysis,
    embeddingHost: e.EMBEDDINGS_BASE_URL ? new URL(e.EMBEDDINGS_BASE_URL).host : null,
    storageProvider: driver === "local" ? null : STORAGE_DRIVER_LABELS[driver],
  });
}

import { z } from "zod";
import { Prisma, type Db } from "../db/client";
import { notFound } from "../errors";
import type { AnalyticsInput } from "./analytics.schema";

export const FUNNEL_STEPS = ["invited", "opened", "consented", "started", "completed", "analysed", "reviewed"] as const;
export type FunnelStep = (typeof FUNNEL_STEPS)[number];

export const FUNNEL_LABELS: Record<FunnelStep, string> = {
  invited: "Invited",
  opened: "Opened the link",
  consented: "Consented",
  started: "Started",
  completed: "Completed",
  analysed: "Analysed",
  reviewed: "Reviewed",
};

export type FunnelRow = {
  step: FunnelStep;
  label: string;
  count: number;
  /** Share of the previous step that reached this one (null for the first step or an empty previous step). */
  fromPrevious: number | null;
  /** Share of the invited that reached this step (null when nobody was invited). */
  fromInvited: number | null;
};

export type DropOffRow = { position: number; label: string; answered: number; stoppedHere: number };
export type ScoreBucket = { competency: string; score: number; interviews: number };
export type AnswersPerDay = { day: string; answers: number };

export type Analytics = {
  filters: AnalyticsInput;
  templateTitle: string | null;
  funnel: FunnelRow[];
  medianSecondsToComplete: number | null;
  medianSecondsToFirstReview: number | null;
  dropOff: DropOffRow[];
  scores: { competencies: string[]; buckets: ScoreBucket[] };
  answersPerDay: AnswersPerDay[];
};

const DAY_MS = 24 * 3600 * 1000;

/**
 * The invitations the filters select, as a CTE named inv with the status a reader sees (an open
 * invitation past its expiry reads as expired, as effectiveStatus says). Every figure below is an
 * aggregate over it computed by the database: no interview is loaded into the process.
 */
function invitationsCte(organizationId: string, input: AnalyticsInput) {
  const from = new Date(`${input.from}T00:00:00.000Z`);
  const toExclusive = new Date(new Date(`${input.to}T00:00:00.000Z`).getTime() + DAY_MS);
  const state = Prisma.sql`CASE WHEN i.status IN ('SENT', 'OPENED', 'IN_PROGRESS') AND i."expiresAt" <= now() THEN 'EXPIRED' ELSE i.status::text END`;
  return Prisma.sql`WITH inv AS (
    SELECT i.id, i."openedAt", i."consentAt", i."startedAt", i."completedAt", ${state} AS state
    FROM invitations i
    WHERE i."organizationId" = ${organizationId}
      AND i."sentAt" >= ${from} AND i."sentAt" < ${toExclusive}
      ${input.templateId ? Prisma.sql`AND i."templateId" = ${input.templateId}` : Prisma.empty}
      ${input.status?.length ? Prisma.sql`AND ${state} IN (${Prisma.join(input.status)})` : Prisma.empty}
  )`;
}

const share = (part: number, whole: number) => (whole > 0 ? part / whole : null);

type FunnelCounts = Record<FunnelStep, number> & { medianComplete: number | null; medianFirstReview: number | null };

async function funnelCounts(db: Db, cte: Prisma.Sql): Promise<FunnelCounts> {
  // "Analysed": the interview's own analysis completed. "Reviewed": a reviewer marked it reviewed;
  // the first such mark is the time to first review, counted from the candidate's completion.
  const [row] = await db.$queryRaw<FunnelCounts[]>`${cte}
    SELECT count(*)::int AS invited,
      count(inv."openedAt")::int AS opened,
      count(inv."consentAt")::int AS consented,
      count(inv."startedAt")::int AS started,
      count(inv."completedAt")::int AS completed,
      count(*) FILTER (WHERE EXISTS (
        SELECT 1 FROM analyses a WHERE a."invitationId" = inv.id AND a."responseId" IS NULL AND a.status = 'COMPLETE'
      ))::int AS analysed,
      count(rv.first)::int AS reviewed,
      percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM inv."completedAt" - inv."startedAt"))
        FILTER (WHERE inv."completedAt" IS NOT NULL AND inv."startedAt" IS NOT NULL) AS "medianComplete",
      percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM rv.first - inv."completedAt"))
        FILTER (WHERE inv."completedAt" IS NOT NULL AND rv.first IS NOT NULL) AS "medianFirstReview"
    FROM inv
    LEFT JOIN LATERAL (SELECT min(s."reviewedAt") AS first FROM reviewer_states s WHERE s."invitationId" = inv.id) rv ON true`;
  return row!;
}

async function dropOff(db: Db, cte: Prisma.Sql): Promise<Omit<DropOffRow, "label">[]> {
  // A candidate who started, then let the link expire or was cancelled before completing, stopped
  // at their first unanswered question; candidates still inside their deadline have not dropped off.
  return db.$queryRaw<Omit<DropOffRow, "label">[]>`${cte}
    SELECT r.position,
      count(*) FILTER (WHERE r."submittedAt" IS NOT NULL)::int AS answered,
      count(*) FILTER (WHERE inv."startedAt" IS NOT NULL AND inv."completedAt" IS NULL AND inv.state IN ('EXPIRED', 'CANCELLED')
        AND r."submittedAt" IS NULL
        AND NOT EXISTS (SELECT 1 FROM responses p WHERE p."invitationId" = r."invitationId" AND p.position < r.position AND p."submittedAt" IS NULL)
      )::int AS "stoppedHere"
    FROM inv JOIN responses r ON r."invitationId" = inv.id
    GROUP BY r.position
    ORDER BY r.position`;
}

async function scoreBuckets(db: Db, cte: Prisma.Sql): Promise<ScoreBucket[]> {
  // The latest completed interview analysis of each invitation, its competency scores (1-5, one
  // decimal) rounded to whole points. The AI's scores, before any override by a reviewer.
  return db.$queryRaw<ScoreBucket[]>`${cte}
    SELECT s->>'competency' AS competency, round((s->>'score')::numeric)::int AS score, count(*)::int AS interviews
    FROM inv
    JOIN LATERAL (
      SELECT a.result FROM analyses a
      WHERE a."invitationId" = inv.id AND a."responseId" IS NULL AND a.status = 'COMPLETE'
      ORDER BY a."createdAt" DESC, a.id DESC LIMIT 1
    ) latest ON true
    CROSS JOIN LATERAL jsonb_array_elements(CASE WHEN jsonb_typeof(latest.result->'scores') = 'array' THEN latest.result->'scores' ELSE '[]'::jsonb END) s
    WHERE jsonb_typeof(s->'score') = 'number'
    GROUP BY 1, 2
    ORDER BY 1, 2`;
}

async function answersPerDay(db: Db, cte: Prisma.Sql): Promise<AnswersPerDay[]> {
  const rows = await db.$queryRaw<AnswersPerDay[]>`${cte}
    SELECT to_char(r."submittedAt", 'YYYY-MM-DD') AS day, count(*)::int AS answers
    FROM inv JOIN responses r ON r."invitationId" = inv.id
    WHERE r."submittedAt" IS NOT NULL
    GROUP BY 1
    ORDER BY 1`;
  return fillDays(rows);
}

/** Every day from the first to the last with answers, the quiet ones at zero, so a chart's gaps are real. */
export function fillDays(rows: AnswersPerDay[]): AnswersPerDay[] {
  if (rows.length === 0) return [];
  const counts = new Map(rows.map((r) => [r.day, r.answers]));
  const out: AnswersPerDay[] = [];
  const last = Date.parse(`${rows.at(-1)!.day}T00:00:00Z`);
  for (let t = Date.parse(`${rows[0]!.day}T00:00:00Z`); t <= last; t += DAY_MS) {
    const day = new Date(t).toISOString().slice(0, 10);
    out.push({ day, answers: counts.get(day) ?? 0 });
  }
  return out;
}

const snapshotSchema = z.object({ questions: z.array(z.object({ position: z.number(), prompt: z.string() })) });

function snapshotQuestions(snapshot: unknown) {
  const parsed = snapshotSchema.safeParse(snapshot);
  return parsed.success ? parsed.data.questions : [];
}

/** HR's analytics of one organization, or of one of its templates, over the filters. */
export async function organizationAnalytics(db: Db, organizationId: string, input: AnalyticsInput): Promise<Analytics> {
  const template = input.templateId
    ? await db.template.findFirst({
        where: { id: input.templateId, organizationId },
        // The latest version's questions name the drop-off rows: what the most recent candidates were asked.
        select: { title: true, versions: { orderBy: { version: "desc" }, take: 1, select: { snapshot: true } } },
      })
    : null;
  if (input.templateId && !template) throw notFound("The interview template");

  const cte = invitationsCte(organizationId, input);
  const [counts, stops, buckets, perDay] = await Promise.all([funnelCounts(db, cte), dropOff(db, cte), scoreBuckets(db, cte), answersPerDay(db, cte)]);

  const funnel = FUNNEL_STEPS.map((step, i): FunnelRow => {
    const previous = i > 0 ? counts[FUNNEL_STEPS[i - 1]!] : null;
    return {
      step,
      label: FUNNEL_LABELS[step],
      count: counts[step],
      fromPrevious: previous === null ? null : share(counts[step], previous),
      fromInvited: share(counts[step], counts.invited),
    };
  });
  const prompts = new Map(snapshotQuestions(template?.versions[0]?.snapshot).map((q) => [q.position, q.prompt]));
  return {
    filters: input,
    templateTitle: template?.title ?? null,
    funnel,
    medianSecondsToComplete: counts.medianComplete,
    medianSecondsToFirstReview: counts.medianFirstReview,
    dropOff: stops.map((s) => ({ ...s, label: prompts.has(s.position) ? `${s.position + 1}. ${prompts.get(s.position)}` : `Question ${s.position + 1}` })),
    scores: { competencies: [...new Set(buckets.map((b) => b.competency))], buckets },
    answersPerDay: perDay,
  };
}

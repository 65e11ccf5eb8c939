import type { Db } from "../db/client";
import { DomainError } from "../errors";
import { impactTable, type ImpactTable } from "./impact-ratios";
import type { FairnessReportInput } from "./report.schema";
import { RACE_ETHNICITY_CATEGORIES, RACE_ETHNICITY_LABELS, SEX_CATEGORIES, SEX_LABELS } from "./self-identification.schema";

type Person = {
  sex: string | null;
  raceEthnicity: string | null;
  decision: "ADVANCE" | "REJECT" | "HOLD" | null;
  aiRecommendation: string | null;
};

export type Dimension = "sex" | "raceEthnicity" | "intersectional";
export type Basis = "hr" | "ai";

export type FairnessTable = ImpactTable & { dimension: Dimension; labels: Record<string, string> };

export type FairnessBasisReport = {
  basis: Basis;
  /** People this basis has a selection outcome for (the rest are counted in `pending`). */
  assessed: number;
  pending: number;
  tables: FairnessTable[];
};

export type FairnessReport = {
  filters: FairnessReportInput & { templateTitle: string | null };
  completed: number;
  selfIdentified: number;
  bases: FairnessBasisReport[];
};

const known = (value: string | null, categories: readonly string[]) => (value !== null && categories.includes(value) ? value : null);
const INTERSECTIONS = SEX_CATEGORIES.flatMap((sex) => RACE_ETHNICITY_CATEGORIES.map((race) => `${sex}|${race}`));
const INTERSECTION_LABELS = Object.fromEntries(
  SEX_CATEGORIES.flatMap((sex) => RACE_ETHNICITY_CATEGORIES.map((race) => [`${sex}|${race}`, `${SEX_LABELS[sex]} · ${RACE_ETHNICITY_LABELS[race]}`])),
);

function tables(people: Person[], selected: (p: Person) => boolean): FairnessTable[] {
  const sexOf = (p: Person) => known(p.sex, SEX_CATEGORIES);
  const raceOf = (p: Person) => known(p.raceEthnicity, RACE_ETHNICITY_CATEGORIES);
  return [
    { dimension: "sex", labels: SEX_LABELS, ...impactTable(people, SEX_CATEGORIES, sexOf, selected) },
    { dimension: "raceEthnicity", labels: RACE_ETHNICITY_LABELS, ...impactTable(people, RACE_ETHNICITY_CATEGORIES, raceOf, selected) },
    {
      dimension: "intersectional",
      labels: INTERSECTION_LABELS,
      ...impactTable(people, INTERSECTIONS, (p) => (sexOf(p) && raceOf(p) ? `${sexOf(p)}|${raceOf(p)}` : null), selected),
    },
  ];
}

const SELECTED_BY_AI = new Set(["yes", "strong_yes"]);

/**
 * Selection rates and impact ratios of the candidates who completed an interview in the range, by
 * their voluntary self-identification: for HR's decisions (advance is a selection, reject is not,
 * hold or no decision yet is pending) and for the AI's own recommendation before any override (yes
 * or strong yes is a selection). Only aggregates leave this function.
 */
export async function fairnessReport(db: Db, organizationId: string, input: FairnessReportInput): Promise<FairnessReport> {
  let templateTitle: string | null = null;
  if (input.templateId) {
    const template = await db.template.findFirst({ where: { id: input.templateId, organizationId }, select: { title: true } });
    if (!template) throw new DomainError("NOT_FOUND", "The interview template was not found.");
    templateTitle = template.title;
  }
  const end = new Date(`${input.to}T00:00:00.000Z`);
  end.setUTCDate(end.getUTCDate() + 1);
  const invitations = await db.invitation.findMany({
    where: {
      organizationId,
      ...(input.templateId ? { templateId: input.templateId } : {}),
      completedAt: { gte: new Date(`${input.from}T00:00:00.000Z`), lt: end },
    },
    select: {
      selfId: { select: { sex: true, raceEthnicity: true } },
      hiringDecision: { select: { decision: true } },
      analyses: { where: { responseId: null, status: "COMPLETE" }, orderBy: { createdAt: "desc" }, take: 1, select: { recommendation: true } },
    },
  });
  const people: Person[] = invitations.map((i) => ({
    sex: i.selfId?.sex ?? null,
    raceEthnicity: i.selfId?.raceEthnicity ?? null,
    decision: i.hiringDecision?.decision ?? null,
    aiRecommendation: i.analyses[0]?.recommendation ?? null,
  }));

  const decided = people.filter((p) => p.decision === "ADVANCE" || p.decision === "REJECT");
  const recommended = people.filter((p) => p.aiRecommendation !== null);
  return {
    filters: { ...input, templateTitle },
    completed: people.length,
    selfIdentified: invitations.filter((i) => i.selfId).length,
    bases: [
      { basis: "hr", assessed: decided.length, pending: people.length - decided.length, tables: tables(decided, (p) => p.decision === "ADVANCE") },
      {
        basis: "ai",
        assessed: recommended.length,
        pending: people.length - recommended.length,
        tables: tables(recommended, (p) => SELECTED_BY_AI.has(p.aiRecommendation!)),
      },
    ],
  };
}

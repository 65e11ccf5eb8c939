import type { SessionUser } from "../auth/session-user";
import type { Db } from "../db/client";
import type { UpdateSkillsInput } from "./users.schema";

const key = (skill: string) => skill.replace(/\s+/g, " ").trim().toLowerCase();

/** Each skill once, as first written, trimmed and with single spaces: "typescript" after "TypeScript" adds nothing. */
export function normalizeSkills(skills: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of skills) {
    const skill = raw.replace(/\s+/g, " ").trim();
    if (!skill || seen.has(key(skill))) continue;
    seen.add(key(skill));
    out.push(skill);
  }
  return out;
}

/** Whether a candidate lists a skill, compared as HR would read it: case and spacing aside. */
export function hasSkill(skills: readonly string[], wanted: string): boolean {
  const k = key(wanted);
  return skills.some((s) => key(s) === k);
}

export async function mySkills(db: Db, user: SessionUser): Promise<string[]> {
  return (await db.user.findUniqueOrThrow({ where: { id: user.id }, select: { skills: true } })).skills;
}

export async function updateSkills(db: Db, user: SessionUser, input: UpdateSkillsInput): Promise<string[]> {
  const { skills } = await db.user.update({ where: { id: user.id }, data: { skills: normalizeSkills(input.skills) }, select: { skills: true } });
  return skills;
}

import { describe, expect, it } from "vitest";
import { hasSkill, normalizeSkills } from "@/server/users/skills";
import { updateSkillsInput } from "@/server/users/users.schema";

describe("candidate skills", () => {
  it("trims, collapses spaces, drops empties and keeps the first spelling of each skill", () => {
    expect(normalizeSkills(["  TypeScript ", "typescript", "Customer   service", "", "SQL", "sql "])).toEqual(["TypeScript", "Customer service", "SQL"]);
  });

  it("the input schema refuses more than 30 skills and a skill over 40 characters, with messages", () => {
    const many = updateSkillsInput.safeParse({ skills: Array.from({ length: 31 }, (_, i) => `skill ${i}`) });
    expect(many.success).toBe(false);
    expect(many.error?.issues[0]?.message).toBe("Add at most 30 skills.");
    const long = updateSkillsInput.safeParse({ skills: ["x".repeat(41)] });
    expect(long.error?.issues[0]?.message).toBe("Keep each skill under 40 characters.");
  });

  it("matches a skill whatever its case and spacing", () => {
    expect(hasSkill(["TypeScript", "Customer service"], " customer  SERVICE ")).toBe(true);
    expect(hasSkill(["TypeScript"], "Type")).toBe(false);
  });
});

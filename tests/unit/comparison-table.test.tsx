import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { ComparisonTable } from "@/components/comparison/comparison-table";
import { Providers } from "@/components/providers";
import type { Comparison } from "@/server/comparison/compare";

const comparison: Comparison = {
  template: { id: "t1", title: "Backend Engineer" },
  competencies: [{ id: "tech", competency: "Technical depth", weight: 1 }],
  sort: "overall",
  rows: [
    {
      rank: 1,
      invitationId: "inv1",
      candidateName: "Ada Moreno",
      candidateEmail: "ada@example.com",
      skills: [],
      status: "COMPLETED",
      completedAt: new Date("2026-11-30T10:00:00Z"),
      keyPoints: null,
      analysis: {
        id: "a1",
        engine: "groq-llm",
        engineLabel: "Groq Llama 3.3 70B",
        createdAt: new Date("2026-11-30T10:05:00Z"),
        aiOverall: 4,
        coverage: 0.6,
        overall: 5,
        scores: { tech: { ai: 4, effective: 5, overridden: true } },
        recommendation: { ai: "yes", effective: "strong_yes", overridden: true },
        overridden: true,
        flagged: true,
      },
    },
    {
      rank: null,
      invitationId: "inv2",
      candidateName: "Eve Pending",
      candidateEmail: "eve@example.com",
      skills: [],
      status: "IN_PROGRESS",
      keyPoints: null,
      completedAt: null,
      analysis: null,
    },
  ],
};

describe("the comparison table", () => {
  it("links each candidate to the interview, marks overrides and flags, ranks unanalysed last, and offers the CSV", () => {
    const html = renderToStaticMarkup(
      <Providers>
        <ComparisonTable templateId="t1" initial={comparison} />
      </Providers>,
    );
    expect(html).toContain('href="/interviews/inv1"');
    expect(html).toContain('href="/api/templates/t1/comparison.csv"');
    expect(html).toContain('aria-sort="descending"');
    expect(html).toContain(", overridden; AI gave 4");
    expect(html).toContain(", overridden; AI said Yes");
    expect(html).toContain("Flagged");
    expect(html).toContain("Not analysed");
    expect(html).toContain("2 candidates, ranked by overall score");
  });
});

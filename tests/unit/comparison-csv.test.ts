import { describe, expect, it } from "vitest";
import type { ComparisonRow } from "@/server/comparison/compare";
import { comparisonSearchParams, parseComparisonSearchParams } from "@/server/comparison/comparison.schema";
import { csvCell, toCsv } from "@/server/comparison/csv";

describe("csvCell", () => {
  it("quotes every cell, doubling the quotes, so no separator inside one splits it", () => {
    expect(csvCell("plain")).toBe('"plain"');
    expect(csvCell('Ada "the fixer" Moreno')).toBe('"Ada ""the fixer"" Moreno"');
    expect(csvCell("Moreno, Ada")).toBe('"Moreno, Ada"');
    expect(csvCell("two\nlines")).toBe('"two\nlines"');
    expect(csvCell(null)).toBe('""');
    expect(csvCell(3.5)).toBe('"3.5"');
  });

  it("defuses cells a spreadsheet would run as a formula", () => {
    expect(csvCell('=HYPERLINK("http://evil")')).toBe(`"'=HYPERLINK(""http://evil"")"`);
    expect(csvCell("+1 555")).toBe(`"'+1 555"`);
    expect(csvCell("-2+3")).toBe(`"'-2+3"`);
    expect(csvCell("@SUM(A1)")).toBe(`"'@SUM(A1)"`);
    expect(csvCell("\t=1")).toBe(`"\t'=1"`);
    expect(csvCell("a=b")).toBe('"a=b"');
  });

  it("defuses every separator-delimited segment, and fullwidth formula signs (finding 9)", () => {
    // Excel in a locale whose list separator is ";" splits this into "x" and a formula.
    expect(csvCell("x;=cmd|' /C calc'!A0")).toBe(`"x;'=cmd|' /C calc'!A0"`);
    expect(csvCell("x, +1")).toBe(`"x, '+1"`);
    expect(csvCell("x\t@SUM(A1)")).toBe(`"x\t'@SUM(A1)"`);
    expect(csvCell("a\r\n-1")).toBe(`"a\r\n'-1"`);
    expect(csvCell("\uFF1D1+1")).toBe(`"'\uFF1D1+1"`);
    expect(csvCell("ok;\uFF0B1")).toBe(`"ok;'\uFF0B1"`);
  });
});

const row = (over: Partial<ComparisonRow>): ComparisonRow => ({
  rank: 1,
  invitationId: "inv1",
  candidateName: "Ada Moreno",
  candidateEmail: "ada@example.com",
  skills: [],
  status: "COMPLETED",
  completedAt: new Date("2026-11-30T10:00:00.000Z"),
  keyPoints: null,
  analysis: {
    id: "an1",
    engine: "offline",
    engineLabel: "Offline analyzer (deterministic)",
    createdAt: new Date("2026-11-30T10:05:00.000Z"),
    aiOverall: 4.7,
    coverage: 0.6,
    overall: 4.7,
    scores: { tech: { ai: 5, effective: 5, overridden: false }, own: { ai: 4, effective: 4.5, overridden: true } },
    recommendation: { ai: "yes", effective: "strong_yes", overridden: true },
    overridden: true,
    flagged: false,
  },
  ...over,
});

describe("toCsv", () => {
  it("writes a header and one CRLF line per candidate, with effective values and empty cells for the unanalysed", () => {
    const rubric = [
      { id: "tech", competency: "Technical depth", weight: 0.5 },
      { id: "own", competency: "Ownership, end to end", weight: 0.5 },
    ];
    const csv = toCsv(
      [
        row({}),
        row({ rank: null, candidateName: "=cmd|' /C calc'!A0", candidateEmail: "x@example.com", status: "IN_PROGRESS", completedAt: null, analysis: null }),
      ],
      rubric,
    );
    expect(csv.split("\r\n")).toEqual([
      '"Rank","Candidate","Email","Status","Completed at","Engine","Overall","Technical depth","Ownership, end to end","Recommendation","Overridden by HR","Flagged"',
      '"1","Ada Moreno","ada@example.com","Completed","2026-11-30T10:00:00.000Z","Offline analyzer (deterministic)","4.70","5","4.50","Strong yes","yes","no"',
      `"","'=cmd|' /C calc'!A0","x@example.com","In progress","","","","","","","",""`,
      "",
    ]);
  });

  it("adds the key's points of multiple-choice questions when some interview has them", () => {
    const csv = toCsv(
      [row({ keyPoints: { earned: 1.5, of: 2 } }), row({ rank: 2, invitationId: "inv2" })],
      [{ id: "tech", competency: "Technical depth", weight: 1 }],
    );
    const lines = csv.split("\r\n").map((l) => l.split(",").slice(-2).join(","));
    expect(lines.slice(0, 3)).toEqual(['"Key points","Key questions"', '"1.50","2"', '"",""']);
  });
});

describe("comparison filters in a query string", () => {
  it("round-trip, accepting repeated or comma-separated values", () => {
    const params = comparisonSearchParams({ status: ["COMPLETED", "IN_PROGRESS"], recommendation: ["yes"], sort: "tech" });
    expect(params.toString()).toBe("status=COMPLETED%2CIN_PROGRESS&recommendation=yes&sort=tech");
    expect(parseComparisonSearchParams("t1", params)).toMatchObject({
      success: true,
      data: { templateId: "t1", status: ["COMPLETED", "IN_PROGRESS"], recommendation: ["yes"], sort: "tech" },
    });
    expect(parseComparisonSearchParams("t1", new URLSearchParams("status=SENT&status=OPENED"))).toMatchObject({
      data: { status: ["SENT", "OPENED"], sort: "overall" },
    });
    expect(comparisonSearchParams({ sort: "overall" }).toString()).toBe("");
    expect(parseComparisonSearchParams("t1", new URLSearchParams("recommendation=maybe")).success).toBe(false);
  });
});

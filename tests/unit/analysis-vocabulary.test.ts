import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { findFittedPhrases, testCorpus } from "@/scripts/eval/fitted-phrases";

// No vocabulary fitted to test data (issue 9): the analyzer must not know phrases that candidates
// say in the evaluation sets or the fixture unless a template gives them (rubric, criteria,
// questions, job title and description). Words are compared as server/analysis/text.ts reads them.
const ANALYSIS_DIR = path.resolve("server/analysis");
const corpus = testCorpus();

function analyzerSources(): string[] {
  return readdirSync(ANALYSIS_DIR, { recursive: true, encoding: "utf8" })
    .filter((f) => f.endsWith(".ts"))
    .map((f) => path.join("server/analysis", f))
    .sort();
}

describe("the analyzer's vocabulary", () => {
  it("finds a phrase taken from an answer, and only such phrases", () => {
    const source = [
      `const TERMS = ["matches the where clause", "index"];`,
      "// A criterion's own words, like a low-pressure next step, are given to every analyzer; so is it was my (stop words).",
      "// Common English around one word is no phrase: a third of it.",
      `const SPLIT = ["composite index that", "matches"]; // "from", "eleven seconds": two literals, no phrase`,
      "/* the pager fired on queue",
      " * depth, says a comment */",
    ].join("\n");
    expect(findFittedPhrases(source, corpus)).toEqual([
      { line: 1, phrase: "matches the where clause", saidIn: expect.arrayContaining(["server/seed/fixtures/interviews.json strong q2"]) },
      { line: 4, phrase: "composite index that", saidIn: expect.arrayContaining(["server/seed/fixtures/interviews.json strong q2"]) },
      { line: 5, phrase: "the pager fired on queue depth", saidIn: expect.arrayContaining(["server/seed/fixtures/interviews.json strong q1"]) },
    ]);
  });

  it("has no phrase of three or more words from an evaluation or fixture answer that no template text gives", () => {
    const found = analyzerSources().flatMap((file) =>
      findFittedPhrases(readFileSync(file, "utf8"), corpus).map((f) => `${file}:${f.line} "${f.phrase}" is said in ${f.saidIn.join("; ")}`),
    );
    expect(found).toEqual([]);
  });
});

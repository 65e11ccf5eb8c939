import { describe, expect, it } from "vitest";
import { groupHits } from "@/components/search/group-hits";
import type { SearchHit } from "@/server/search/search.schema";
import { searchInput } from "@/server/search/search.schema";
import { highlight, normalise, queryTerms, stem, termMatches } from "@/server/search/text";

describe("search text", () => {
  it("normalises case, accents and punctuation", () => {
    expect(normalise("  Café's EXPLAIN-ANALYZE, p99!")).toBe("cafes explain analyze p99");
  });

  it("keeps a query's distinct content words", () => {
    expect(queryTerms("the EXPLAIN analyze and the Index")).toEqual(["explain", "analyze", "index"]);
  });

  it("maps common word forms to one stem and matches them", () => {
    expect(["indexes", "indexing", "indexed", "index"].map(stem)).toEqual(["index", "index", "index", "index"]);
    expect(termMatches("queries", "query")).toBe(true);
    expect(termMatches("concurrently", "concurren")).toBe(true);
    expect(termMatches("in", "index")).toBe(false);
  });

  it("marks the query's words in a passage, keeping its spelling", () => {
    expect(highlight("Run EXPLAIN ANALYZE, then add indexes.", ["explain", "index"])).toEqual([
      { text: "Run ", match: false },
      { text: "EXPLAIN", match: true },
      { text: " ANALYZE, then add ", match: false },
      { text: "indexes", match: true },
      { text: ".", match: false },
    ]);
  });
});

describe("search input", () => {
  it("trims the query and states its limits", () => {
    expect(searchInput.parse({ query: "  index  " })).toEqual({ query: "index", limit: 20 });
    expect(searchInput.safeParse({ query: " a " }).error?.issues[0]?.message).toBe("Type at least 2 characters to search.");
    expect(searchInput.safeParse({ query: "x".repeat(201) }).success).toBe(false);
    expect(searchInput.safeParse({ query: "ok", limit: 51 }).success).toBe(false);
  });
});

describe("search results", () => {
  const hit = (invitationId: string, score: number, chunkId: string): SearchHit => ({
    chunkId,
    score,
    content: "",
    startMs: null,
    endMs: null,
    responseId: "r",
    invitationId,
    candidateName: invitationId.toUpperCase(),
    templateTitle: "T",
    questionNumber: 1,
    questionPrompt: "",
    href: "",
  });

  it("groups hits by interview in the order of each interview's best hit", () => {
    const groups = groupHits([hit("a", 0.9, "1"), hit("b", 0.8, "2"), hit("a", 0.7, "3")]);
    expect(groups.map((g) => [g.invitationId, g.best, g.hits.map((h) => h.chunkId)])).toEqual([
      ["a", 0.9, ["1", "3"]],
      ["b", 0.8, ["2"]],
    ]);
  });
});

import { describe, expect, it } from "vitest";
import { websearchParts } from "@/server/search/fulltext";

describe("websearch query parts", () => {
  it("keeps what the query looks for and drops `or`, for the embedding", () => {
    expect(websearchParts("EXPLAIN ANALYZE")).toEqual({ included: "EXPLAIN ANALYZE", excluded: "" });
    expect(websearchParts('kubernetes or "helm chart"')).toEqual({ included: 'kubernetes "helm chart"', excluded: "" });
  });

  it('collects -word and -"a phrase" as one websearch query of exclusions', () => {
    expect(websearchParts('index -composite -"sequential scan" speed')).toEqual({ included: "index speed", excluded: 'composite or "sequential scan"' });
  });

  it("reads a dash inside a word as part of the word, and a lone dash as nothing excluded", () => {
    expect(websearchParts("real-time - pipeline")).toEqual({ included: "real-time - pipeline", excluded: "" });
  });

  it("takes an unclosed quote as a phrase to the end, as websearch_to_tsquery does", () => {
    expect(websearchParts('deploy -"rolled back')).toEqual({ included: "deploy", excluded: '"rolled back' });
  });
});

import { describe, expect, it } from "vitest";
import { queryWords, sharesAWord } from "@/server/search/word-support";

const ledger = "The deploy locked the ledger table for forty minutes, so I rolled it back at two in the morning.";

describe("word support for the meaning ranking", () => {
  it("accepts a passage with one of the query's words, in another form", () => {
    expect(sharesAWord(queryWords("who rolls back deploys"), ledger)).toBe(true);
  });

  it("accepts a passage with a word close in meaning to one of the query's", () => {
    expect(sharesAWord(queryWords("bloodstream infection"), "I suspected sepsis and called the rapid response team.")).toBe(true);
    expect(sharesAWord(queryWords("angry customer"), "The client was furious about the delay.")).toBe(true);
  });

  it("rejects a passage with no word near any of the query's", () => {
    expect(sharesAWord(queryWords("giraffes and saxophones"), ledger)).toBe(false);
    expect(sharesAWord(queryWords("the and of"), ledger)).toBe(false);
  });
});

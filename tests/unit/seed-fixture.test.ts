import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { interviewFixture } from "@/server/seed/fixture";

const shared = path.resolve("../shared/fixtures/interviews.json");

describe("the seed's copy of the shared interview fixture", () => {
  it.skipIf(!existsSync(shared))("is identical to ../shared/fixtures/interviews.json", () => {
    expect(JSON.parse(readFileSync(shared, "utf8"))).toEqual(JSON.parse(readFileSync("server/seed/fixtures/interviews.json", "utf8")));
  });

  it("holds one template with video and text questions and four candidates", () => {
    expect(interviewFixture.templates[0]?.questions.map((q) => q.type)).toEqual(["video", "video", "video", "text"]);
    expect(interviewFixture.candidates.map((c) => c.key)).toEqual(["strong", "average", "weak", "injection"]);
  });
});

import { describe, expect, it } from "vitest";
import { authOptions } from "@/server/auth/options";

describe("smaller findings (11)", () => {
  it("a magic link lives 15 minutes, not 24 hours", () => {
    const email = authOptions().providers.find((p) => p.id === "email") as { options: { maxAge?: number } } | undefined;
    expect(email?.options.maxAge).toBe(15 * 60);
  });
});

import { describe, expect, it } from "vitest";
import { asksToSlowDown, retryAfterMs } from "@/components/interview/retry-after";

describe("Retry-After", () => {
  it("reads delay-seconds and HTTP dates, capped at a minute", () => {
    const now = Date.parse("2026-12-03T10:00:00Z");
    expect(retryAfterMs("2", now)).toBe(2000);
    expect(retryAfterMs(" 0 ", now)).toBe(0);
    expect(retryAfterMs("Thu, 03 Dec 2026 10:00:05 GMT", now)).toBe(5000);
    expect(retryAfterMs("Thu, 03 Dec 2026 09:59:00 GMT", now)).toBe(0);
    expect(retryAfterMs("86400", now)).toBe(60_000);
  });

  it("is null when absent or unreadable", () => {
    expect(retryAfterMs(null)).toBeNull();
    expect(retryAfterMs("")).toBeNull();
    expect(retryAfterMs("soon")).toBeNull();
    expect(retryAfterMs("-3")).toBeNull();
  });

  it("is asked for with 429 and 503 only", () => {
    expect([429, 503, 500, 502, 504, 400, undefined].map(asksToSlowDown)).toEqual([true, true, false, false, false, false, false]);
  });
});

import { afterEach, describe, expect, it, vi } from "vitest";
import { useInterviewClient } from "@/components/trpc/vanilla-client";

// Finding 11 of issue 13: interview tokens travelled in GET query strings, where proxies and
// access logs keep them. The candidate's client sends every call, queries included, as a POST.
afterEach(() => {
  vi.unstubAllGlobals();
});

describe("the candidate page's tRPC client", () => {
  it("sends a query's input in the body, never in the address", async () => {
    const requests: { url: string; method: string; body: string }[] = [];
    vi.stubGlobal("fetch", async (url: string | URL, init?: RequestInit) => {
      requests.push({ url: String(url), method: init?.method ?? "GET", body: typeof init?.body === "string" ? init.body : "" });
      return new Response(JSON.stringify([{ error: { json: { message: "stop", code: -32600, data: { code: "BAD_REQUEST", httpStatus: 400 } } } }]), {
        status: 400,
        headers: { "content-type": "application/json" },
      });
    });
    const token = "tok_abcdefghijklmnopqrstuvwxyz0123456789";
    await useInterviewClient()
      .interview.state.query({ token })
      .catch(() => undefined);
    expect(requests).toHaveLength(1);
    expect(requests[0]!.method).toBe("POST");
    expect(requests[0]!.url).not.toContain(token);
    expect(requests[0]!.body).toContain(token);
  });
});

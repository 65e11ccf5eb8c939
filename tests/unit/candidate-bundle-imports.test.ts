import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

// The candidate's page is opened on phones over mobile data, so its JavaScript is kept lean
// (npm run bench:web measures it): no zod (the procedures validate on the server), no React Query,
// tRPC's React bindings, toasts or tooltips, which only HR's pages carry. This walks every value
// import (type-only imports ship nothing) from the page and fails on the first that reaches one.
const ENTRY = "app/i/[token]/page.tsx";
const BANNED = [
  "zod",
  "@tanstack/react-query",
  "@trpc/tanstack-react-query",
  "sonner",
  "react-hook-form",
  "components/providers.tsx",
  "components/trpc/client.tsx",
];

const IMPORT = /^\s*(import|export)\s+(?!type\b)[^'"]*?from\s+["']([^"']+)["']|^\s*import\s+["']([^"']+)["']/gm;

function resolve(from: string, spec: string): string | null {
  const base = spec.startsWith("@/") ? spec.slice(2) : spec.startsWith(".") ? path.join(path.dirname(from), spec) : null;
  if (base === null) return null;
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, path.join(base, "index.ts"), path.join(base, "index.tsx")]) {
    if (existsSync(candidate) && /\.tsx?$/.test(candidate)) return candidate;
  }
  return null;
}

function reach(): Map<string, string> {
  const via = new Map<string, string>([[ENTRY, "the page"]]);
  const queue = [ENTRY];
  while (queue.length) {
    const file = queue.shift()!;
    for (const m of readFileSync(file, "utf8").matchAll(IMPORT)) {
      const spec = m[2] ?? m[3]!;
      const local = resolve(file, spec);
      const key = local ?? spec;
      if (via.has(key)) continue;
      via.set(key, file);
      if (local) queue.push(local);
    }
  }
  return via;
}

describe("the candidate's page", () => {
  it("imports nothing that only HR's pages need", () => {
    const reached = reach();
    const offenders = [...reached]
      .filter(([module]) => BANNED.some((b) => module === b || module.startsWith(`${b}/`)))
      .map(([m, from]) => `${m} (from ${from})`);
    expect(offenders).toEqual([]);
    // The walk really follows the page's modules.
    expect(reached.has("components/interview/interview-app.tsx")).toBe(true);
  });
});

import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { metrics } from "@/server/metrics/registry";

// The docs' alert rules and the dashboard must query metrics the app really exports.
const names = (text: string) => [...new Set([...text.matchAll(/\baivi_[a-z_]+/g)].map((m) => m[0].replace(/_(bucket|count|sum)$/, "")))];

function exported(name: string): boolean {
  return metrics().registry.getSingleMetric(name) !== undefined;
}

describe("docs/operations.md and docs/grafana-dashboard.json", () => {
  it("name only metrics /api/metrics exports", () => {
    const operations = readFileSync("docs/operations.md", "utf8");
    const dashboard = readFileSync("docs/grafana-dashboard.json", "utf8");
    const documented = names(operations + dashboard).filter((n) => !n.endsWith("_"));
    expect(documented.length).toBeGreaterThan(10);
    expect(documented.filter((n) => !exported(n))).toEqual([]);
  });

  it("the dashboard is valid JSON with a query on every panel", () => {
    const dashboard = JSON.parse(readFileSync("docs/grafana-dashboard.json", "utf8")) as { panels: { title: string; targets: { expr: string }[] }[] };
    for (const panel of dashboard.panels) expect(panel.targets.length, panel.title).toBeGreaterThan(0);
  });
});

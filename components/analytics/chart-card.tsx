"use client";

import { useState, type ReactNode } from "react";
import { Card, CardContent, CardDescription, CardHeader, CardTitle, Tabs } from "@/components/ui";

type View = "chart" | "table";

/**
 * One chart with its table view: the same figures as a table a screen reader can walk, one tab
 * away. The drawing itself is an image whose name says where its numbers are.
 */
export function ChartCard({
  id,
  title,
  description,
  chart,
  table,
}: {
  id: string;
  title: string;
  description?: ReactNode;
  chart: ReactNode;
  table: ReactNode;
}) {
  const [view, setView] = useState<View>("chart");
  return (
    <Card>
      <section aria-labelledby={`${id}-heading`}>
        <CardHeader>
          <CardTitle id={`${id}-heading`}>{title}</CardTitle>
          {description ? <CardDescription>{description}</CardDescription> : null}
        </CardHeader>
        <CardContent>
          <Tabs
            label={`${title}: chart or table`}
            value={view}
            onValueChange={setView}
            tabs={[
              { value: "chart", label: "Chart" },
              { value: "table", label: "Table" },
            ]}
          >
            {view === "chart" ? (
              <div role="img" aria-label={`${title} chart; the Table tab has its figures.`} className="h-64 w-full min-w-0">
                {chart}
              </div>
            ) : (
              table
            )}
          </Tabs>
        </CardContent>
      </section>
    </Card>
  );
}

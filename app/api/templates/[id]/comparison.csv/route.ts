import { NextResponse } from "next/server";
import { currentUser } from "@/server/auth/current-user";
import { hrMembership } from "@/server/auth/session-user";
import { compareCandidates } from "@/server/comparison/compare";
import { parseComparisonSearchParams } from "@/server/comparison/comparison.schema";
import { toCsv } from "@/server/comparison/csv";
import { getDb } from "@/server/db/client";
import { DomainError } from "@/server/errors";

export const dynamic = "force-dynamic";

function fileName(title: string): string {
  const slug =
    title
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-|-$/g, "") || "template";
  return `${slug}-comparison.csv`;
}

/** The comparison table of one template as a CSV download, with the page's filters; for HR of its organization. */
export async function GET(request: Request, ctx: { params: Promise<{ id: string }> }) {
  const user = await currentUser();
  if (!user || user.status !== "ACTIVE") return NextResponse.json({ error: "Sign in to download the comparison." }, { status: 401 });
  const membership = hrMembership(user);
  // Anyone else gets the answer a missing template gets: the URL reveals nothing.
  if (!membership || (user.role !== "HR" && user.role !== "ADMIN"))
    return NextResponse.json({ error: "The interview template was not found." }, { status: 404 });

  const input = parseComparisonSearchParams((await ctx.params).id, new URL(request.url).searchParams);
  if (!input.success) return NextResponse.json({ error: input.error.issues[0]?.message ?? "Check the filters." }, { status: 400 });
  try {
    const comparison = await compareCandidates(getDb(), membership.organizationId, input.data);
    // The byte-order mark makes spreadsheet programs read the names as UTF-8.
    return new Response(`\uFEFF${toCsv(comparison.rows, comparison.competencies)}`, {
      headers: {
        "content-type": "text/csv; charset=utf-8",
        "content-disposition": `attachment; filename="${fileName(comparison.template.title)}"`,
        "cache-control": "private, no-store",
        "x-content-type-options": "nosniff",
      },
    });
  } catch (error) {
    if (error instanceof DomainError) return NextResponse.json({ error: error.message }, { status: error.code === "NOT_FOUND" ? 404 : 400 });
    throw error;
  }
}

import { readFile } from "node:fs/promises";
import path from "node:path";

export const dynamic = "force-dynamic";

// Swagger UI's own build, served from the installed package (no CDN): the CSP allows scripts from
// this origin that the page's nonced code loads.
const FILES: Record<string, string> = { "swagger-ui-bundle.js": "text/javascript; charset=utf-8" };

export async function GET(_req: Request, ctx: { params: Promise<{ file: string }> }) {
  const { file } = await ctx.params;
  const type = FILES[file];
  if (!type) return new Response("Not found", { status: 404 });
  const body = await readFile(path.join(process.cwd(), "node_modules", "swagger-ui-dist", file));
  return new Response(body, { headers: { "content-type": type, "cache-control": "public, max-age=3600" } });
}

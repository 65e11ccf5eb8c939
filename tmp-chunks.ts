import { readFileSync } from "node:fs";
import path from "node:path";
import vm from "node:vm";
import { gzipSync } from "node:zlib";
const nextDir = ".next";
const entry = process.argv[2]!;
const mf = path.join(nextDir, "server", "app", `${entry}_client-reference-manifest.js`);
const sandbox: { __RSC_MANIFEST?: Record<string, { entryJSFiles: Record<string, string[]> }> } = {};
vm.runInNewContext(readFileSync(mf, "utf8"), sandbox);
const m = sandbox.__RSC_MANIFEST![entry]!;
for (const [k, files] of Object.entries(m.entryJSFiles)) {
  console.log("==", k);
  for (const f of files) {
    const src = readFileSync(path.join(nextDir, f), "utf8");
    const kb = (gzipSync(src, { level: 9 }).length / 1000).toFixed(1);
    const pk = [...new Set([...src.matchAll(/node_modules\/(?:\.pnpm\/)?((?:@[^/]+\/)?[^/]+)/g)].map((x) => x[1]))].slice(0, 15);
    const own = [...new Set([...src.matchAll(/\[project\]\/((?:components|server|app)\/[^ "\]]+)/g)].map((x) => x[1]))].slice(0, 40);
    console.log(" ", f, kb, "kB", pk.join(","), "|", own.join(","));
  }
}

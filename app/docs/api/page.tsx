import type { Metadata } from "next";
import Link from "next/link";
import { SwaggerUI } from "@/components/api-docs/swagger-ui";
// Bundled with this page's styles from the installed package, like the script (no CDN).
import "swagger-ui-dist/swagger-ui.css";

export const metadata: Metadata = { title: "API reference" };

const OPENAPI_URL = "/api/v1/openapi.json";

/** Public, like the document it shows: an ATS developer reads it before having an account. */
export default function ApiReferencePage() {
  return (
    <main className="mx-auto max-w-6xl space-y-4 px-4 py-8">
      <header className="space-y-2">
        <h1 className="text-2xl font-semibold text-slate-900">AI Video Interview API reference</h1>
        <p className="text-sm text-slate-600">
          Create a key at{" "}
          <Link href="/settings/api-keys" className="text-brand-700 underline underline-offset-2">
            Settings → API keys
          </Link>{" "}
          (owners, Plus and Pro plans) and send it as <code className="font-mono">Authorization: Bearer &lt;key&gt;</code>. The machine-readable document:{" "}
          <a href={OPENAPI_URL} className="text-brand-700 underline underline-offset-2">
            {OPENAPI_URL}
          </a>{" "}
          (OpenAPI 3.1).
        </p>
      </header>
      <SwaggerUI url={OPENAPI_URL} />
    </main>
  );
}

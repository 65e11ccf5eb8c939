import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { devToolsEnabled } from "@/server/config/env";
import { getMessage } from "@/server/mail/mailbox";

export const metadata: Metadata = { title: "Message" };
export const dynamic = "force-dynamic";

export default async function MessagePage({ params }: { params: Promise<{ id: string }> }) {
  if (!devToolsEnabled()) notFound();
  const message = await getMessage((await params).id);
  if (!message) notFound();
  return (
    <main className="mx-auto max-w-4xl space-y-4 px-4 py-8">
      <Link href={`/dev/mailbox?to=${encodeURIComponent(message.to)}`} className="text-sm text-slate-600 underline">
        ← Mailbox
      </Link>
      <h1 className="text-2xl font-semibold">{message.subject}</h1>
      <dl className="grid grid-cols-[8rem_1fr] gap-1 text-sm">
        <dt className="text-slate-500">To</dt>
        <dd>{message.to}</dd>
        <dt className="text-slate-500">Template</dt>
        <dd>{message.template}</dd>
        <dt className="text-slate-500">Sent</dt>
        <dd>{message.createdAt.toISOString()}</dd>
      </dl>
      {/* Sandboxed without scripts: the email's HTML is shown exactly as a mail client would, and cannot act on this page. */}
      <iframe title="Rendered email" srcDoc={message.html} sandbox="allow-popups allow-popups-to-escape-sandbox" className="h-[36rem] w-full rounded-lg border border-slate-200 bg-white" />
      <details>
        <summary className="cursor-pointer text-sm font-medium">Plain-text version</summary>
        <pre className="mt-2 whitespace-pre-wrap rounded-lg bg-slate-100 p-4 text-sm">{message.text}</pre>
      </details>
    </main>
  );
}

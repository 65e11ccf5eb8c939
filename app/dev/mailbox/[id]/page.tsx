import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import type { ReactNode } from "react";
import { devToolsEnabled } from "@/server/config/env";
import { getMessage } from "@/server/mail/mailbox";

export const metadata: Metadata = { title: "Dev mailbox" };
export const dynamic = "force-dynamic";

const timeFormat = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "medium", timeZone: "UTC" });

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="grid grid-cols-[8rem_1fr] gap-3 px-4 py-2">
      <dt className="text-slate-500">{label}</dt>
      <dd className="break-all text-slate-900">{children}</dd>
    </div>
  );
}

export default async function MailboxMessagePage({ params }: { params: Promise<{ id: string }> }) {
  if (!devToolsEnabled()) notFound();
  const { id } = await params;
  const message = await getMessage(id);
  if (!message) notFound();

  return (
    <main className="mx-auto max-w-5xl px-4 py-10">
      <Link href={`/dev/mailbox?to=${encodeURIComponent(message.to)}`} className="text-sm font-medium text-brand-600 underline">
        ← Messages to {message.to}
      </Link>
      <h1 className="mt-4 text-2xl font-semibold text-slate-900">{message.subject}</h1>

      <dl className="mt-6 divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white text-sm shadow-sm">
        <Field label="To">{message.to}</Field>
        <Field label="Template">
          <span className="font-mono text-xs">{message.template}</span>
        </Field>
        <Field label="Provider">{message.provider}</Field>
        {message.providerId ? <Field label="Provider id">{message.providerId}</Field> : null}
        <Field label="Delivery status">
          {message.status}
          {message.statusAt ? ` (${timeFormat.format(message.statusAt)})` : ""}
        </Field>
        {message.headers && typeof message.headers === "object" ? (
          <Field label="Headers">
            <span className="font-mono text-xs break-all whitespace-pre-line">
              {Object.entries(message.headers as Record<string, string>)
                .map(([k, v]) => `${k}: ${v}`)
                .join("\n")}
            </span>
          </Field>
        ) : null}
        {message.error ? (
          <Field label="Error">
            <span className="text-red-700">{message.error}</span>
          </Field>
        ) : null}
        <Field label="Time (UTC)">
          <time dateTime={message.createdAt.toISOString()}>{timeFormat.format(message.createdAt)}</time>
        </Field>
      </dl>

      <h2 className="mt-8 text-lg font-semibold text-slate-900">HTML</h2>
      {/* No scripts and an opaque origin: the email cannot touch this page or its cookies. Its links
          open in a new tab, as they would from a mail client. */}
      <iframe
        title={`HTML of “${message.subject}”`}
        sandbox="allow-popups allow-popups-to-escape-sandbox"
        srcDoc={message.html}
        className="mt-3 h-[36rem] w-full rounded-lg border border-slate-200 bg-white shadow-sm"
      />

      <h2 className="mt-8 text-lg font-semibold text-slate-900">Plain text</h2>
      <pre className="mt-3 overflow-x-auto whitespace-pre-wrap break-words rounded-lg border border-slate-200 bg-white p-4 font-mono text-xs text-slate-800 shadow-sm">
        {message.text}
      </pre>
    </main>
  );
}

import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { devToolsEnabled } from "@/server/config/env";
import { listMessages } from "@/server/mail/mailbox";

export const metadata: Metadata = { title: "Dev mailbox" };
export const dynamic = "force-dynamic";

const PAGE_SIZE = 100;
const DELIVERY_PROBLEMS = new Set(["failed", "bounced", "complained", "delivery_delayed"]);

// UTC on purpose: the server and the reader may be in different zones, and the list must not shift.
const timeFormat = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "medium", timeZone: "UTC" });

export default async function MailboxPage({ searchParams }: { searchParams: Promise<{ to?: string | string[] }> }) {
  if (!devToolsEnabled()) notFound();
  const { to } = await searchParams;
  const recipient = typeof to === "string" && to.trim() ? to.trim() : undefined;
  const messages = await listMessages({ to: recipient, take: PAGE_SIZE });

  return (
    <main className="mx-auto max-w-5xl px-4 py-10">
      <h1 className="text-2xl font-semibold text-slate-900">Dev mailbox</h1>
      <p className="mt-2 text-sm text-slate-600">Every email the app renders is kept here, sent or not. Without an email service this is the only delivery.</p>

      <form method="get" className="mt-6 flex flex-wrap items-end gap-3">
        <label className="flex flex-col gap-1 text-sm font-medium text-slate-700">
          Recipient
          <input
            type="email"
            name="to"
            defaultValue={recipient ?? ""}
            placeholder="someone@example.com"
            className="w-72 rounded-md border border-slate-300 bg-white px-3 py-2 text-sm font-normal text-slate-900 shadow-sm focus:border-brand-500 focus:outline-none focus:ring-2 focus:ring-brand-100"
          />
        </label>
        <button type="submit" className="rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white shadow-sm hover:bg-brand-700">
          Filter
        </button>
        {recipient ? (
          <Link href="/dev/mailbox" className="py-2 text-sm font-medium text-brand-600 underline">
            Show all recipients
          </Link>
        ) : null}
      </form>

      {messages.length === 0 ? (
        <p className="mt-8 rounded-md border border-dashed border-slate-300 bg-white p-6 text-center text-sm text-slate-600">
          {recipient ? `No messages to ${recipient} yet.` : "No messages yet."}
        </p>
      ) : (
        <div className="relative mt-8 overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm">
          <table className="w-full text-left text-sm">
            <thead className="border-b border-slate-200 bg-slate-50 text-xs uppercase tracking-wide text-slate-500">
              <tr>
                <th scope="col" className="px-4 py-3 font-medium">
                  Subject
                </th>
                <th scope="col" className="px-4 py-3 font-medium">
                  To
                </th>
                <th scope="col" className="px-4 py-3 font-medium">
                  Template
                </th>
                <th scope="col" className="px-4 py-3 font-medium">
                  Provider and status
                </th>
                <th scope="col" className="px-4 py-3 font-medium">
                  Time (UTC)
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {messages.map((m) => (
                <tr key={m.id} className="align-top hover:bg-slate-50">
                  <td className="px-4 py-3">
                    <Link href={`/dev/mailbox/${m.id}`} className="font-medium text-brand-600 underline-offset-2 hover:underline">
                      {m.subject}
                    </Link>
                  </td>
                  <td className="px-4 py-3 text-slate-700">{m.to}</td>
                  <td className="px-4 py-3 font-mono text-xs text-slate-600">{m.template}</td>
                  <td className="px-4 py-3">
                    <span className="rounded bg-slate-100 px-2 py-0.5 text-xs font-medium text-slate-700">{m.provider}</span>
                    <span className={`ml-2 text-xs font-medium ${DELIVERY_PROBLEMS.has(m.status) ? "text-red-700" : "text-slate-600"}`}>{m.status}</span>
                  </td>
                  <td className="whitespace-nowrap px-4 py-3 text-slate-600">
                    <time dateTime={m.createdAt.toISOString()}>{timeFormat.format(m.createdAt)}</time>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {messages.length === PAGE_SIZE ? (
            <p className="border-t border-slate-200 px-4 py-3 text-xs text-slate-500">
              Showing the newest {PAGE_SIZE}; filter by recipient to find older ones.
            </p>
          ) : null}
        </div>
      )}
    </main>
  );
}

import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { devToolsEnabled } from "@/server/config/env";
import { listMessages } from "@/server/mail/mailbox";

export const metadata: Metadata = { title: "Dev mailbox" };
export const dynamic = "force-dynamic";

export default async function MailboxPage({ searchParams }: { searchParams: Promise<{ to?: string }> }) {
  if (!devToolsEnabled()) notFound();
  const { to } = await searchParams;
  const messages = await listMessages({ to });
  return (
    <main className="mx-auto max-w-5xl space-y-6 px-4 py-8">
      <div className="space-y-1">
        <h1 className="text-2xl font-semibold">Dev mailbox</h1>
        <p className="text-sm text-slate-600">
          Every email the app rendered, newest first. Without <code>RESEND_API_KEY</code> this page is how mail is delivered.
        </p>
      </div>
      <form className="flex flex-wrap gap-2" action="/dev/mailbox">
        <label htmlFor="to" className="sr-only">
          Recipient
        </label>
        <input id="to" name="to" type="email" defaultValue={to ?? ""} placeholder="Filter by recipient" className="h-10 w-72 rounded-md border border-slate-300 px-3 text-sm" />
        <button type="submit" className="h-10 rounded-md bg-slate-900 px-4 text-sm font-medium text-white">
          Filter
        </button>
        {to ? (
          <Link href="/dev/mailbox" className="self-center text-sm text-slate-600 underline">
            Show all
          </Link>
        ) : null}
      </form>
      {messages.length ? (
        <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
          <table className="w-full text-left text-sm">
            <thead className="bg-slate-50 text-xs uppercase text-slate-500">
              <tr>
                <th scope="col" className="px-3 py-2">Subject</th>
                <th scope="col" className="px-3 py-2">To</th>
                <th scope="col" className="px-3 py-2">Template</th>
                <th scope="col" className="px-3 py-2">Delivery</th>
                <th scope="col" className="px-3 py-2">Time</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {messages.map((m) => (
                <tr key={m.id}>
                  <td className="px-3 py-2">
                    <Link href={`/dev/mailbox/${m.id}`} className="font-medium text-indigo-700 underline">
                      {m.subject}
                    </Link>
                  </td>
                  <td className="px-3 py-2">{m.to}</td>
                  <td className="px-3 py-2">{m.template}</td>
                  <td className="px-3 py-2">{m.error ? `failed: ${m.error}` : m.provider === "dev" ? "dev mailbox" : "resend"}</td>
                  <td className="px-3 py-2 whitespace-nowrap">{m.createdAt.toISOString().replace("T", " ").slice(0, 19)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p className="rounded-lg border border-dashed border-slate-300 bg-white p-8 text-center text-slate-600">No messages{to ? ` to ${to}` : ""} yet.</p>
      )}
    </main>
  );
}

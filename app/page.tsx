import Link from "next/link";
import { redirect } from "next/navigation";
import { currentUser } from "@/server/auth/current-user";
import { homeFor } from "@/server/auth/guards";

export const dynamic = "force-dynamic";

export default async function Home() {
  const user = await currentUser();
  if (user) redirect(homeFor(user));
  return (
    <main className="mx-auto flex min-h-screen max-w-3xl flex-col justify-center gap-6 px-4 py-16">
      <p className="text-sm font-medium uppercase tracking-wide text-brand-600">Asynchronous video interviews</p>
      <h1 className="text-4xl font-bold tracking-tight text-slate-900">Hear every candidate. Decide with evidence.</h1>
      <p className="text-lg text-slate-600">
        Candidates answer your questions on video when it suits them. You get transcripts and a first read of every answer, with each score backed by quotes you
        can play, and you stay in charge of the decision.
      </p>
      <div>
        <Link
          href="/sign-in"
          className="inline-flex items-center rounded-md bg-brand-600 px-4 py-2 font-medium text-white hover:bg-brand-700 focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-brand-500 focus-visible:ring-offset-2"
        >
          Sign in
        </Link>
      </div>
    </main>
  );
}

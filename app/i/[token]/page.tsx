import type { Metadata } from "next";
import { InterviewApp } from "@/components/interview/interview-app";

export const dynamic = "force-dynamic";

// The token in the address is the candidate's key: no search engine indexes it, and no page it
// links to learns it from the Referer header.
export const metadata: Metadata = {
  title: "Your interview",
  robots: { index: false, follow: false },
  referrer: "no-referrer",
};

export default async function InterviewPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  return <InterviewApp token={token} />;
}

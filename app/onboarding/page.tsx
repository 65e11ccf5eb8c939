import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { Alert, Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui";
import { homeFor, requireUser } from "@/server/auth/guards";
import { serverCaller } from "@/server/trpc/server-caller";
import { needsOnboarding } from "@/server/users/onboarding";
import { OnboardingForm } from "./onboarding-form";
import { PendingJoin } from "./pending-join";

export const metadata: Metadata = { title: "Welcome" };
export const dynamic = "force-dynamic";

export default async function OnboardingPage() {
  const user = await requireUser();
  if (!needsOnboarding(user)) redirect(homeFor(user));
  const request = await (await serverCaller()).users.joinRequest();
  return (
    <main className="mx-auto flex min-h-screen max-w-xl flex-col justify-center px-4 py-12">
      <Card>
        <CardHeader>
          <CardTitle>Welcome{user.name ? `, ${user.name}` : ""}</CardTitle>
          <CardDescription>How will you use AI Video Interview? You choose once.</CardDescription>
        </CardHeader>
        <CardContent className="space-y-5">
          {request?.status === "PENDING" ? <PendingJoin organizationName={request.organizationName} /> : null}
          {request?.status === "DECLINED" ? (
            <Alert tone="warning" title={`${request.organizationName} declined your request`}>
              An owner of the organization declined it. Check the join code with your colleague, or choose another way below.
            </Alert>
          ) : null}
          {request?.status === "PENDING" ? <p className="text-sm text-slate-600">Or choose another way; that withdraws your request.</p> : null}
          <OnboardingForm hrOnly={user.role === "HR"} />
        </CardContent>
      </Card>
    </main>
  );
}

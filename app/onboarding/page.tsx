import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui";
import { homeFor, requireUser } from "@/server/auth/guards";
import { needsOnboarding } from "@/server/users/onboarding";
import { OnboardingForm } from "./onboarding-form";

export const metadata: Metadata = { title: "Welcome" };
export const dynamic = "force-dynamic";

export default async function OnboardingPage() {
  const user = await requireUser();
  if (!needsOnboarding(user)) redirect(homeFor(user));
  return (
    <main className="mx-auto flex min-h-screen max-w-xl flex-col justify-center px-4 py-12">
      <Card>
        <CardHeader>
          <CardTitle>Welcome{user.name ? `, ${user.name}` : ""}</CardTitle>
          <CardDescription>How will you use AI Video Interview? You choose once.</CardDescription>
        </CardHeader>
        <CardContent>
          <OnboardingForm hrOnly={user.role === "HR"} />
        </CardContent>
      </Card>
    </main>
  );
}

import { redirect } from "next/navigation";
import type { ReactNode } from "react";
import { AppShell } from "@/components/app-shell/app-shell";
import { Providers } from "@/components/providers";
import { requireUser } from "@/server/auth/guards";
import { devToolsEnabled } from "@/server/config/env";
import { needsOnboarding } from "@/server/users/onboarding";

export const dynamic = "force-dynamic";

export default async function SignedInLayout({ children }: { children: ReactNode }) {
  const user = await requireUser();
  if (needsOnboarding(user)) redirect("/onboarding");
  return (
    <Providers>
      <AppShell user={user} devTools={devToolsEnabled()}>
        {children}
      </AppShell>
    </Providers>
  );
}

"use client";

import type { ReactNode } from "react";
import { TRPCReactProvider } from "./trpc/client";
import { Toasts } from "./ui/toast";
import { TooltipProvider } from "./ui/tooltip";

/**
 * The React Query client with tRPC, tooltips and toasts, for every page but the candidate's, which
 * carries none of them (components/trpc/vanilla-client.ts).
 */
export function Providers({ children }: { children: ReactNode }) {
  return (
    <TRPCReactProvider>
      <TooltipProvider delayDuration={300}>{children}</TooltipProvider>
      <Toasts />
    </TRPCReactProvider>
  );
}

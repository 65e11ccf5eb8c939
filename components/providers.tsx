"use client";

import type { ReactNode } from "react";
import { TRPCReactProvider } from "./trpc/client";
import { Toasts } from "./ui/toast";
import { TooltipProvider } from "./ui/tooltip";

export function Providers({ children }: { children: ReactNode }) {
  return (
    <TRPCReactProvider>
      <TooltipProvider delayDuration={300}>{children}</TooltipProvider>
      <Toasts />
    </TRPCReactProvider>
  );
}

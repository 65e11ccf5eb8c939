"use client";

import { useRouter } from "next/navigation";
import { useEffect } from "react";
import { Alert } from "@/components/ui";

/**
 * A plan change is applied by a background function a moment after it is requested; the page
 * reloads its data a few times so the new plan shows without the user reloading.
 */
export function PendingSwitch({ planName }: { planName: string }) {
  const router = useRouter();
  useEffect(() => {
    let tries = 0;
    const timer = setInterval(() => {
      tries += 1;
      router.refresh();
      if (tries >= 10) clearInterval(timer);
    }, 1500);
    return () => clearInterval(timer);
  }, [router]);
  return <Alert tone="info">Switching to {planName}: this page updates when the change is applied.</Alert>;
}

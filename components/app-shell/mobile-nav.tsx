"use client";

import { Menu } from "lucide-react";
import { useState } from "react";
import { Sheet } from "@/components/ui";
import type { NavItem } from "./nav-items";
import { NavLinks } from "./nav-links";

/** Below 768 px the navigation lives in a sheet opened from the header's menu button. */
export function MobileNav({ items, organization }: { items: NavItem[]; organization: string | null }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button
        type="button"
        onClick={() => setOpen(true)}
        aria-label="Open the menu"
        aria-expanded={open}
        className="inline-flex size-10 shrink-0 items-center justify-center rounded-md text-slate-700 hover:bg-slate-100 focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-brand-500 md:hidden"
      >
        <Menu className="size-5" aria-hidden="true" />
      </button>
      <Sheet open={open} onOpenChange={setOpen} title="Menu" side="left">
        {organization ? <p className="px-4 pb-2 text-sm text-slate-600">{organization}</p> : null}
        <div className="p-2">
          <NavLinks items={items} onNavigate={() => setOpen(false)} />
        </div>
      </Sheet>
    </>
  );
}

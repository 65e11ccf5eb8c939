"use client";

import { signOut } from "next-auth/react";
import { DropdownMenu, DropdownMenuItem } from "@/components/ui";

export function UserMenu({ name, email, role }: { name: string; email: string; role: string | null }) {
  return (
    <DropdownMenu label={name}>
      <div className="px-3 py-2 text-xs text-slate-500">
        {email}
        {role ? ` · ${role.toLowerCase()}` : ""}
      </div>
      <DropdownMenuItem href="/settings/profile">Profile</DropdownMenuItem>
      <DropdownMenuItem onSelect={() => void signOut({ callbackUrl: "/sign-in" })}>Sign out</DropdownMenuItem>
    </DropdownMenu>
  );
}

"use client";

import { LogOut, UserRound } from "lucide-react";
import { signOut } from "next-auth/react";
import { Avatar, DropdownMenu, DropdownMenuItem, DropdownMenuLabel, DropdownMenuSeparator } from "@/components/ui";

export function UserMenu({ name, email, role }: { name: string; email: string; role: string | null }) {
  return (
    <DropdownMenu
      label={
        <>
          <Avatar name={name} size={28} />
          <span className="hidden max-w-40 truncate lg:inline">{name}</span>
        </>
      }
      triggerLabel={`Account: ${name}`}
      triggerClassName="h-10 px-2"
    >
      <DropdownMenuLabel>
        <span className="block font-medium text-slate-900">{name}</span>
        {email}
        {role ? ` · ${role.toLowerCase()}` : ""}
      </DropdownMenuLabel>
      <DropdownMenuSeparator />
      <DropdownMenuItem href="/settings/profile" icon={<UserRound className="size-4" />}>
        Profile
      </DropdownMenuItem>
      <DropdownMenuItem onSelect={() => void signOut({ callbackUrl: "/sign-in" })} icon={<LogOut className="size-4" />}>
        Sign out
      </DropdownMenuItem>
    </DropdownMenu>
  );
}

"use client";

import { BellRing, LogOut, UserRound } from "lucide-react";
import { signOut } from "next-auth/react";
import { Avatar, DropdownMenu, DropdownMenuItem, DropdownMenuLabel, DropdownMenuSeparator } from "@/components/ui";

export function UserMenu({ name, email, role }: { name: string; email: string; role: string | null }) {
  return (
    <DropdownMenu
      label={
        <>
          <Avatar name={name} size={28} />
          {/* The name is the button's accessible name at every width, and visible from 1024 px. */}
          <span className="sr-only lg:not-sr-only lg:max-w-40 lg:truncate">{name}</span>
        </>
      }
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
      <DropdownMenuItem href="/settings/notifications" icon={<BellRing className="size-4" />}>
        Notifications
      </DropdownMenuItem>
      <DropdownMenuItem onSelect={() => void signOut({ callbackUrl: "/sign-in" })} icon={<LogOut className="size-4" />}>
        Sign out
      </DropdownMenuItem>
    </DropdownMenu>
  );
}

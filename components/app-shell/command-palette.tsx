"use client";

import { useQuery } from "@tanstack/react-query";
import { Command } from "cmdk";
import { FileText, Search, UserRound } from "lucide-react";
import { useRouter } from "next/navigation";
import { Dialog as DialogPrimitive } from "radix-ui";
import { useDeferredValue, useEffect, useState } from "react";
import { errorMessage, useTRPC } from "@/components/trpc/client";
import { overlayClasses } from "@/components/ui/dialog";
import { NAV_ICONS } from "./nav-icons";
import type { NavItem } from "./nav-items";

const itemClasses =
  "flex cursor-default select-none items-center gap-3 rounded-md px-3 py-2 text-sm text-slate-700 data-[selected=true]:bg-brand-50 data-[selected=true]:text-brand-800";
const groupClasses =
  "px-1 py-1 [&_[cmdk-group-heading]]:px-2 [&_[cmdk-group-heading]]:py-1.5 [&_[cmdk-group-heading]]:text-xs [&_[cmdk-group-heading]]:font-medium [&_[cmdk-group-heading]]:text-slate-500";

/**
 * Ctrl+K / Cmd+K from anywhere in the HR pages: jump to a page, a candidate or a template. The
 * server finds candidates and templates (search.quickFind), so cmdk's own filtering is off and
 * the pages are filtered here.
 */
export function CommandPalette({ items }: { items: NavItem[] }) {
  const trpc = useTRPC();
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [query, setQuery] = useState("");
  const deferred = useDeferredValue(query.trim());

  useEffect(() => {
    const onKeyDown = (e: KeyboardEvent) => {
      if (e.key.toLowerCase() === "k" && (e.metaKey || e.ctrlKey)) {
        e.preventDefault();
        setOpen((o) => !o);
      }
    };
    window.addEventListener("keydown", onKeyDown);
    return () => window.removeEventListener("keydown", onKeyDown);
  }, []);

  const found = useQuery(trpc.search.quickFind.queryOptions({ query: deferred }, { enabled: open && deferred.length > 0, staleTime: 10_000 }));
  const pages = items.filter((i) => i.label.toLowerCase().includes(query.trim().toLowerCase()));

  function go(href: string) {
    setOpen(false);
    setQuery("");
    router.push(href);
  }

  return (
    <>
      <button
        type="button"
        onClick={() => setOpen(true)}
        aria-keyshortcuts="Control+K Meta+K"
        className="inline-flex h-9 min-w-0 items-center gap-2 rounded-md border border-slate-200 bg-slate-50 px-3 text-sm text-slate-600 hover:bg-slate-100 focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-brand-500"
      >
        <Search className="size-4 shrink-0" aria-hidden="true" />
        <span className="hidden truncate lg:inline">Jump to a candidate or template</span>
        <span className="sr-only lg:hidden">Jump to a candidate or template</span>
        <kbd className="hidden rounded border border-slate-200 bg-white px-1.5 text-xs text-slate-500 sm:inline">Ctrl K</kbd>
      </button>
      <DialogPrimitive.Root open={open} onOpenChange={setOpen}>
        <DialogPrimitive.Portal>
          <DialogPrimitive.Overlay className={overlayClasses} />
          <DialogPrimitive.Content
            aria-describedby={undefined}
            className="fixed left-1/2 top-[12vh] z-50 w-[min(36rem,calc(100vw-2rem))] -translate-x-1/2 overflow-hidden rounded-xl bg-white shadow-xl focus-visible:outline-none motion-safe:data-[state=open]:animate-dialog-in"
          >
            <DialogPrimitive.Title className="sr-only">Jump to</DialogPrimitive.Title>
            <Command shouldFilter={false} label="Jump to a page, a candidate or a template" loop>
              <div className="flex items-center gap-2 border-b border-slate-200 px-3">
                <Search className="size-4 shrink-0 text-slate-500" aria-hidden="true" />
                <Command.Input
                  value={query}
                  onValueChange={setQuery}
                  placeholder="Candidate name or email, template title, page…"
                  className="h-12 w-full bg-transparent text-base text-slate-900 outline-none placeholder:text-slate-500 sm:text-sm"
                />
              </div>
              <Command.List className="max-h-[60vh] overflow-y-auto p-1">
                {found.error ? <p className="px-3 py-2 text-sm text-red-700">{errorMessage(found.error)}</p> : null}
                {found.isFetching && !found.data ? <Command.Loading label="Searching">Searching…</Command.Loading> : null}
                <Command.Empty className="px-3 py-6 text-center text-sm text-slate-600">{deferred ? "Nothing matches." : "Type to search."}</Command.Empty>
                {deferred && found.data?.candidates.length ? (
                  <Command.Group heading="Candidates" className={groupClasses}>
                    {found.data.candidates.map((c) => (
                      <Command.Item key={c.id} value={`candidate-${c.id}`} onSelect={() => go(c.href)} className={itemClasses}>
                        <UserRound className="size-4 shrink-0 text-slate-500" aria-hidden="true" />
                        <span className="min-w-0 flex-1 truncate">
                          {c.name} <span className="text-slate-500">· {c.email}</span>
                        </span>
                        <span className="hidden shrink-0 text-xs text-slate-500 sm:inline">{c.templateTitle}</span>
                      </Command.Item>
                    ))}
                  </Command.Group>
                ) : null}
                {deferred && found.data?.templates.length ? (
                  <Command.Group heading="Templates" className={groupClasses}>
                    {found.data.templates.map((t) => (
                      <Command.Item key={t.id} value={`template-${t.id}`} onSelect={() => go(t.href)} className={itemClasses}>
                        <FileText className="size-4 shrink-0 text-slate-500" aria-hidden="true" />
                        <span className="min-w-0 flex-1 truncate">{t.title}</span>
                        <span className="shrink-0 text-xs text-slate-500">{t.status.toLowerCase()}</span>
                      </Command.Item>
                    ))}
                  </Command.Group>
                ) : null}
                {pages.length ? (
                  <Command.Group heading="Pages" className={groupClasses}>
                    {pages.map((p) => {
                      const Icon = NAV_ICONS[p.icon];
                      return (
                        <Command.Item key={p.href} value={`page-${p.href}`} onSelect={() => go(p.href)} className={itemClasses}>
                          <Icon className="size-4 shrink-0 text-slate-500" aria-hidden />
                          {p.label}
                        </Command.Item>
                      );
                    })}
                  </Command.Group>
                ) : null}
              </Command.List>
            </Command>
          </DialogPrimitive.Content>
        </DialogPrimitive.Portal>
      </DialogPrimitive.Root>
    </>
  );
}

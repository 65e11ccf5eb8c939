import { cn } from "./cn";

export function initials(name: string): string {
  const parts = name.trim().split(/[\s@.]+/).filter(Boolean);
  return ((parts[0]?.[0] ?? "?") + (parts[1]?.[0] ?? "")).toUpperCase();
}

export function Avatar({ name, src, size = 32, className }: { name: string; src?: string | null; size?: number; className?: string }) {
  const style = { width: size, height: size };
  if (src) {
    // eslint-disable-next-line @next/next/no-img-element -- avatars come from signed, expiring URLs that next/image cannot cache
    return <img src={src} alt="" style={style} className={cn("rounded-full object-cover", className)} />;
  }
  return (
    <span aria-hidden="true" style={style} className={cn("inline-flex items-center justify-center rounded-full bg-brand-100 text-xs font-semibold text-brand-700", className)}>
      {initials(name)}
    </span>
  );
}

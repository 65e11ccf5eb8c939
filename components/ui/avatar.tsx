import { cn } from "./cn";

export function initials(name: string): string {
  const parts = name
    .trim()
    .split(/[\s@.]+/)
    .filter(Boolean);
  return ((parts[0]?.[0] ?? "?") + (parts[1]?.[0] ?? "")).toUpperCase();
}

export type AvatarProps = {
  /** Used for the initials, and for the accessible name when `label` is set. */
  name: string;
  src?: string | null;
  /** Pixels; the initials scale with it. */
  size?: number;
  /**
   * Decorative by default, because an avatar normally sits next to the person's name. Set it
   * when the avatar stands alone (e.g. "Alex Kim's picture").
   */
  label?: string;
  className?: string;
};

export function Avatar({ name, src, size = 32, label, className }: AvatarProps) {
  const style = { width: size, height: size, fontSize: Math.max(10, Math.round(size * 0.4)) };
  if (src) {
    return (
      // eslint-disable-next-line @next/next/no-img-element -- avatars come from signed, expiring URLs that next/image cannot cache
      <img
        src={src}
        alt={label ?? ""}
        width={size}
        height={size}
        style={style}
        className={cn("inline-block shrink-0 rounded-full bg-slate-100 object-cover", className)}
      />
    );
  }
  return (
    <span
      role={label ? "img" : undefined}
      aria-label={label}
      aria-hidden={label ? undefined : true}
      style={style}
      className={cn("inline-flex shrink-0 select-none items-center justify-center rounded-full bg-brand-100 font-semibold text-brand-700", className)}
    >
      {initials(name)}
    </span>
  );
}

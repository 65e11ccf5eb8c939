import { cache } from "react";

/**
 * Why this request's share link was refused, set by the page before notFound() and read by the
 * not-found page of the same request render (React's per-request cache), so the 404 still says why.
 */
export const shareRefusal = cache((): { message: string | null } => ({ message: null }));

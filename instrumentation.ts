// Runs once when the Next.js server starts: invalid configuration stops it with a message naming
// the variable, whether it was started by scripts/launch.ts or directly with `next start`.
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { env } = await import("./server/config/env");
    env();
  }
}

import { z } from "zod";

// Server-side configuration. Every variable is listed, with what it switches on, in .env.example.
// Optional integrations are off when their key is absent: the offline default takes over.
const optional = z.string().trim().min(1).optional();

const stripePrice = z
  .string()
  .trim()
  .regex(/^price_/, "Stripe price ids start with price_")
  .optional();

// With Stripe on, checkout needs every price and the webhook needs its secret.
const STRIPE_REQUIRED = [
  "STRIPE_WEBHOOK_SECRET",
  "STRIPE_PRICE_PLUS_MONTHLY",
  "STRIPE_PRICE_PLUS_YEARLY",
  "STRIPE_PRICE_PRO_MONTHLY",
  "STRIPE_PRICE_PRO_YEARLY",
] as const;

const serverSchema = z
  .object({
    NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
    APP_URL: z.url({ message: "APP_URL must be an absolute URL such as http://localhost:3000" }).default("http://localhost:3000"),
    DATABASE_URL: z
      .string({
        message:
          "DATABASE_URL is not set: start the app with `npm run dev` or `npm start` (they start the embedded Postgres) or point it at a Postgres with pgvector",
      })
      .regex(/^postgres(ql)?:\/\//, "DATABASE_URL must be a postgres:// or postgresql:// URL"),
    DATABASE_POOL_MAX: z.coerce.number().int().min(1).max(100).default(10),
    NEXTAUTH_SECRET: z.string().min(32, "NEXTAUTH_SECRET must be at least 32 characters (openssl rand -base64 32)"),
    // One-click demo sign-in and the public dev mailbox: on by default in development only.
    DEV_TOOLS: z.enum(["on", "off"]).optional(),
    EMAIL_FROM: z.string().default("AI Video Interview <no-reply@localhost>"),
    RESEND_API_KEY: optional,
    RESEND_BASE_URL: z.url().optional(),
    // The signing secret (whsec_…) of the Resend webhook that reports delivery, bounces and complaints.
    RESEND_WEBHOOK_SECRET: optional,
    // The bearer token Prometheus sends to /api/metrics; without it the endpoint is off.
    METRICS_TOKEN: z.string().trim().min(16, "METRICS_TOKEN needs at least 16 characters: it guards the metrics endpoint").optional(),
    GOOGLE_CLIENT_ID: optional,
    GOOGLE_CLIENT_SECRET: optional,
    GITHUB_ID: optional,
    GITHUB_SECRET: optional,
    KEYCLOAK_ID: optional,
    KEYCLOAK_SECRET: optional,
    KEYCLOAK_ISSUER: z.url().optional(),
    STORAGE_DIR: z.string().default(".data/storage"),
    BLOB_READ_WRITE_TOKEN: optional,
    UPLOADTHING_TOKEN: optional,
    GROQ_API_KEY: optional,
    // Where groq-sdk and @ai-sdk/groq send requests; tests point it at a local server that answers like Groq.
    GROQ_BASE_URL: z.url().optional(),
    GROQ_TRANSCRIPTION_MODEL: z.string().default("whisper-large-v3-turbo"),
    GROQ_ANALYSIS_MODEL: z.string().default("llama-3.3-70b-versatile"),
    // Embeddings from an OpenAI-compatible endpoint (asked for 384 dimensions) instead of the offline embedder.
    EMBEDDINGS_BASE_URL: z.url().optional(),
    EMBEDDINGS_API_KEY: optional,
    EMBEDDINGS_MODEL: optional,
    // How many ffmpeg / transcription steps run at once in-process (ffmpeg is CPU-bound).
    PIPELINE_CONCURRENCY: z.coerce.number().int().min(1).max(16).default(1),
    // off: this server starts neither the outbox relay nor the in-process runner (read by instrumentation.ts).
    BACKGROUND_WORK: z.enum(["on", "off"]).optional(),
    STRIPE_SECRET_KEY: optional,
    STRIPE_WEBHOOK_SECRET: optional,
    STRIPE_PRICE_PLUS_MONTHLY: stripePrice,
    STRIPE_PRICE_PLUS_YEARLY: stripePrice,
    STRIPE_PRICE_PRO_MONTHLY: stripePrice,
    STRIPE_PRICE_PRO_YEARLY: stripePrice,
    STRIPE_PORTAL_CONFIGURATION_ID: z.string().trim().regex(/^bpc_/, "STRIPE_PORTAL_CONFIGURATION_ID is a portal configuration id (bpc_…)").optional(),
    // Where the stripe SDK sends requests; tests point it at a local server that answers like Stripe.
    STRIPE_API_BASE_URL: z.url().optional(),
    // Days a past_due subscription keeps its paid plan while the card is fixed.
    BILLING_GRACE_DAYS: z.coerce.number().int().min(0).max(60).default(7),
    INNGEST_EVENT_KEY: optional,
    INNGEST_SIGNING_KEY: optional,
    INNGEST_DEV: optional,
    // Lets webhook endpoints on loopback (127.0.0.0/8, ::1, localhost) through the address check, over
    // plain HTTP too: for local development and tests only, refused in production (unless DEV_TOOLS=on).
    WEBHOOKS_ALLOW_LOOPBACK: z.enum(["true", "false"]).default("false"),
  })
  .superRefine((env, ctx) => {
    const pairs: [keyof typeof env, keyof typeof env][] = [
      ["GOOGLE_CLIENT_ID", "GOOGLE_CLIENT_SECRET"],
      ["GITHUB_ID", "GITHUB_SECRET"],
      ["KEYCLOAK_ID", "KEYCLOAK_SECRET"],
      ["KEYCLOAK_ID", "KEYCLOAK_ISSUER"],
      ["EMBEDDINGS_BASE_URL", "EMBEDDINGS_MODEL"],
      // Either alone switches background work to Inngest Cloud, where neither works without the other.
      ["INNGEST_EVENT_KEY", "INNGEST_SIGNING_KEY"],
    ];
    // A production build with dev tools on is the browser tests' app (it already signs anyone in with one click), never a deployment.
    if (env.WEBHOOKS_ALLOW_LOOPBACK === "true" && env.NODE_ENV === "production" && env.DEV_TOOLS !== "on") {
      ctx.addIssue({ code: "custom", path: ["WEBHOOKS_ALLOW_LOOPBACK"], message: "WEBHOOKS_ALLOW_LOOPBACK is for development and tests only, not production" });
    }
    if (env.STRIPE_SECRET_KEY) {
      for (const key of STRIPE_REQUIRED) {
        if (!env[key]) ctx.addIssue({ code: "custom", path: [key], message: `${key} is required when STRIPE_SECRET_KEY is set` });
      }
    }
    for (const [a, b] of pairs) {
      if (Boolean(env[a]) !== Boolean(env[b])) {
        ctx.addIssue({ code: "custom", path: [env[a] ? b : a], message: `${String(a)} and ${String(b)} go together: set both or neither` });
      }
    }
  });

export type ServerEnv = z.infer<typeof serverSchema>;

export class EnvError extends Error {}

export function parseServerEnv(source: Record<string, string | undefined>): ServerEnv {
  const parsed = serverSchema.safeParse(source);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  - ${i.path.join(".") || "(env)"}: ${i.message}`);
    throw new EnvError(`Invalid environment configuration:\n${lines.join("\n")}`);
  }
  return parsed.data;
}

let cached: ServerEnv | undefined;

/** The validated server environment; read lazily so tests and scripts can set variables first. */
export function env(): ServerEnv {
  cached ??= parseServerEnv(process.env);
  return cached;
}

/** Forgets the parsed environment, so a test that changes process.env sees its change. */
export function resetEnvForTests(): void {
  cached = undefined;
}

export function devToolsEnabled(e: ServerEnv = env()): boolean {
  if (e.DEV_TOOLS) return e.DEV_TOOLS === "on";
  return e.NODE_ENV === "development";
}

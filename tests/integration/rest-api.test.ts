import { validate } from "@readme/openapi-parser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApiKey, revokeApiKey } from "@/server/api-keys/keys";
import { createApiKeyInput } from "@/server/api-keys/api-keys.schema";
import { GET as openApiRoute } from "@/app/api/v1/openapi.json/route";
import { DELETE, GET, PATCH, POST } from "@/app/api/v1/[...path]/route";
import { organizationUsage } from "@/server/billing/usage";
import { getDb, type Plan, type Prisma } from "@/server/db/client";
import { consume } from "@/server/rate-limit/rate-limit";
import { RATE_LIMITS } from "@/server/rate-limit/limits";
import { overrideAnalysis } from "@/server/review/overrides";
import { setResolverForTests } from "@/server/webhooks/address-guard";
import { createEndpoint } from "@/server/webhooks/endpoints";
import { callerFor, makeOrg, makeUser } from "../helpers/actors";
import { makeInterviewAnalysis } from "./authz/analysis.cases";
import { invite, makeTemplate } from "./authz/invitations.cases";
import { transcriptFromText } from "./analysis-fixture";

const HANDLERS = { GET, POST, DELETE, PATCH } as const;
type Method = keyof typeof HANDLERS;

type Sent = { status: number; headers: Headers; body: any; text: string };

/** Sends a request through the /api/v1 route handler, as Next.js would hand it over. */
async function send(
  method: Method,
  path: string,
  opts: { key?: string | null; body?: unknown; idempotencyKey?: string; rawBody?: string } = {},
): Promise<Sent> {
  const headers = new Headers();
  if (opts.key) headers.set("authorization", `Bearer ${opts.key}`);
  if (opts.idempotencyKey) headers.set("idempotency-key", opts.idempotencyKey);
  const body = opts.rawBody ?? (opts.body === undefined ? undefined : JSON.stringify(opts.body));
  if (body !== undefined) headers.set("content-type", "application/json");
  const url = new URL(`http://localhost:3000/api/v1${path}`);
  const segments = url.pathname
    .replace(/^\/api\/v1\//, "")
    .split("/")
    .map(decodeURIComponent);
  const res = await HANDLERS[method](new Request(url, { method, headers, body }), { params: Promise.resolve({ path: segments }) });
  const text = await res.text();
  const json = (res.headers.get("content-type") ?? "").includes("json");
  return { status: res.status, headers: res.headers, body: json ? JSON.parse(text) : null, text };
}

let idem = 0;
const newIdempotencyKey = () => `test-${Date.now()}-${++idem}`;

async function makeKey(organizationId: string, ownerId: string, scopes: ("read" | "write")[]) {
  return createApiKey(getDb(), { id: ownerId }, organizationId, createApiKeyInput.parse({ name: `key ${scopes.join("+")}`, scopes }));
}

async function setPlan(organizationId: string, plan: Plan) {
  await getDb().subscription.update({ where: { organizationId }, data: { plan, status: "active" } });
}

type World = Awaited<ReturnType<typeof buildWorld>>;

async function buildWorld() {
  const db = getDb();
  const orgA = await makeOrg("RestA");
  const orgB = await makeOrg("RestB");
  const owner = await makeUser({ role: "HR", orgId: orgA.id, orgRole: "OWNER" });
  const ownerB = await makeUser({ role: "HR", orgId: orgB.id, orgRole: "OWNER" });
  const template = await makeTemplate(orgA.id, { title: "Platform Engineer" });
  const templateB = await makeTemplate(orgB.id, { title: "Beta's own" });
  const invitationId = await invite(owner.id, orgA.id, template.id, "answered@example.com");

  // One answered question with a transcript, and an analysis HR has overridden.
  const response = await db.response.findFirstOrThrow({ where: { invitationId, type: "VIDEO" } });
  const spoken = transcriptFromText("I designed the ledger service. We sharded it by account.");
  await db.response.update({ where: { id: response.id }, data: { status: "TRANSCRIBED", submittedAt: new Date() } });
  await db.transcript.create({ data: { responseId: response.id, engine: "pocketsphinx", model: "en-us", text: spoken.text, segments: spoken.segments } });
  const evidence = [{ quote: "We sharded it by account.", responseId: response.id, startMs: 2000, endMs: 4000 }];
  await makeInterviewAnalysis(
    { id: invitationId, organizationId: orgA.id },
    {
      scores: [{ competencyId: "c1", competency: "Design", weight: 1, score: 3, rationale: "Named a sharding choice.", evidence }],
      overallScore: 3,
      recommendation: "yes",
      summary: "A concrete design answer.",
      strengths: [{ text: "Concrete", evidence }],
      concerns: [],
      flags: [],
    },
  );
  await overrideAnalysis(db, owner, orgA.id, { invitationId, field: "c1", value: "4", reason: "Strong in the follow-up call" });

  const readKey = await makeKey(orgA.id, owner.id, ["read"]);
  const writeKey = await makeKey(orgA.id, owner.id, ["write"]);
  const revokedKey = await makeKey(orgA.id, owner.id, ["read", "write"]);
  await revokeApiKey(db, owner, orgA.id, revokedKey.id);
  const otherOrgKey = await makeKey(orgB.id, ownerB.id, ["read", "write"]);
  return { orgA, orgB, owner, template, templateB, invitationId, responseId: response.id, readKey, writeKey, revokedKey, otherOrgKey };
}

type Variant = "read" | "write" | "revoked" | "otherOrg" | "none";

/**
 * One entry per documented operation: how to call it on organization A's records. `fresh` makes a
 * record the call may change (so each key's call starts from the same state).
 */
type RouteCase = {
  method: Method;
  path: (w: World, fresh: string) => string;
  body?: (w: World, fresh: string) => unknown;
  fresh?: (w: World) => Promise<string>;
  /** What an allowed call answers, checked on its body. */
  check: (res: Sent, w: World, fresh: string) => void;
  /** Another organization's key: NOT_FOUND for a record of A, or its own (empty of A) list. */
  otherOrg: (res: Sent, w: World) => void;
};

const freshInvitation = (w: World) => invite(w.owner.id, w.orgA.id, w.template.id, `fresh-${Date.now()}-${++idem}@example.com`);
const notFoundProblem = (res: Sent) => {
  expect(res.status).toBe(404);
  expect(res.body.type).toMatch(/#problem-not-found$/);
};

// Webhook endpoints must resolve to a public address; this machine has no DNS for hooks.example.com.
beforeAll(() => setResolverForTests(async () => [{ address: "93.184.215.14", family: 4 }]));
afterAll(() => setResolverForTests(null));

const freshEndpoint = async (w: World) =>
  (await createEndpoint(getDb(), w.owner, w.orgA.id, { url: `https://hooks.example.com/aivi/${++idem}`, description: "", events: ["interview.completed"] }))
    .endpoint.id;

// A draft of organization A's to change one question at a time; each call gets its own.
const freshDraft = async (w: World) => (await makeTemplate(w.orgA.id, { status: "DRAFT", title: `Draft ${++idem}` })).id;
const questionsOf = async (templateId: string) =>
  (await getDb().question.findMany({ where: { templateId }, orderBy: { position: "asc" }, select: { id: true } })).map((q) => q.id);
const restQuestion = { prompt: "Which queue would you pick?", type: "TEXT", required: false };
// A started interview whose only required question is answered, so it can be completed early.
const startedInterview = async (w: World) => {
  const id = await freshInvitation(w);
  const db = getDb();
  const [first] = await db.response.findMany({ where: { invitationId: id }, orderBy: { position: "asc" } });
  await db.response.update({ where: { id: first!.id }, data: { status: "UPLOADED", textAnswer: "Done.", submittedAt: new Date() } });
  const version = await db.invitation.findUniqueOrThrow({ where: { id }, select: { templateVersion: true } });
  const snapshot = version.templateVersion.snapshot as Prisma.InputJsonObject & { questions: Prisma.InputJsonObject[] };
  await db.templateVersion.update({
    where: { id: version.templateVersion.id },
    data: { snapshot: { ...snapshot, questions: snapshot.questions.map((q, i) => (i === 0 ? q : { ...q, required: false })) } },
  });
  await db.invitation.update({ where: { id }, data: { consentAt: new Date(), startedAt: new Date(), status: "IN_PROGRESS" } });
  return id;
};

const ROUTE_CASES: Record<string, RouteCase> = {
  addQuestion: {
    method: "POST",
    path: (_w, fresh) => `/templates/${fresh}/questions`,
    fresh: freshDraft,
    body: () => ({ question: restQuestion, position: 0 }),
    check: (res) => {
      expect(res.status).toBe(201);
      expect(res.body.questions).toHaveLength(3);
      expect(res.body.questions[0]).toMatchObject({ prompt: "Which queue would you pick?", required: false, position: 0 });
    },
    otherOrg: notFoundProblem,
  },
  updateQuestion: {
    method: "POST",
    path: (_w, fresh) => fresh,
    fresh: async (w) => {
      const templateId = await freshDraft(w);
      return `/templates/${templateId}/questions/${(await questionsOf(templateId))[1]}`;
    },
    body: () => ({ question: { ...restQuestion, prompt: "Which broker would you pick?" } }),
    check: (res) => expect(res.body.questions[1]).toMatchObject({ prompt: "Which broker would you pick?", type: "TEXT", required: false }),
    otherOrg: notFoundProblem,
  },
  removeQuestion: {
    method: "DELETE",
    path: (_w, fresh) => fresh,
    fresh: async (w) => {
      const templateId = await freshDraft(w);
      return `/templates/${templateId}/questions/${(await questionsOf(templateId))[0]}`;
    },
    check: (res) => expect(res.body.questions.map((q: { prompt: string }) => q.prompt)).toEqual(["How do you review code?"]),
    otherOrg: notFoundProblem,
  },
  reorderQuestions: {
    method: "POST",
    path: (_w, fresh) => `/templates/${fresh.split(" ")[0]}/question-order`,
    // The draft's id, then its question ids in reverse order.
    fresh: async (w) => {
      const templateId = await freshDraft(w);
      return [templateId, ...(await questionsOf(templateId)).reverse()].join(" ");
    },
    body: (_w, fresh) => ({ questionIds: fresh.split(" ").slice(1) }),
    check: (res) =>
      expect(res.body.questions.map((q: { prompt: string }) => q.prompt)).toEqual(["How do you review code?", "Tell us about a system you designed."]),
    otherOrg: notFoundProblem,
  },
  completeInvitation: {
    method: "POST",
    path: (_w, fresh) => `/invitations/${fresh}/complete`,
    fresh: startedInterview,
    check: (res, _w, fresh) => expect(res.body).toMatchObject({ id: fresh, status: "COMPLETED" }),
    otherOrg: notFoundProblem,
  },
  listWebhookEndpoints: {
    method: "GET",
    path: () => "/webhook-endpoints",
    fresh: freshEndpoint,
    check: (res, _w, fresh) => {
      expect(res.body.items.map((e: { id: string }) => e.id)).toContain(fresh);
      expect(JSON.stringify(res.body)).not.toContain("whsec_");
    },
    otherOrg: (res, _w) => {
      expect(res.status).toBe(200);
      expect(res.body.items).toEqual([]);
    },
  },
  createWebhookEndpoint: {
    method: "POST",
    path: () => "/webhook-endpoints",
    body: () => ({ url: `https://hooks.example.com/ats/${++idem}`, events: ["analysis.completed", "interview.completed"] }),
    check: (res) => {
      expect(res.status).toBe(201);
      expect(res.body.secret).toMatch(/^whsec_/);
      expect(res.body.endpoint).toMatchObject({ active: true, events: ["analysis.completed", "interview.completed"] });
    },
    // Another organization's key registers an endpoint of its own: that organization's, not A's.
    otherOrg: (res) => expect(res.status).toBe(201),
  },
  deleteWebhookEndpoint: {
    method: "DELETE",
    path: (_w, fresh) => `/webhook-endpoints/${fresh}`,
    fresh: freshEndpoint,
    check: (res) => expect(res.body).toEqual({ deleted: true }),
    otherOrg: notFoundProblem,
  },
  listTemplates: {
    method: "GET",
    path: () => "/templates?take=10",
    check: (res, w) => expect(res.body.items.map((t: { id: string }) => t.id)).toContain(w.template.id),
    otherOrg: (res, w) => {
      expect(res.status).toBe(200);
      expect(res.body.items.map((t: { id: string }) => t.id)).toEqual([w.templateB.id]);
    },
  },
  getTemplate: {
    method: "GET",
    path: (w) => `/templates/${w.template.id}`,
    check: (res, w) => {
      expect(res.body).toMatchObject({ id: w.template.id, title: "Platform Engineer", status: "PUBLISHED" });
      expect(res.body.questions).toHaveLength(2);
    },
    otherOrg: notFoundProblem,
  },
  createInvitations: {
    method: "POST",
    path: () => "/invitations",
    body: (w) => ({ templateId: w.template.id, candidates: { mode: "one", name: "Robin Rest", email: `robin-${++idem}@example.com` }, expiresInDays: 7 }),
    check: (res) => {
      expect(res.status).toBe(201);
      expect(res.body.created).toHaveLength(1);
      expect(res.body.created[0].candidateName).toBe("Robin Rest");
    },
    otherOrg: notFoundProblem,
  },
  listInvitations: {
    method: "GET",
    path: (w) => `/invitations?templateId=${w.template.id}&status=SENT&take=2`,
    check: (res) => {
      expect(res.body.items.length).toBeGreaterThan(0);
      expect(res.body.items.every((i: { status: string }) => i.status === "SENT")).toBe(true);
    },
    otherOrg: (res) => {
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ items: [], total: 0 });
    },
  },
  getInvitation: {
    method: "GET",
    path: (w) => `/invitations/${w.invitationId}`,
    check: (res, w) => expect(res.body).toMatchObject({ id: w.invitationId, candidateEmail: "answered@example.com", canCancel: true }),
    otherOrg: notFoundProblem,
  },
  cancelInvitation: {
    method: "POST",
    path: (_w, fresh) => `/invitations/${fresh}/cancel`,
    fresh: freshInvitation,
    check: (res, _w, fresh) => expect(res.body).toMatchObject({ id: fresh, status: "CANCELLED" }),
    otherOrg: notFoundProblem,
  },
  resendInvitation: {
    method: "POST",
    path: (_w, fresh) => `/invitations/${fresh}/resend`,
    fresh: freshInvitation,
    body: () => ({ expiresInDays: 30 }),
    check: (res, _w, fresh) => {
      expect(res.body).toMatchObject({ id: fresh, status: "SENT" });
      expect(new Date(res.body.expiresAt as string).getTime()).toBeGreaterThan(Date.now() + 29 * 24 * 3600 * 1000);
    },
    otherOrg: notFoundProblem,
  },
  getInterview: {
    method: "GET",
    path: (w) => `/interviews/${w.invitationId}`,
    check: (res, w) => {
      expect(res.body).toMatchObject({ id: w.invitationId, status: "SENT", progress: { answered: 1, total: 2 } });
      expect(res.body.timeline[0].kind).toBe("sent");
    },
    otherOrg: notFoundProblem,
  },
  getInterviewAnswers: {
    method: "GET",
    path: (w) => `/interviews/${w.invitationId}/answers`,
    check: (res, w) => {
      const answered = res.body.answers.find((a: { response: { id: string } | null }) => a.response?.id === w.responseId);
      expect(answered.transcript.text).toContain("sharded it by account");
      expect(answered.transcript.segments.length).toBeGreaterThan(0);
      expect(answered.captionsUrl).toBe(`http://localhost:3000/api/v1/interviews/${w.invitationId}/answers/${w.responseId}/captions`);
    },
    otherOrg: notFoundProblem,
  },
  getAnswerCaptions: {
    method: "GET",
    path: (w) => `/interviews/${w.invitationId}/answers/${w.responseId}/captions`,
    check: (res) => {
      expect(res.headers.get("content-type")).toMatch(/^text\/vtt/);
      expect(res.text).toMatch(/^WEBVTT/);
      expect(res.text).toContain("We sharded it by account.");
    },
    otherOrg: notFoundProblem,
  },
  getInterviewAnalysis: {
    method: "GET",
    path: (w) => `/interviews/${w.invitationId}/analysis`,
    check: (res, w) => {
      expect(res.body.state).toBe("complete");
      const score = res.body.analysis.scores[0];
      expect(score).toMatchObject({ competencyId: "c1", ai: 3, effective: 4, override: { value: "4", reason: "Strong in the follow-up call" } });
      expect(score.evidence[0]).toMatchObject({ quote: "We sharded it by account.", responseId: w.responseId, startMs: 2000 });
    },
    otherOrg: notFoundProblem,
  },
};

const exercised = new Set<string>();

describe("the public REST API (/api/v1)", () => {
  let w: World;
  let doc: any;
  beforeAll(async () => {
    w = await buildWorld();
    doc = await openApiRoute().json();
  });

  function operations(): { operationId: string; method: string; path: string; scope: string }[] {
    return Object.entries(doc.paths as Record<string, Record<string, { operationId: string; security: { apiKey: string[] }[] }>>).flatMap(([path, ops]) =>
      Object.entries(ops).map(([method, op]) => ({ operationId: op.operationId, method: method.toUpperCase(), path, scope: op.security[0]!.apiKey[0]! })),
    );
  }

  it("serves a valid OpenAPI 3.1 document", async () => {
    expect(doc.openapi).toBe("3.1.0");
    // validate() dereferences in place, so it gets a copy.
    const result = await validate(structuredClone(doc));
    expect(result.valid ? [] : result.errors).toEqual([]);
  });

  it("every documented route answers each kind of key as its scope says", async () => {
    for (const op of operations()) {
      const c = ROUTE_CASES[op.operationId];
      expect(c, `${op.operationId} needs a case in ROUTE_CASES`).toBeDefined();
      expect(c!.method).toBe(op.method);
      const call = async (variant: Variant) => {
        const fresh = c!.fresh ? await c!.fresh(w) : "";
        const key = { read: w.readKey.secret, write: w.writeKey.secret, revoked: w.revokedKey.secret, otherOrg: w.otherOrgKey.secret, none: null }[variant];
        const path = c!.path(w, fresh);
        expect(path.split("?")[0]!.replace(/[^/]+/g, "x"), `${op.operationId}'s case calls its documented path`).toBe(op.path.replace(/[^/]+/g, "x"));
        const res = await send(c!.method, path, { key, body: c!.body?.(w, fresh), idempotencyKey: c!.method === "POST" ? newIdempotencyKey() : undefined });
        return { res, fresh };
      };

      for (const variant of ["none", "revoked"] as const) {
        const { res } = await call(variant);
        expect(res.status, `${op.operationId} with ${variant} key`).toBe(401);
        expect(res.headers.get("content-type")).toBe("application/problem+json");
        expect(res.body.type).toMatch(/#problem-unauthorized$/);
      }
      for (const variant of ["read", "write"] as const) {
        const { res, fresh } = await call(variant);
        if (variant === op.scope) {
          expect(res.status, `${op.operationId} with a ${variant} key: ${res.text}`).toBeLessThan(300);
          expect(res.headers.get("ratelimit-policy")).toBe(`"per-key";q=${RATE_LIMITS.apiPerKey.points};w=${RATE_LIMITS.apiPerKey.duration}`);
          expect(res.headers.get("ratelimit")).toMatch(/^"per-key";r=\d+;t=\d+$/);
          c!.check(res, w, fresh);
          exercised.add(op.operationId);
        } else {
          expect(res.status, `${op.operationId} with a ${variant} key`).toBe(403);
          expect(res.body).toMatchObject({ status: 403, title: "The API key lacks the scope this needs" });
          expect(res.body.type).toMatch(/#problem-insufficient-scope$/);
        }
      }
      const { res } = await call("otherOrg");
      c!.otherOrg(res, w);
    }
  });

  it("another organization's key changes nothing of organization A", async () => {
    const before = await getDb().invitation.count({ where: { organizationId: w.orgA.id, status: "CANCELLED" } });
    const res = await send("POST", `/invitations/${w.invitationId}/cancel`, { key: w.otherOrgKey.secret, idempotencyKey: newIdempotencyKey() });
    expect(res.status).toBe(404);
    expect(await getDb().invitation.count({ where: { organizationId: w.orgA.id, status: "CANCELLED" } })).toBe(before);
  });

  it("a repeated Idempotency-Key returns the first response and invites once; reused for another request it is refused", async () => {
    const key = newIdempotencyKey();
    const body = { templateId: w.template.id, candidates: { mode: "one", name: "Idem Potent", email: "idem@example.com" } };
    const first = await send("POST", "/invitations", { key: w.writeKey.secret, body, idempotencyKey: key });
    const again = await send("POST", "/invitations", { key: w.writeKey.secret, body, idempotencyKey: key });
    expect(first.status).toBe(201);
    expect(again.status).toBe(201);
    expect(again.body).toEqual(first.body);
    expect(again.headers.get("idempotent-replayed")).toBe("true");
    expect(await getDb().invitation.count({ where: { organizationId: w.orgA.id, candidateEmail: "idem@example.com" } })).toBe(1);

    const other = await send("POST", "/invitations", { key: w.writeKey.secret, body: { ...body, expiresInDays: 3 }, idempotencyKey: key });
    expect(other.status).toBe(422);
    expect(other.body.type).toMatch(/#problem-idempotency-key-reused$/);

    // A day later the key is free again: the next POST of this API key clears its expired answers.
    await getDb().apiIdempotencyKey.update({
      where: { apiKeyId_key: { apiKeyId: w.writeKey.id, key } },
      data: { createdAt: new Date(Date.now() - 25 * 3600 * 1000) },
    });
    const nextDay = await send("POST", "/invitations", { key: w.writeKey.secret, body: { ...body, expiresInDays: 3 }, idempotencyKey: key });
    expect(nextDay.status).toBe(201);
    expect(nextDay.body.alreadyInvited).toEqual([{ name: "Idem Potent", email: "idem@example.com" }]);

    const missing = await send("POST", "/invitations", { key: w.writeKey.secret, body });
    expect(missing.status).toBe(400);
    expect(missing.body.detail).toMatch(/Idempotency-Key/);
  });

  it("a refused POST does not use up its Idempotency-Key", async () => {
    const key = newIdempotencyKey();
    const draft = await makeTemplate(w.orgA.id, { status: "DRAFT", title: "Draft" });
    const refused = await send("POST", "/invitations", {
      key: w.writeKey.secret,
      body: { templateId: draft.id, candidates: { mode: "one", name: "Dee", email: "dee@example.com" } },
      idempotencyKey: key,
    });
    expect(refused.status).toBe(409);
    expect(refused.body.detail).toMatch(/still a draft/);
    await getDb().template.update({ where: { id: draft.id }, data: { status: "PUBLISHED" } });
    const retried = await send("POST", "/invitations", {
      key: w.writeKey.secret,
      body: { templateId: draft.id, candidates: { mode: "one", name: "Dee", email: "dee@example.com" } },
      idempotencyKey: key,
    });
    expect(retried.status).toBe(201);
  });

  it("answers invalid input with problem details naming each field, and writes nothing", async () => {
    const res = await send("POST", "/invitations", {
      key: w.writeKey.secret,
      body: { templateId: w.template.id, candidates: { mode: "list", text: "Ada, ada@example.com\nnot a line" }, expiresInDays: 500 },
      idempotencyKey: newIdempotencyKey(),
    });
    expect(res.status).toBe(400);
    expect(res.headers.get("content-type")).toBe("application/problem+json");
    expect(res.body.errors).toEqual(
      expect.arrayContaining([
        { path: "candidates.text", message: 'line 2: write it as "name, email"' },
        { path: "expiresInDays", message: "The link can stay valid at most 90 days" },
      ]),
    );
    expect(await getDb().invitation.count({ where: { candidateEmail: "ada@example.com" } })).toBe(0);

    const badJson = await send("POST", "/invitations", { key: w.writeKey.secret, rawBody: "{not json", idempotencyKey: newIdempotencyKey() });
    expect(badJson.status).toBe(400);
    const badQuery = await send("GET", "/invitations?take=1000", { key: w.readKey.secret });
    expect(badQuery.status).toBe(400);
    expect(badQuery.body.errors[0].path).toBe("take");
  });

  it("pages lists with a cursor", async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res: Sent = await send("GET", `/invitations?take=2${cursor ? `&cursor=${cursor}` : ""}`, { key: w.readKey.secret });
      expect(res.status).toBe(200);
      seen.push(...(res.body.items as { id: string }[]).map((i) => i.id));
      cursor = res.body.nextCursor;
      expect(res.body.total).toBeGreaterThan(2);
    } while (cursor);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.length).toBe(await getDb().invitation.count({ where: { organizationId: w.orgA.id } }));
  });

  it("unknown routes are 404 and wrong methods 405, as problem details", async () => {
    const unknown = await send("GET", "/nothing-here", { key: w.readKey.secret });
    expect(unknown.status).toBe(404);
    expect(unknown.headers.get("content-type")).toBe("application/problem+json");
    const wrong = await send("PATCH", "/invitations", { key: w.writeKey.secret });
    expect(wrong.status).toBe(405);
    expect(wrong.headers.get("allow")).toBe("POST, GET");
  });

  it("counts each key against its rate limit: 429 with Retry-After and RateLimit headers", async () => {
    const key = await makeKey(w.orgA.id, w.owner.id, ["read"]);
    const ok = await send("GET", "/templates", { key: key.secret });
    expect(ok.headers.get("ratelimit")).toMatch(new RegExp(`^"per-key";r=${RATE_LIMITS.apiPerKey.points - 1};t=\\d+$`));
    await consume("apiPerKey", key.id, RATE_LIMITS.apiPerKey.points - 1);
    const limited = await send("GET", "/templates", { key: key.secret });
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(limited.headers.get("ratelimit")).toMatch(/^"per-key";r=0;t=\d+$/);
    expect(limited.body.type).toMatch(/#problem-rate-limited$/);
    // Another key of the same organization has its own count.
    expect((await send("GET", "/templates", { key: w.readKey.secret })).status).toBe(200);
  });

  it("records when a key was last used", async () => {
    const key = await makeKey(w.orgA.id, w.owner.id, ["read"]);
    expect((await getDb().apiKey.findUniqueOrThrow({ where: { id: key.id } })).lastUsedAt).toBeNull();
    await send("GET", "/templates", { key: key.secret });
    expect((await getDb().apiKey.findUniqueOrThrow({ where: { id: key.id } })).lastUsedAt).toBeInstanceOf(Date);
  });

  it("invitations sent over the API count against the plan, and past its limit are refused with 402", async () => {
    const org = await makeOrg("RestQuota", "PLUS");
    const owner = await makeUser({ role: "HR", orgId: org.id, orgRole: "OWNER" });
    const template = await makeTemplate(org.id);
    const key = await makeKey(org.id, owner.id, ["write"]);
    const limit = (await organizationUsage(getDb(), org.id)).meters.completedInterviewsPerMonth.limit!;
    const lines = Array.from({ length: limit }, (_, i) => `Candidate ${i}, quota-${i}@example.com`).join("\n");
    const full = await send("POST", "/invitations", {
      key: key.secret,
      body: { templateId: template.id, candidates: { mode: "list", text: lines } },
      idempotencyKey: newIdempotencyKey(),
    });
    expect(full.status).toBe(201);
    expect((await organizationUsage(getDb(), org.id)).meters.completedInterviewsPerMonth.used).toBe(limit);
    const over = await send("POST", "/invitations", {
      key: key.secret,
      body: { templateId: template.id, candidates: { mode: "one", name: "One More", email: "one-more@example.com" } },
      idempotencyKey: newIdempotencyKey(),
    });
    expect(over.status).toBe(402);
    expect(over.body.type).toMatch(/#problem-plan-required$/);
    expect(over.body.detail).toMatch(/The Plus plan allows 100 interviews a billing month/);
  });

  it("refuses keys of an organization that dropped to Free, and creating a key on Free", async () => {
    const org = await makeOrg("RestDowngrade", "PLUS");
    const owner = await makeUser({ role: "HR", orgId: org.id, orgRole: "OWNER" });
    const key = await makeKey(org.id, owner.id, ["read"]);
    expect((await send("GET", "/templates", { key: key.secret })).status).toBe(200);
    await setPlan(org.id, "FREE");
    const refused = await send("GET", "/templates", { key: key.secret });
    expect(refused.status).toBe(402);
    expect(refused.body.detail).toMatch(/The Free plan does not include the REST API/);

    const caller = await callerFor(owner.id);
    await expect(caller.apiKeys.create({ name: "ATS", scopes: ["read"] })).rejects.toMatchObject({ code: "PAYMENT_REQUIRED" });
    expect(await getDb().apiKey.count({ where: { organizationId: org.id } })).toBe(1);
    await expect(caller.apiKeys.list()).resolves.toMatchObject({ planAllows: false, planName: "Free" });
  });

  it("stops a key whose creator was suspended or left the organization", async () => {
    const org = await makeOrg("RestCreator");
    const creator = await makeUser({ role: "HR", orgId: org.id, orgRole: "OWNER" });
    const key = await makeKey(org.id, creator.id, ["read"]);
    expect((await send("GET", "/templates", { key: key.secret })).status).toBe(200);
    await getDb().user.update({ where: { id: creator.id }, data: { status: "SUSPENDED" } });
    const suspended = await send("GET", "/templates", { key: key.secret });
    expect(suspended.status).toBe(401);
    expect(suspended.body.detail).toMatch(/no longer has access/);
    await getDb().user.update({ where: { id: creator.id }, data: { status: "ACTIVE" } });
    await getDb().membership.deleteMany({ where: { userId: creator.id } });
    expect((await send("GET", "/templates", { key: key.secret })).status).toBe(401);
  });

  it("keys are shown once, stored as a hash, listed with prefix and scopes, and revoked by owners", async () => {
    const caller = await callerFor(w.owner.id);
    const created = await caller.apiKeys.create({ name: "Greenhouse sync", scopes: ["write", "read"] });
    expect(created.secret).toMatch(/^aivi_[A-Za-z0-9_-]{32}$/);
    expect(created.secret.startsWith(created.prefix)).toBe(true);
    expect(created.scopes).toEqual(["read", "write"]);
    const row = await getDb().apiKey.findUniqueOrThrow({ where: { id: created.id } });
    expect(JSON.stringify(row)).not.toContain(created.secret);
    const { keys } = await caller.apiKeys.list();
    const listed = keys.find((k) => k.id === created.id)!;
    expect(listed).toMatchObject({ name: "Greenhouse sync", prefix: created.prefix, scopes: ["read", "write"], revokedAt: null });
    expect(JSON.stringify(keys)).not.toContain(created.secret);
    expect((await send("GET", "/templates", { key: created.secret })).status).toBe(200);
    await caller.apiKeys.revoke({ id: created.id });
    const revoked = await send("GET", "/templates", { key: created.secret });
    expect(revoked.status).toBe(401);
    expect(revoked.body.detail).toBe("This API key was revoked.");
    await expect(caller.apiKeys.create({ name: "", scopes: [] })).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });

  it("has exercised every route of the OpenAPI document", () => {
    const documented = operations().map((o) => o.operationId);
    expect(documented.length).toBeGreaterThan(0);
    expect(documented.filter((id) => !exercised.has(id))).toEqual([]);
    expect(Object.keys(ROUTE_CASES).filter((id) => !documented.includes(id))).toEqual([]);
  });
});

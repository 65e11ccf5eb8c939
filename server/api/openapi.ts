import { z } from "zod";
import { env } from "../config/env";
import { RATE_LIMITS } from "../rate-limit/limits";
import { IDEMPOTENCY_TTL_MS } from "./idempotency";
import { PROBLEM_KINDS } from "./problem";
import { pathParams, type ApiRoute } from "./route";
import { API_BASE, API_ROUTES } from "./routes";

type JsonSchema = Record<string, unknown> & { properties?: Record<string, JsonSchema>; required?: string[] };

function jsonSchema(schema: z.ZodType, io: "input" | "output"): JsonSchema {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: "any" }) as JsonSchema;
  return rest;
}

const problemRef = { $ref: "#/components/schemas/Problem" };
const problemResponse = (description: string) => ({ description, content: { "application/problem+json": { schema: problemRef } } });

const rateLimitHeaders = {
  RateLimit: { description: 'What is left of the key\'s limit: `"per-key";r=<remaining>;t=<seconds until reset>`.', schema: { type: "string" } },
  "RateLimit-Policy": { description: 'The key\'s limit: `"per-key";q=<requests>;w=<window in seconds>`.', schema: { type: "string" } },
};

function operation(route: ApiRoute) {
  const input = jsonSchema(route.input, "input");
  const inPath = new Set(pathParams(route.path));
  const properties = input.properties ?? {};
  const required = new Set(input.required ?? []);
  const parameters: unknown[] = [...inPath].map((name) => ({ name, in: "path", required: true, schema: properties[name] ?? { type: "string" } }));
  let requestBody: unknown;
  if (route.method === "POST") {
    parameters.push({
      name: "Idempotency-Key",
      in: "header",
      required: true,
      description:
        "A unique value per request (e.g. a UUID). Sending the same key again within 24 hours returns the first successful response without acting twice.",
      schema: { type: "string", minLength: 1, maxLength: 255 },
    });
    const bodyProperties = Object.fromEntries(Object.entries(properties).filter(([name]) => !inPath.has(name)));
    const bodyRequired = [...required].filter((name) => !inPath.has(name));
    requestBody = {
      required: bodyRequired.length > 0,
      content: {
        "application/json": {
          schema: { ...input, properties: bodyProperties, ...(bodyRequired.length ? { required: bodyRequired } : { required: undefined }) },
        },
      },
    };
  } else {
    for (const [name, schema] of Object.entries(properties)) {
      if (inPath.has(name)) continue;
      parameters.push({ name, in: "query", required: required.has(name), schema });
    }
  }
  const content =
    route.produces === "text/vtt" ? { "text/vtt": { schema: { type: "string" } } } : { "application/json": { schema: jsonSchema(route.output, "output") } };
  return {
    operationId: route.operationId,
    summary: route.summary,
    description: `${route.description}\n\nScope: \`${route.scope}\`.`,
    tags: [route.tag],
    security: [{ apiKey: [route.scope] }],
    parameters,
    ...(requestBody ? { requestBody } : {}),
    responses: {
      [String(route.status)]: { description: route.status === 201 ? "Created." : "OK.", headers: rateLimitHeaders, content },
      "400": problemResponse("The input is not valid; `errors` names each field."),
      "401": problemResponse("No key, an unknown or revoked key, or its creator lost access."),
      "402": problemResponse("The organization's plan does not include the API, or this would pass a plan limit."),
      "403": problemResponse("The key lacks this route's scope."),
      "404": problemResponse("Not found in the key's organization."),
      ...(route.method === "POST"
        ? {
            "409": problemResponse("The resource's state refuses this, or a request with this Idempotency-Key is still running."),
            "422": problemResponse("The Idempotency-Key was already used for a different request."),
          }
        : {}),
      "429": problemResponse("Over the key's rate limit; `Retry-After` says when to come back."),
    },
  };
}

const problemList = Object.entries(PROBLEM_KINDS)
  .map(([kind, p]) => `- <a id="problem-${kind}"></a>\`${kind}\` (${p.status}): ${p.title}.`)
  .join("\n");

const DESCRIPTION = `The REST API of AI Video Interview: invite candidates from your ATS and read their interviews.

**Authentication.** An owner creates an API key at \`/settings/api-keys\` (Plus and Pro plans), with the scopes \`read\` and/or \`write\`. The key is shown once. Send it as \`Authorization: Bearer <key>\`. A key acts on its organization's data only, as the person who created it.

**Pagination.** Lists answer \`{ items, nextCursor, total }\`: pass \`nextCursor\` as \`cursor\` for the next page (\`take\` sets its size, at most 100) until it is null.

**Idempotency.** Every POST needs an \`Idempotency-Key\` header. Sending the same key again within ${IDEMPOTENCY_TTL_MS / 3_600_000} hours returns the first successful response (with \`Idempotent-Replayed: true\`) and does nothing new; the same key with a different request is refused (422). A refused or failed request does not use up its key.

**Rate limits.** ${RATE_LIMITS.apiPerKey.points} requests per ${RATE_LIMITS.apiPerKey.duration} seconds per key. Every answer carries \`RateLimit-Policy\` and \`RateLimit\` headers; over the limit the answer is 429 with \`Retry-After\`.

**Errors** are RFC 9457 problem details (\`application/problem+json\`: \`type\`, \`title\`, \`status\`, \`detail\`, and \`errors\` for invalid fields). The types:

${problemList}`;

/** The OpenAPI 3.1 document of the REST API, made from the route table and its zod schemas. */
export function openApiDocument() {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of API_ROUTES) (paths[route.path] ??= {})[route.method.toLowerCase()] = operation(route);
  return {
    openapi: "3.1.0",
    info: { title: "AI Video Interview API", version: "1.0.0", description: DESCRIPTION },
    servers: [{ url: `${env().APP_URL}${API_BASE}` }],
    security: [{ apiKey: [] }],
    tags: [
      { name: "Templates", description: "Interview templates: the questions and rubric candidates are invited to." },
      { name: "Invitations", description: "Invite candidates, follow, resend and cancel their links." },
      { name: "Interviews", description: "A candidate's interview: status, answers and the AI analysis." },
      { name: "Webhooks", description: "Endpoints that receive signed events (Standard Webhooks); the README shows how to verify them." },
    ],
    paths,
    components: {
      securitySchemes: { apiKey: { type: "http", scheme: "bearer", description: "An API key from /settings/api-keys: `Authorization: Bearer aivi_…`." } },
      schemas: {
        Problem: {
          type: "object",
          required: ["type", "title", "status", "detail"],
          properties: {
            type: { type: "string", format: "uri" },
            title: { type: "string" },
            status: { type: "integer" },
            detail: { type: "string" },
            errors: {
              type: "array",
              items: { type: "object", required: ["path", "message"], properties: { path: { type: "string" }, message: { type: "string" } } },
            },
          },
        },
      },
    },
  };
}

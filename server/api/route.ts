import type { z } from "zod";
import type { ApiKeyScope } from "../api-keys/api-keys.schema";
import type { Db } from "../db/client";

export type ApiContext = { db: Db; organizationId: string; actor: { id: string } };

export type HttpMethod = "GET" | "POST" | "DELETE";

/**
 * One REST route: the table of these drives the routing, the OpenAPI document and the test that
 * every documented route is exercised. `input` is the domain's own zod schema (the one its tRPC
 * procedure parses): path parameters plus the query (GET, DELETE) or the JSON body (POST).
 * `output` describes the answer on the wire; the adapter parses every answer with it.
 */
export type ApiRoute = {
  operationId: string;
  method: HttpMethod;
  /** Under /api/v1, with `{name}` for path parameters named as in `input`. */
  path: string;
  scope: ApiKeyScope;
  tag: string;
  summary: string;
  description: string;
  input: z.ZodObject;
  output: z.ZodType;
  status: 200 | 201;
  /** text/vtt answers a string; everything else is JSON. */
  produces: "application/json" | "text/vtt";
  handler: (ctx: ApiContext, input: unknown) => Promise<unknown>;
};

type RouteSpec<I extends z.ZodObject> = Omit<ApiRoute, "input" | "handler" | "status" | "produces"> & {
  input: I;
  status?: 200 | 201;
  produces?: ApiRoute["produces"];
  handler: (ctx: ApiContext, input: z.output<I>) => Promise<unknown>;
};

export function defineRoute<I extends z.ZodObject>(spec: RouteSpec<I>): ApiRoute {
  return { status: 200, produces: "application/json", ...spec, handler: spec.handler as ApiRoute["handler"] };
}

/** The names of a path's `{parameters}`. */
export function pathParams(path: string): string[] {
  return [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);
}

/** The route's parameters when `segments` (the path after /api/v1, split on "/") matches its path. */
export function matchPath(path: string, segments: string[]): Record<string, string> | null {
  const parts = path.split("/").filter(Boolean);
  if (parts.length !== segments.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i]!;
    const param = /^\{(\w+)\}$/.exec(part);
    if (param) params[param[1]!] = segments[i]!;
    else if (part !== segments[i]) return null;
  }
  return params;
}

import { InngestCommHandler, type InngestFunction } from "inngest";
import { inngest } from "../client";

/**
 * The SDK's serve handler as a function of a Request, built with its documented custom-framework
 * API. Nothing signs these calls: they never leave the process (/api/inngest is closed in this mode).
 */
export function inProcessHandler(functions: readonly InngestFunction.Any[]): (req: Request) => Promise<Response> {
  return new InngestCommHandler({
    frameworkName: "aivi-in-process",
    client: inngest,
    functions: [...functions],
    skipSignatureValidation: true,
    handler: (req: Request) => ({
      body: () => req.json(),
      headers: (key: string) => req.headers.get(key),
      method: () => req.method,
      url: () => new URL(req.url),
      transformResponse: ({ body, status, headers }: { body: string; status: number; headers: Record<string, string> }) =>
        new Response(body, { status, headers }),
    }),
  }).createHandler<(req: Request) => Promise<Response>>();
}

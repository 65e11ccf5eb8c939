import { serve } from "inngest/next";
import { NextResponse } from "next/server";
import { inngest } from "@/inngest/client";
import { functions } from "@/inngest/functions";
import { inngestMode } from "@/inngest/mode";

export const dynamic = "force-dynamic";
// ffmpeg and transcription steps can take minutes; Inngest calls one step per request.
export const maxDuration = 300;

const inProcess = inngestMode() === "in-process";
const handler = serve({ client: inngest, functions });

// In-process mode has no Inngest server to call this endpoint, and its client signs nothing:
// answering here would let anyone run a step, so the endpoint is closed.
const closed = () =>
  NextResponse.json(
    { error: "Background functions run in-process (no INNGEST_DEV or INNGEST_EVENT_KEY/INNGEST_SIGNING_KEY is set), so this endpoint is closed." },
    { status: 404 },
  );

export const GET = inProcess ? closed : handler.GET;
export const POST = inProcess ? closed : handler.POST;
export const PUT = inProcess ? closed : handler.PUT;

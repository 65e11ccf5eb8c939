import { randomBytes } from "node:crypto";
import { createWriteStream } from "node:fs";
import { mkdtemp, open, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { Readable, Transform } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { ReadableStream as WebReadableStream } from "node:stream/web";
import type { SessionUser } from "../auth/session-user";
import { audit } from "../audit/log";
import type { Db, Prisma } from "../db/client";
import { DomainError, notFound } from "../errors";
import { isPermanentMediaError } from "../media/errors";
import { makePlayback, planPlayback } from "../media/playback";
import { probeMedia, type MediaProbe } from "../media/probe";
import { makeThumbnail } from "../media/thumbnail";
import { recordingPlayback, type Playback } from "../review/playback";
import { getStorage, type StorageBody } from "../storage";
import { matchesSignature, SIGNATURE_BYTES } from "../uploads/limits";
import { lockTemplate } from "./editor";
import { deleteIntroFiles, type StoredIntroFile } from "./intro-files";
import { INTRO_VIDEO_MAX_BYTES, INTRO_VIDEO_MAX_LABEL, type IntroVideoInput } from "./intro-video.schema";
import { logger } from "@/server/logging/logger";

/** Refused for its size before or while it arrives: the route answers 413. */
export class IntroVideoTooLargeError extends DomainError {
  constructor() {
    super("BAD_REQUEST", `The video is larger than ${INTRO_VIDEO_MAX_LABEL}. Record a shorter one or compress it.`);
    this.name = "IntroVideoTooLargeError";
  }
}

const NOT_A_VIDEO = "That file is not a WebM or MP4 video.";

type Tx = Prisma.TransactionClient;
type IntroAsset = StoredIntroFile & { id: string; kind: string; contentType: string; durationMs: number | null; sizeBytes: bigint };

const INTRO_KINDS = ["INTRO_VIDEO", "INTRO_POSTER"] as const;

/** What the audit log keeps of an intro video: enough to tell two apart, never a storage key. */
function summary(asset: Pick<IntroAsset, "contentType" | "durationMs" | "sizeBytes"> | undefined) {
  return asset ? { contentType: asset.contentType, durationMs: asset.durationMs, sizeBytes: Number(asset.sizeBytes) } : null;
}

/** The container the file's own first bytes name; the declared type and the file name are only the client's word. */
function sniff(head: Buffer): "video/webm" | "video/mp4" | null {
  if (matchesSignature("video/webm", head)) return "video/webm";
  if (matchesSignature("video/mp4", head)) return "video/mp4";
  return null;
}

async function receive(body: StorageBody, file: string): Promise<number> {
  let received = 0;
  const limit = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      received += chunk.length;
      if (received > INTRO_VIDEO_MAX_BYTES) done(new IntroVideoTooLargeError());
      else done(null, chunk);
    },
  });
  const source = body instanceof Readable ? body : Readable.fromWeb(body as WebReadableStream<Uint8Array>);
  await pipeline(source, limit, createWriteStream(file));
  return received;
}

async function readHead(file: string): Promise<Buffer> {
  const handle = await open(file, "r");
  try {
    const head = Buffer.alloc(SIGNATURE_BYTES);
    const { bytesRead } = await handle.read(head, 0, SIGNATURE_BYTES, 0);
    return head.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

async function lockEditable(tx: Tx, organizationId: string, templateId: string) {
  const template = await lockTemplate(tx, organizationId, templateId);
  if (template.status === "ARCHIVED") throw new DomainError("PRECONDITION_FAILED", "This template is archived: its introduction can no longer change.");
  return tx.mediaAsset.findMany({ where: { templateId, kind: { in: [...INTRO_KINDS] } } });
}

/**
 * Stores `body` as the template's intro video, replacing the one before. The file is refused
 * unless its first bytes are WebM's or MP4's and ffprobe finds a video in it; it is kept as a
 * browser-playable copy (the media pipeline's remux or transcode when the upload needs one) with
 * a poster frame, on the configured storage. Like the intro text it is the template's current
 * one, outside the versions, so candidates already invited see it; an archived template's is fixed.
 */
export async function saveIntroVideo(
  db: Db,
  actor: Pick<SessionUser, "id">,
  organizationId: string,
  input: IntroVideoInput,
  body: StorageBody,
  declaredBytes: number | null,
) {
  if (declaredBytes !== null && declaredBytes > INTRO_VIDEO_MAX_BYTES) throw new IntroVideoTooLargeError();
  // Checked before the work, and again under the lock when the result is recorded.
  await db.$transaction((tx) => lockEditable(tx, organizationId, input.templateId));

  const work = await mkdtemp(path.join(os.tmpdir(), "intro-video-"));
  try {
    const upload = path.join(work, "upload");
    const sizeBytes = await receive(body, upload);
    if (sizeBytes === 0) throw new DomainError("BAD_REQUEST", "The video is empty.");
    const container = sniff(await readHead(upload));
    if (!container) throw new DomainError("BAD_REQUEST", NOT_A_VIDEO);

    let probe: MediaProbe;
    try {
      probe = await probeMedia(upload);
    } catch (error) {
      if (isPermanentMediaError(error)) throw new DomainError("BAD_REQUEST", `${NOT_A_VIDEO} It could not be read as one.`);
      throw error;
    }
    if (!probe.hasVideo) throw new DomainError("BAD_REQUEST", "That file has no picture: an intro video needs one.");

    const plan = planPlayback(probe);
    const video = plan ? path.join(work, `playback.${plan.extension}`) : upload;
    if (plan) await makePlayback(upload, video, plan, { durationMs: probe.durationMs });
    const poster = path.join(work, "poster.jpg");
    await makeThumbnail(upload, poster, probe);

    const storage = getStorage();
    const name = `templates/${input.templateId}/intro-${randomBytes(8).toString("hex")}`;
    const contentType = plan?.contentType ?? container;
    const storedVideo = await storage.putFile(`${name}.${plan?.extension ?? (container === "video/mp4" ? "mp4" : "webm")}`, video, { contentType });
    const storedPoster = await storage.putFile(`${name}.jpg`, poster, { contentType: "image/jpeg" });
    const stored = [
      { kind: "INTRO_VIDEO" as const, key: storedVideo.key, size: storedVideo.size, contentType, durationMs: probe.durationMs },
      { kind: "INTRO_POSTER" as const, key: storedPoster.key, size: storedPoster.size, contentType: "image/jpeg", durationMs: null },
    ];

    let previous: IntroAsset[];
    try {
      previous = await db.$transaction(async (tx) => {
        const before = await lockEditable(tx, organizationId, input.templateId);
        await tx.mediaAsset.deleteMany({ where: { id: { in: before.map((a) => a.id) } } });
        await tx.mediaAsset.createMany({
          data: stored.map((s) => ({
            organizationId,
            templateId: input.templateId,
            kind: s.kind,
            storageDriver: storage.driver,
            storageKey: s.key,
            contentType: s.contentType,
            sizeBytes: BigInt(s.size),
            durationMs: s.durationMs,
          })),
        });
        await audit(tx, {
          organizationId,
          actorId: actor.id,
          action: "template.introVideo",
          targetType: "template",
          targetId: input.templateId,
          data: {
            from: summary(before.find((a) => a.kind === "INTRO_VIDEO")),
            to: summary({ contentType, durationMs: probe.durationMs, sizeBytes: BigInt(storedVideo.size) }),
          },
        });
        return before;
      });
    } catch (error) {
      await deleteIntroFiles(stored.map((s) => ({ storageDriver: storage.driver, storageKey: s.key })));
      throw error;
    }
    await deleteIntroFiles(previous);
    return { contentType, durationMs: probe.durationMs, sizeBytes: storedVideo.size };
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

/** Takes the intro video off the template (audited); candidates see the intro text alone from then on. */
export async function removeIntroVideo(db: Db, actor: Pick<SessionUser, "id">, organizationId: string, input: IntroVideoInput) {
  const removed = await db.$transaction(async (tx) => {
    const before = await lockEditable(tx, organizationId, input.templateId);
    if (!before.length) return [];
    await tx.mediaAsset.deleteMany({ where: { id: { in: before.map((a) => a.id) } } });
    await audit(tx, {
      organizationId,
      actorId: actor.id,
      action: "template.introVideo",
      targetType: "template",
      targetId: input.templateId,
      data: { from: summary(before.find((a) => a.kind === "INTRO_VIDEO")), to: null },
    });
    return before;
  });
  await deleteIntroFiles(removed);
  return { removed: removed.length > 0 };
}

export type IntroVideoPlayback = Playback & { posterUrl: string | null; durationMs: number | null };

/**
 * Signed, expiring URLs of a template's intro video and poster, for the template page and for
 * the template's candidates; never the storage keys themselves.
 */
export async function introVideoPlayback(db: Pick<Tx, "mediaAsset">, templateId: string): Promise<IntroVideoPlayback | null> {
  const assets = await db.mediaAsset.findMany({
    where: { templateId, kind: { in: [...INTRO_KINDS] } },
    select: { kind: true, storageDriver: true, storageKey: true, contentType: true, durationMs: true },
  });
  const video = assets.find((a) => a.kind === "INTRO_VIDEO");
  if (!video) return null;
  const poster = assets.find((a) => a.kind === "INTRO_POSTER");
  try {
    const [playback, posterPlayback] = await Promise.all([recordingPlayback(video), poster ? recordingPlayback(poster) : null]);
    return { ...playback, posterUrl: posterPlayback?.url ?? null, durationMs: video.durationMs };
  } catch (error) {
    // An unreachable store must not keep the candidate from the interview: the intro is optional.
    logger.error({ err: error, templateId }, "could not sign an intro video's URL");
    return null;
  }
}

/** The template page's view of its intro video; another organization's template is not found. */
export async function templateIntroVideo(db: Db, organizationId: string, input: IntroVideoInput): Promise<IntroVideoPlayback | null> {
  const template = await db.template.findFirst({ where: { id: input.templateId, organizationId }, select: { id: true } });
  if (!template) throw notFound("The interview template");
  return introVideoPlayback(db, template.id);
}

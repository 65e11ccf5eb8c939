import { describe, expect, it } from "vitest";
import { planPlayback, playbackArgs } from "@/server/media/playback";

const probe = (p: Partial<Parameters<typeof planPlayback>[0]>) => ({
  container: "webm",
  videoCodec: "vp8",
  audioCodec: "opus",
  pixelFormat: "yuv420p",
  hasAudio: true,
  hasVideo: true,
  ...p,
});

describe("planPlayback", () => {
  it.each([
    ["MP4, H.264 + AAC", probe({ container: "mp4", videoCodec: "h264", audioCodec: "aac" })],
    ["MP4, H.264 without sound", probe({ container: "mp4", videoCodec: "h264", audioCodec: null, hasAudio: false })],
  ])("plays as it is: %s", (_name, p) => {
    expect(planPlayback(p)).toBeNull();
  });

  it.each([
    ["Chromium's WebM, VP8 + Opus", probe({})],
    ["WebM, VP9 + Opus", probe({ videoCodec: "vp9" })],
    ["WebM, AV1 + Vorbis", probe({ videoCodec: "av1", audioCodec: "vorbis" })],
  ])("is remuxed (streams copied) for a duration and cues: %s", (_name, p) => {
    expect(planPlayback(p)).toEqual({ format: "webm", video: "copy", audio: "copy", contentType: "video/webm", extension: "webm" });
  });

  it.each([
    ["an iPhone's HEVC in MOV", probe({ container: "mov", videoCodec: "hevc", audioCodec: "aac" }), { format: "mp4", video: "h264", audio: "copy" }],
    ["HEVC in MP4", probe({ container: "mp4", videoCodec: "hevc", audioCodec: "aac" }), { format: "mp4", video: "h264", audio: "copy" }],
    [
      "H.264 + AAC in MOV: only re-wrapped",
      probe({ container: "mov", videoCodec: "h264", audioCodec: "aac" }),
      { format: "mp4", video: "copy", audio: "copy" },
    ],
    [
      "10-bit H.264 in MP4",
      probe({ container: "mp4", videoCodec: "h264", pixelFormat: "yuv420p10le", audioCodec: "aac" }),
      { format: "mp4", video: "h264", audio: "copy" },
    ],
    ["H.264 + Opus in WebM (Chromium's codecs=h264)", probe({ videoCodec: "h264", audioCodec: "opus" }), { format: "mp4", video: "copy", audio: "aac" }],
    ["MPEG-4 Part 2 + MP3 in AVI", probe({ container: "avi", videoCodec: "mpeg4", audioCodec: "mp3" }), { format: "mp4", video: "h264", audio: "aac" }],
    ["H.264 + FLAC in Matroska", probe({ container: "matroska", videoCodec: "h264", audioCodec: "flac" }), { format: "mp4", video: "copy", audio: "aac" }],
    ["VP8 + Opus in Matroska", probe({ container: "matroska" }), { format: "webm", video: "copy", audio: "copy", contentType: "video/webm" }],
    ["VP9 + AAC in WebM", probe({ videoCodec: "vp9", audioCodec: "aac" }), { format: "mp4", video: "h264", audio: "copy" }],
    [
      "Opus without video",
      probe({ container: "ogg", videoCodec: null, pixelFormat: null, hasVideo: false }),
      { format: "m4a", video: null, audio: "aac", contentType: "audio/mp4", extension: "m4a" },
    ],
    ["Opus WebM without video", probe({ videoCodec: null, pixelFormat: null, hasVideo: false }), { format: "m4a", video: null, audio: "aac" }],
    [
      "AAC without video",
      probe({ container: "m4a", videoCodec: null, pixelFormat: null, audioCodec: "aac", hasVideo: false }),
      { format: "m4a", video: null, audio: "copy" },
    ],
    ["HEVC without sound", probe({ container: "mov", videoCodec: "hevc", audioCodec: null, hasAudio: false }), { format: "mp4", video: "h264", audio: null }],
  ])("needs a playback copy: %s", (_name, p, expected) => {
    expect(planPlayback(p)).toMatchObject(expected);
  });

  it("has nothing to play for a file with neither sound nor picture", () => {
    expect(planPlayback(probe({ hasAudio: false, hasVideo: false, videoCodec: null, audioCodec: null }))).toBeNull();
  });
});

describe("playbackArgs", () => {
  it("transcodes to H.264 (veryfast) + AAC with the moov box first, on the given threads", () => {
    const args = playbackArgs("/in.mov", "/out.mp4", planPlayback(probe({ container: "mov", videoCodec: "hevc", audioCodec: "mp3" }))!, 2);
    const joined = args.join(" ");
    expect(joined).toContain("-threads 2 -i /in.mov");
    expect(joined).toContain("-c:v libx264 -preset veryfast");
    expect(joined).toContain("-c:a aac");
    expect(joined).toContain("-movflags +faststart -f mp4 -y /out.mp4");
  });

  it("copies streams browsers already decode", () => {
    const joined = playbackArgs("/in.mkv", "/out.webm", planPlayback(probe({ container: "matroska" }))!, 1).join(" ");
    expect(joined).toContain("-map 0:V:0 -c:v copy -map 0:a:0 -c:a copy");
    expect(joined).toContain("-cues_to_front 1 -f webm");
    expect(joined).not.toContain("libx264");
    expect(joined).not.toContain("libvpx");
  });

  it("makes an audio-only M4A without a video stream", () => {
    const joined = playbackArgs("/in.ogg", "/out.m4a", planPlayback(probe({ container: "ogg", hasVideo: false, videoCodec: null }))!, 1).join(" ");
    expect(joined).toContain("-vn -map 0:a:0 -c:a aac");
    expect(joined).toContain("-movflags +faststart");
  });
});

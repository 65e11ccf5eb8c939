import { describe, expect, it } from "vitest";
import { MediaProcessingError } from "@/server/media/errors";
import { matroskaDocType, mediaProbeSchema, parseFfprobeOutput } from "@/server/media/probe";

// EBML header as MediaRecorder / ffmpeg write it: magic, header size, version fields, then DocType.
const ebml = (docType: string) =>
  Uint8Array.from([
    0x1a,
    0x45,
    0xdf,
    0xa3,
    0x9f,
    0x42,
    0x86,
    0x81,
    0x01,
    0x42,
    0xf7,
    0x81,
    0x01,
    0x42,
    0x82,
    0x80 | docType.length,
    ...Buffer.from(docType),
    0x42,
    0x87,
    0x81,
    0x04,
  ]);

// Trimmed from ffprobe 5.1's output on the files the tests make (extra fields kept, as ffprobe prints them).
const chromiumWebm = {
  streams: [
    {
      index: 0,
      codec_name: "vp8",
      codec_type: "video",
      width: 640,
      height: 480,
      pix_fmt: "yuv420p",
      r_frame_rate: "30/1",
      disposition: { default: 1, attached_pic: 0 },
      tags: { ENCODER: "Chrome" },
    },
    { index: 1, codec_name: "opus", codec_type: "audio", sample_rate: "48000", channels: 1, disposition: { default: 1, attached_pic: 0 } },
  ],
  format: { filename: "a.webm", nb_streams: 2, format_name: "matroska,webm", start_time: "-0.007000", size: "742343", probe_score: 100 },
};

describe("parseFfprobeOutput", () => {
  it("reads MediaRecorder's WebM: no duration in its header", () => {
    expect(parseFfprobeOutput(JSON.stringify(chromiumWebm), ebml("webm"))).toEqual({
      container: "webm",
      headerDurationMs: null,
      videoCodec: "vp8",
      audioCodec: "opus",
      width: 640,
      height: 480,
      pixelFormat: "yuv420p",
      hasAudio: true,
      hasVideo: true,
    });
  });

  it("tells Matroska from WebM by the EBML DocType", () => {
    expect(parseFfprobeOutput(JSON.stringify(chromiumWebm), ebml("matroska")).container).toBe("matroska");
    expect(parseFfprobeOutput(JSON.stringify(chromiumWebm)).container).toBe("matroska");
  });

  it("reads an iPhone MOV: HEVC turned a quarter, reported upright, duration from the header", () => {
    const mov = {
      streams: [
        {
          codec_name: "hevc",
          codec_type: "video",
          width: 1920,
          height: 1080,
          pix_fmt: "yuv420p10le",
          side_data_list: [{ side_data_type: "Display Matrix", displaymatrix: "…", rotation: -90 }],
        },
        { codec_name: "aac", codec_type: "audio" },
      ],
      format: { format_name: "mov,mp4,m4a,3gp,3g2,mj2", duration: "12.345000", tags: { major_brand: "qt  " } },
    };
    expect(parseFfprobeOutput(JSON.stringify(mov))).toMatchObject({
      container: "mov",
      headerDurationMs: 12_345,
      videoCodec: "hevc",
      width: 1080,
      height: 1920,
      pixelFormat: "yuv420p10le",
    });
  });

  it("names ISO files by their brand", () => {
    const iso = (brand: string) =>
      JSON.stringify({
        streams: [{ codec_type: "audio", codec_name: "aac" }],
        format: { format_name: "mov,mp4,m4a,3gp,3g2,mj2", duration: "1.0", tags: { major_brand: brand } },
      });
    expect(parseFfprobeOutput(iso("isom")).container).toBe("mp4");
    expect(parseFfprobeOutput(iso("mp42")).container).toBe("mp4");
    expect(parseFfprobeOutput(iso("M4A ")).container).toBe("m4a");
    expect(parseFfprobeOutput(iso("3gp5")).container).toBe("3gp");
  });

  it("does not take an MP3's cover art for video", () => {
    const mp3 = {
      streams: [
        { codec_name: "mp3", codec_type: "audio" },
        { codec_name: "mjpeg", codec_type: "video", width: 500, height: 500, disposition: { attached_pic: 1 } },
      ],
      format: { format_name: "mp3", duration: "30.000000" },
    };
    expect(parseFfprobeOutput(JSON.stringify(mp3))).toMatchObject({
      container: "mp3",
      hasVideo: false,
      videoCodec: null,
      width: null,
      height: null,
      hasAudio: true,
      audioCodec: "mp3",
    });
  });

  it("reads a video without sound", () => {
    const json = { streams: [{ codec_name: "vp8", codec_type: "video", width: 320, height: 240 }], format: { format_name: "matroska,webm" } };
    expect(parseFfprobeOutput(JSON.stringify(json), ebml("webm"))).toMatchObject({ hasAudio: false, audioCodec: null, hasVideo: true });
  });

  it("treats a zero or missing header duration as none", () => {
    const json = (duration?: string) =>
      JSON.stringify({ streams: [{ codec_type: "audio", codec_name: "opus" }], format: { format_name: "ogg", ...(duration ? { duration } : {}) } });
    expect(parseFfprobeOutput(json("0.000000")).headerDurationMs).toBeNull();
    expect(parseFfprobeOutput(json()).headerDurationMs).toBeNull();
  });

  it("refuses output that is not ffprobe's JSON as a fault of ours, not of the media", () => {
    expect(() => parseFfprobeOutput("not json")).toThrow(/ffprobe printed something other than JSON/);
    expect(() => parseFfprobeOutput(JSON.stringify({ streams: "nope", format: { format_name: "ogg" } }))).toThrow(/not in the expected shape/);
    try {
      parseFfprobeOutput("{}");
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(MediaProcessingError);
    }
  });

  it("produces what the recording's metadata schema accepts", () => {
    const { headerDurationMs: _h, ...fields } = parseFfprobeOutput(JSON.stringify(chromiumWebm), ebml("webm"));
    expect(mediaProbeSchema.parse({ ...fields, durationMs: 6_120, sizeBytes: 742_343 })).toMatchObject({ container: "webm", durationMs: 6_120 });
  });
});

describe("matroskaDocType", () => {
  it("reads the DocType of an EBML header and nothing else", () => {
    expect(matroskaDocType(ebml("webm"))).toBe("webm");
    expect(matroskaDocType(ebml("matroska"))).toBe("matroska");
    expect(matroskaDocType(Buffer.from("RIFF....WAVE"))).toBeNull();
    expect(matroskaDocType(ebml("webm").subarray(0, 17))).toBeNull();
    expect(matroskaDocType(new Uint8Array())).toBeNull();
  });
});

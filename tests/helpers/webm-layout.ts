import { readFile } from "node:fs/promises";

// Matroska element ids (https://www.matroska.org/technical/elements.html).
const SEGMENT = 0x18538067;
const INFO = 0x1549a966;
const DURATION = 0x4489;
const TIMESTAMP_SCALE = 0x2ad7b1;
const CUES = 0x1c53bb6b;
const CUE_POINT = 0xbb;
const CLUSTER = 0x1f43b675;

type Element = { id: number; dataStart: number; dataEnd: number };

/** An EBML variable-length number at `at`: its value (marker bit kept for ids) and its length. */
function vint(buf: Buffer, at: number, keepMarker: boolean): { value: number; length: number; unknown: boolean } {
  const first = buf[at]!;
  let length = 1;
  while (length <= 8 && !(first & (0x80 >> (length - 1)))) length++;
  let value = keepMarker ? first : first & (0xff >> length);
  let allOnes = value === 0xff >> length;
  for (let i = 1; i < length; i++) {
    value = value * 256 + buf[at + i]!;
    if (buf[at + i] !== 0xff) allOnes = false;
  }
  return { value, length, unknown: !keepMarker && allOnes };
}

function children(buf: Buffer, start: number, end: number): Element[] {
  const out: Element[] = [];
  let at = start;
  while (at < end) {
    const id = vint(buf, at, true);
    const size = vint(buf, at + id.length, false);
    const dataStart = at + id.length + size.length;
    const dataEnd = size.unknown ? end : Math.min(end, dataStart + size.value);
    out.push({ id: id.value, dataStart, dataEnd });
    at = dataEnd;
  }
  return out;
}

/**
 * What a browser needs from a WebM to show its length and seek before downloading it: the
 * duration in Info, and the Cues (the seek index) with where they sit relative to the first Cluster.
 */
export async function webmLayout(file: string): Promise<{ durationMs: number | null; cuePoints: number; cuesBeforeClusters: boolean }> {
  const buf = await readFile(file);
  const segment = children(buf, 0, buf.length).find((e) => e.id === SEGMENT);
  if (!segment) throw new Error(`${file} has no Matroska segment`);
  const top = children(buf, segment.dataStart, segment.dataEnd);
  const info = top.find((e) => e.id === INFO);
  const fields = info ? children(buf, info.dataStart, info.dataEnd) : [];
  const duration = fields.find((e) => e.id === DURATION);
  const scale = fields.find((e) => e.id === TIMESTAMP_SCALE);
  const scaleNs = scale ? buf.readUIntBE(scale.dataStart, scale.dataEnd - scale.dataStart) : 1_000_000;
  const ticks = duration ? (duration.dataEnd - duration.dataStart === 4 ? buf.readFloatBE(duration.dataStart) : buf.readDoubleBE(duration.dataStart)) : null;
  const cuesIndex = top.findIndex((e) => e.id === CUES);
  const clusterIndex = top.findIndex((e) => e.id === CLUSTER);
  const cues = cuesIndex >= 0 ? top[cuesIndex]! : null;
  return {
    durationMs: ticks === null ? null : (ticks * scaleNs) / 1_000_000,
    cuePoints: cues ? children(buf, cues.dataStart, cues.dataEnd).filter((e) => e.id === CUE_POINT).length : 0,
    cuesBeforeClusters: cuesIndex >= 0 && clusterIndex >= 0 && cuesIndex < clusterIndex,
  };
}

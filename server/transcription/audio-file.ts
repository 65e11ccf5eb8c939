import { stat } from "node:fs/promises";
import { TranscriptionError } from "./errors";
import type { TranscriptionEngine } from "./transcript.schema";

/** The audio's size in bytes; a missing file is the caller's bug, so trying again cannot help. */
export async function audioFileSize(audioPath: string, engine: TranscriptionEngine): Promise<number> {
  try {
    return (await stat(audioPath)).size;
  } catch (cause) {
    throw new TranscriptionError(`The audio to transcribe is not there: ${audioPath}`, false, engine, { cause });
  }
}

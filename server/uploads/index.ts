export { appendChunk, completeUpload, getUploadStatus, startUpload } from "./protocol";
export type { AppendChunkInput, CompleteUploadInput, StartUploadInput, UploadDeps, UploadProgress } from "./protocol";
export { authorizeUpload, authorizeUploadSession, type AuthorizedUpload } from "./authorize";
export { UploadError, UPLOAD_ERROR_STATUS, type UploadErrorCode } from "./errors";
export { ACCEPTED_TYPES, MAX_CHUNK_BYTES, MAX_CHUNKS, DEFAULT_MAX_UPLOAD_BYTES, parseRecordingType, uploadLimits, type UploadLimits } from "./limits";
export { INTERVIEW_TOKEN_HEADER } from "./http";

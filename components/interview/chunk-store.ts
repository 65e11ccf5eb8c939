// The browser's copy of every recording, in IndexedDB, written chunk by chunk while the camera
// records: a reload, a crash or a closed tab loses nothing the recorder had handed over, and the
// upload picks up from these chunks. A take is deleted only once its answer is safe on the server.

export type LocalTake = {
  /** `${responseId}:${take}` */
  key: string;
  invitationId: string;
  responseId: string;
  take: number;
  contentType: string;
  /** How many chunks are stored, numbered 0..chunkCount-1 without gaps. */
  chunkCount: number;
  /** Recorded time so far; final once `stopped`. */
  durationMs: number;
  /** The recorder stopped on its own terms (not cut off by a reload or a crash). */
  stopped: boolean;
  /** The server acknowledged the whole upload (complete). */
  uploaded: boolean;
  /** The candidate pressed Submit: the take is sent without asking again, also after a reload. */
  submitRequested?: boolean;
  createdAt: number;
};

export type ChunkStore = {
  /** False when the browser refused IndexedDB (some private modes): chunks live in memory only. */
  readonly durable: boolean;
  saveTake(take: LocalTake): Promise<void>;
  getTake(key: string): Promise<LocalTake | undefined>;
  updateTake(key: string, patch: Partial<Omit<LocalTake, "key">>): Promise<void>;
  /** Stores chunk `index` and raises the take's chunk count together, so the count never names a missing chunk. */
  appendChunk(key: string, index: number, blob: Blob, durationMs: number): Promise<void>;
  getChunk(key: string, index: number): Promise<Blob | undefined>;
  /** The whole take as one playable file. */
  takeBlob(key: string, contentType: string): Promise<Blob>;
  takesOf(invitationId: string): Promise<LocalTake[]>;
  deleteTake(key: string): Promise<void>;
};

export const takeKey = (responseId: string, take: number) => `${responseId}:${take}`;

const DB_NAME = "interview-recordings";
const DB_VERSION = 1;
const TAKES = "takes";
const CHUNKS = "chunks";

type StoredChunk = { key: string; index: number; blob: Blob };

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error("IndexedDB request failed"));
  });
}

function done(tx: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onabort = () => reject(tx.error ?? new Error("IndexedDB transaction aborted"));
    tx.onerror = () => reject(tx.error ?? new Error("IndexedDB transaction failed"));
  });
}

function openDb(): Promise<IDBDatabase> {
  return new Promise<IDBDatabase>((resolve, reject) => {
    const req = indexedDB.open(DB_NAME, DB_VERSION);
    req.onupgradeneeded = () => {
      const db = req.result;
      const takes = db.createObjectStore(TAKES, { keyPath: "key" });
      takes.createIndex("invitationId", "invitationId");
      db.createObjectStore(CHUNKS, { keyPath: ["key", "index"] });
    };
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error("IndexedDB could not be opened"));
    req.onblocked = () => reject(new Error("IndexedDB is blocked by another tab"));
  });
}

const chunkRange = (key: string) => IDBKeyRange.bound([key, 0], [key, Number.MAX_SAFE_INTEGER]);

function idbStore(db: IDBDatabase): ChunkStore {
  return {
    durable: true,
    async saveTake(take) {
      const tx = db.transaction(TAKES, "readwrite");
      tx.objectStore(TAKES).put(take);
      await done(tx);
    },
    async getTake(key) {
      return (await request(db.transaction(TAKES).objectStore(TAKES).get(key))) as LocalTake | undefined;
    },
    async updateTake(key, patch) {
      const tx = db.transaction(TAKES, "readwrite");
      const store = tx.objectStore(TAKES);
      // Awaiting a request's own success keeps the transaction active (same task), so this is one read-modify-write.
      const current = (await request(store.get(key))) as LocalTake | undefined;
      if (current) store.put({ ...current, ...patch });
      await done(tx);
    },
    async appendChunk(key, index, blob, durationMs) {
      const tx = db.transaction([TAKES, CHUNKS], "readwrite");
      const takes = tx.objectStore(TAKES);
      tx.objectStore(CHUNKS).put({ key, index, blob } satisfies StoredChunk);
      const current = (await request(takes.get(key))) as LocalTake | undefined;
      if (current) {
        takes.put({ ...current, chunkCount: Math.max(current.chunkCount, index + 1), durationMs: Math.max(current.durationMs, durationMs) });
      }
      await done(tx);
    },
    async getChunk(key, index) {
      const row = (await request(db.transaction(CHUNKS).objectStore(CHUNKS).get([key, index]))) as StoredChunk | undefined;
      return row?.blob;
    },
    async takeBlob(key, contentType) {
      const rows = (await request(db.transaction(CHUNKS).objectStore(CHUNKS).getAll(chunkRange(key)))) as StoredChunk[];
      return new Blob(
        rows.sort((a, b) => a.index - b.index).map((r) => r.blob),
        { type: contentType },
      );
    },
    async takesOf(invitationId) {
      const rows = (await request(db.transaction(TAKES).objectStore(TAKES).index("invitationId").getAll(invitationId))) as LocalTake[];
      return rows.sort((a, b) => a.createdAt - b.createdAt);
    },
    async deleteTake(key) {
      const tx = db.transaction([TAKES, CHUNKS], "readwrite");
      tx.objectStore(TAKES).delete(key);
      tx.objectStore(CHUNKS).delete(chunkRange(key));
      await done(tx);
    },
  };
}

/** Same behaviour without persistence, for browsers without IndexedDB; the upload is then the only copy. */
export function memoryStore(): ChunkStore {
  const takes = new Map<string, LocalTake>();
  const chunks = new Map<string, Blob[]>();
  return {
    durable: false,
    async saveTake(take) {
      takes.set(take.key, { ...take });
    },
    async getTake(key) {
      const take = takes.get(key);
      return take && { ...take };
    },
    async updateTake(key, patch) {
      const current = takes.get(key);
      if (current) takes.set(key, { ...current, ...patch });
    },
    async appendChunk(key, index, blob, durationMs) {
      const list = chunks.get(key) ?? [];
      list[index] = blob;
      chunks.set(key, list);
      const current = takes.get(key);
      if (current) takes.set(key, { ...current, chunkCount: Math.max(current.chunkCount, index + 1), durationMs: Math.max(current.durationMs, durationMs) });
    },
    async getChunk(key, index) {
      return chunks.get(key)?.[index];
    },
    async takeBlob(key, contentType) {
      return new Blob((chunks.get(key) ?? []).filter(Boolean), { type: contentType });
    },
    async takesOf(invitationId) {
      return [...takes.values()].filter((t) => t.invitationId === invitationId).sort((a, b) => a.createdAt - b.createdAt);
    },
    async deleteTake(key) {
      takes.delete(key);
      chunks.delete(key);
    },
  };
}

let store: Promise<ChunkStore> | null = null;

/** The page's one store: IndexedDB when the browser allows it, memory otherwise. */
export function chunkStore(): Promise<ChunkStore> {
  store ??= (typeof indexedDB === "undefined" ? Promise.reject(new Error("no IndexedDB")) : openDb()).then(
    (db) => {
      // Another tab upgrading the schema asks this one to let go; the next call reopens.
      db.onversionchange = () => {
        db.close();
        store = null;
      };
      return idbStore(db);
    },
    () => memoryStore(),
  );
  return store;
}

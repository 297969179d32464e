/**
 * SSB responses cached in the task pane's IndexedDB, so a template opened again (or
 * offline) does not spend SSB's quota on figures already fetched.
 *
 * The cache is a help, never a requirement: where IndexedDB is missing or fails
 * (private browsing, storage full, a WebView that never opens the database), `get`
 * answers "not cached" and `set` does nothing, and `onError` says why. Entries are held
 * to cache-entry.ts: one too large is not stored, and one read back that does not fit
 * (another version's layout, a damaged or planted entry) is removed.
 */
import { readStoredResponse, storableResponse, toStoredResponse } from "./cache-entry";
import type { CachedResponse, ResponseCache } from "./types";

export const IDB_DATABASE_NAME = "kostra-benchmark";
export const IDB_STORE_NAME = "ssb-responses";
const IDB_VERSION = 1;

export type IndexedDbCacheOperation = "open" | "get" | "set" | "delete";

export interface IndexedDbResponseCacheOptions {
  /** The IndexedDB to use (default: the page's `indexedDB`). Tests pass fake-indexeddb's. */
  indexedDB?: IDBFactory;
  /** Told of every failure the cache absorbed. */
  onError?: (error: unknown, operation: IndexedDbCacheOperation) => void;
  /**
   * Give up opening the database after this long (default 5 s): some WebViews leave
   * the open request pending forever, and a load must not wait on its cache.
   */
  openTimeoutMs?: number;
}

/** `transaction()` throws this when the connection is closing or closed. */
function isClosedConnection(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { name?: unknown }).name === "InvalidStateError";
}

export class IndexedDbResponseCache implements ResponseCache {
  private readonly factory: IDBFactory | undefined;
  private readonly onError?: (error: unknown, operation: IndexedDbCacheOperation) => void;
  private readonly openTimeoutMs: number;
  /** The open database; resolves undefined for good once opening failed. */
  private db?: Promise<IDBDatabase | undefined>;

  constructor(options: IndexedDbResponseCacheOptions = {}) {
    this.factory = options.indexedDB ?? (typeof indexedDB === "undefined" ? undefined : indexedDB);
    this.onError = options.onError;
    this.openTimeoutMs = options.openTimeoutMs ?? 5_000;
  }

  async get(key: string): Promise<CachedResponse | undefined> {
    const db = await this.database();
    if (!db) return undefined;
    return new Promise<CachedResponse | undefined>((resolve) => {
      try {
        const tx = db.transaction(IDB_STORE_NAME, "readonly");
        const request = tx.objectStore(IDB_STORE_NAME).get(key);
        request.onsuccess = () => {
          const stored: unknown = request.result;
          if (stored === undefined) return resolve(undefined);
          const entry = readStoredResponse(stored, key);
          if (!entry) {
            this.report(new Error(`IndexedDB cache: the entry for ${JSON.stringify(key)} is not a cached response; removed`), "get");
            // Removed after this read finishes; the caller fetches again meanwhile.
            void this.delete(key);
            return resolve(undefined);
          }
          resolve(entry);
        };
        tx.onabort = () => {
          this.report(tx.error ?? request.error ?? new Error("IndexedDB cache: read aborted"), "get");
          resolve(undefined);
        };
      } catch (error) {
        if (isClosedConnection(error)) this.lost(db);
        this.report(error, "get");
        resolve(undefined);
      }
    });
  }

  async set(key: string, value: CachedResponse): Promise<void> {
    const entry = storableResponse(value);
    if (!entry) {
      this.report(new Error(`IndexedDB cache: the answer for ${JSON.stringify(key)} is too large or malformed to cache; not stored`), "set");
      return;
    }
    return this.write("set", (store) => store.put(toStoredResponse(key, entry), key));
  }

  async delete(key: string): Promise<void> {
    return this.write("delete", (store) => store.delete(key));
  }

  /** One write transaction; a failure is reported, never thrown. */
  private async write(operation: "set" | "delete", work: (store: IDBObjectStore) => void): Promise<void> {
    const db = await this.database();
    if (!db) return;
    return new Promise<void>((resolve) => {
      try {
        // A cache can lose its last write in a power cut; relaxed durability is faster.
        const tx = db.transaction(IDB_STORE_NAME, "readwrite", { durability: "relaxed" });
        tx.oncomplete = () => resolve();
        tx.onabort = () => {
          this.report(tx.error ?? new Error(`IndexedDB cache: ${operation} aborted`), operation);
          resolve();
        };
        work(tx.objectStore(IDB_STORE_NAME));
      } catch (error) {
        if (isClosedConnection(error)) this.lost(db);
        this.report(error, operation);
        resolve();
      }
    });
  }

  private database(): Promise<IDBDatabase | undefined> {
    if (!this.db) this.db = this.open();
    return this.db;
  }

  private open(): Promise<IDBDatabase | undefined> {
    const factory = this.factory;
    if (!factory) {
      this.report(new Error("IndexedDB is not available here; SSB responses are not cached"), "open");
      return Promise.resolve(undefined);
    }
    return new Promise<IDBDatabase | undefined>((resolve) => {
      let settled = false;
      const finish = (db: IDBDatabase | undefined, error?: unknown) => {
        if (settled) {
          db?.close(); // opened after we gave up on it
          return;
        }
        settled = true;
        clearTimeout(timer);
        if (error !== undefined) this.report(error, "open");
        resolve(db);
      };
      const timer = setTimeout(() => finish(undefined, new Error(`IndexedDB did not open within ${this.openTimeoutMs} ms; SSB responses are not cached`)), this.openTimeoutMs);
      let request: IDBOpenDBRequest;
      try {
        request = factory.open(IDB_DATABASE_NAME, IDB_VERSION);
      } catch (error) {
        finish(undefined, error);
        return;
      }
      request.onupgradeneeded = () => {
        const db = request.result;
        if (!db.objectStoreNames.contains(IDB_STORE_NAME)) db.createObjectStore(IDB_STORE_NAME);
      };
      request.onsuccess = () => {
        const db = request.result;
        // Another tab with a newer version of the add-in wants to upgrade: step aside.
        db.onversionchange = () => this.lost(db);
        // The browser closed it (storage cleared, disk error): open again next time.
        db.onclose = () => this.lost(db);
        finish(db);
      };
      request.onerror = (event) => {
        event.preventDefault();
        finish(undefined, request.error ?? new Error("IndexedDB could not be opened"));
      };
    });
  }

  /** Close and forget a connection that no longer works, so the next call opens a new one. */
  private lost(db: IDBDatabase): void {
    db.close();
    const current = this.db;
    if (!current) return;
    void current.then((open) => {
      if (open === db && this.db === current) this.db = undefined;
    });
  }

  private report(error: unknown, operation: IndexedDbCacheOperation): void {
    try {
      this.onError?.(error, operation);
    } catch {
      // A failing error callback must not turn a cache miss into a failed load.
    }
  }
}

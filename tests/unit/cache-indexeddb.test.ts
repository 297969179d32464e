import { IDBFactory } from "fake-indexeddb";
import { IDB_DATABASE_NAME, IDB_STORE_NAME, IndexedDbResponseCache, type IndexedDbCacheOperation } from "../../src/sources/ssb/cache-indexeddb";
import { MAX_RESPONSE_BYTES } from "../../src/kostra/limits";
import type { CachedResponse } from "../../src/sources/ssb/types";

const response = (body: string): CachedResponse => ({ body, fetchedAt: "2025-01-06T08:00:00.000Z", updated: "2024-12-16T07:00:00Z" });
const KEY = 'GET https://data.ssb.no/api/pxwebapi/v2/tables/12362/data?lang=no&valueCodes[Tid]=2024';

function errors() {
  const seen: { error: unknown; operation: IndexedDbCacheOperation }[] = [];
  return { seen, onError: (error: unknown, operation: IndexedDbCacheOperation) => seen.push({ error, operation }) };
}

/** Opens the cache's database directly, as another part of the page would. */
function openRaw(factory: IDBFactory): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = factory.open(IDB_DATABASE_NAME);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

/** A factory whose databases misbehave once open, through `patch` on each new connection. */
function patchedFactory(patch: (db: IDBDatabase) => void): { factory: IDBFactory; opens: () => number } {
  const real = new IDBFactory();
  let opens = 0;
  const factory = {
    open: (name: string, version?: number) => {
      opens++;
      const request = real.open(name, version);
      request.addEventListener("success", () => patch(request.result));
      return request;
    },
  } as unknown as IDBFactory;
  return { factory, opens: () => opens };
}

describe("IndexedDbResponseCache", () => {
  it("returns what was stored, also to a new instance (the pane reloaded)", async () => {
    const factory = new IDBFactory();
    const { seen, onError } = errors();
    await new IndexedDbResponseCache({ indexedDB: factory, onError }).set(KEY, response("A"));
    await expect(new IndexedDbResponseCache({ indexedDB: factory, onError }).get(KEY)).resolves.toEqual(response("A"));
    expect(seen).toEqual([]);
  });

  it("keeps a response without SSB's updated timestamp without inventing one", async () => {
    const cache = new IndexedDbResponseCache({ indexedDB: new IDBFactory() });
    await cache.set("k", { body: "{}", fetchedAt: "2025-01-06T08:00:00.000Z" });
    const got = await cache.get("k");
    expect(got).toEqual({ body: "{}", fetchedAt: "2025-01-06T08:00:00.000Z" });
    expect(got && "updated" in got).toBe(false);
  });

  it("overwrites a key", async () => {
    const cache = new IndexedDbResponseCache({ indexedDB: new IDBFactory() });
    await cache.set(KEY, response("old"));
    await cache.set(KEY, response("new"));
    await expect(cache.get(KEY)).resolves.toEqual(response("new"));
  });

  it("answers undefined for a key never stored, without calling it an error", async () => {
    const { seen, onError } = errors();
    const cache = new IndexedDbResponseCache({ indexedDB: new IDBFactory(), onError });
    await cache.set("a", response("A"));
    await expect(cache.get("b")).resolves.toBeUndefined();
    expect(seen).toEqual([]);
  });

  it(`stores in the database "${IDB_DATABASE_NAME}", store "${IDB_STORE_NAME}"`, async () => {
    expect([IDB_DATABASE_NAME, IDB_STORE_NAME]).toEqual(["kostra-benchmark", "ssb-responses"]);
    const factory = new IDBFactory();
    await new IndexedDbResponseCache({ indexedDB: factory }).set(KEY, response("A"));
    const db = await openRaw(factory);
    expect([...db.objectStoreNames]).toEqual([IDB_STORE_NAME]);
    const stored = await new Promise((resolve) => {
      const request = db.transaction(IDB_STORE_NAME).objectStore(IDB_STORE_NAME).get(KEY);
      request.onsuccess = () => resolve(request.result);
    });
    db.close();
    expect(stored).toEqual({ key: KEY, ...response("A") });
  });

  it("treats an entry that is not a cached response as a miss and reports it", async () => {
    const factory = new IDBFactory();
    await new IndexedDbResponseCache({ indexedDB: factory }).set("other", response("A"));
    const db = await openRaw(factory);
    await new Promise<void>((resolve) => {
      const tx = db.transaction(IDB_STORE_NAME, "readwrite");
      tx.objectStore(IDB_STORE_NAME).put({ body: 42 }, "broken");
      tx.objectStore(IDB_STORE_NAME).put({ key: "someone else", ...response("B") }, "moved");
      tx.oncomplete = () => resolve();
    });
    db.close();

    const { seen, onError } = errors();
    const cache = new IndexedDbResponseCache({ indexedDB: factory, onError });
    await expect(cache.get("broken")).resolves.toBeUndefined();
    await expect(cache.get("moved")).resolves.toBeUndefined();
    expect(seen.map((e) => e.operation)).toEqual(["get", "get"]);
    // Both are removed, so the next load fetches instead of failing on them again. The reads
    // queued the removals; a later write through the same cache runs after them (IndexedDB runs
    // read-write transactions on one store in the order they were created), so once it is done, so are they.
    await cache.delete("nothing-stored-here");
    const raw = await openRaw(factory);
    const keys = await new Promise<IDBValidKey[]>((resolve) => {
      const request = raw.transaction(IDB_STORE_NAME).objectStore(IDB_STORE_NAME).getAllKeys();
      request.onsuccess = () => resolve(request.result);
    });
    raw.close();
    expect(keys).toEqual(["other"]);
  });

  it("holds entries to the limits of every cache: too large or not dated is not stored, and delete forgets", async () => {
    const { seen, onError } = errors();
    const cache = new IndexedDbResponseCache({ indexedDB: new IDBFactory(), onError });
    await cache.set("big", { body: " ".repeat(MAX_RESPONSE_BYTES + 1), fetchedAt: "2025-01-06T08:00:00.000Z" });
    await cache.set("undated", { body: "{}", fetchedAt: "yesterday" });
    await expect(cache.get("big")).resolves.toBeUndefined();
    await expect(cache.get("undated")).resolves.toBeUndefined();
    expect(seen.map((e) => e.operation)).toEqual(["set", "set"]);
    await cache.set(KEY, response("A"));
    await cache.delete(KEY);
    await expect(cache.get(KEY)).resolves.toBeUndefined();
  });

  describe("fails soft", () => {
    it("where there is no IndexedDB at all", async () => {
      expect(typeof indexedDB).toBe("undefined"); // jest's node environment has none
      const { seen, onError } = errors();
      const cache = new IndexedDbResponseCache({ onError });
      await expect(cache.set(KEY, response("A"))).resolves.toBeUndefined();
      await expect(cache.get(KEY)).resolves.toBeUndefined();
      expect(seen.map((e) => e.operation)).toEqual(["open"]); // told once, not on every call
    });

    it("when open throws (e.g. a SecurityError in a sandboxed frame)", async () => {
      const { seen, onError } = errors();
      const failure = new DOMException("Access to IndexedDB is denied in this context.", "SecurityError");
      const factory = {
        open: () => {
          throw failure;
        },
      } as unknown as IDBFactory;
      const cache = new IndexedDbResponseCache({ indexedDB: factory, onError });
      await expect(cache.get(KEY)).resolves.toBeUndefined();
      await expect(cache.set(KEY, response("A"))).resolves.toBeUndefined();
      expect(seen).toEqual([{ error: failure, operation: "open" }]);
    });

    it("when open fails with an error event (e.g. private browsing)", async () => {
      const { seen, onError } = errors();
      const failure = new DOMException("A mutation operation was attempted on a database that did not allow mutations.", "InvalidStateError");
      const factory = {
        open: () => {
          const request: { error?: DOMException; onerror?: IDBOpenDBRequest["onerror"] } = {};
          setTimeout(() => {
            request.error = failure;
            request.onerror?.call(request as IDBOpenDBRequest, { preventDefault: () => undefined } as Event);
          }, 0);
          return request;
        },
      } as unknown as IDBFactory;
      const cache = new IndexedDbResponseCache({ indexedDB: factory, onError });
      await expect(cache.get(KEY)).resolves.toBeUndefined();
      await expect(cache.set(KEY, response("A"))).resolves.toBeUndefined();
      expect(seen).toEqual([{ error: failure, operation: "open" }]);
    });

    it("when open never answers", async () => {
      const { seen, onError } = errors();
      const factory = { open: () => ({}) } as unknown as IDBFactory;
      const cache = new IndexedDbResponseCache({ indexedDB: factory, onError, openTimeoutMs: 10 });
      await expect(cache.get(KEY)).resolves.toBeUndefined();
      expect(seen.map((e) => e.operation)).toEqual(["open"]);
      expect(String(seen[0].error)).toMatch(/did not open within 10 ms/);
    });

    it("when a write is refused (storage full)", async () => {
      const quota = new DOMException("The quota has been exceeded.", "QuotaExceededError");
      const { factory } = patchedFactory((db) => {
        const transaction = db.transaction.bind(db);
        db.transaction = ((names: string, mode?: IDBTransactionMode, options?: IDBTransactionOptions) => {
          if (mode === "readwrite") throw quota;
          return transaction(names, mode, options);
        }) as IDBDatabase["transaction"];
      });
      const { seen, onError } = errors();
      const cache = new IndexedDbResponseCache({ indexedDB: factory, onError });
      await expect(cache.set(KEY, response("A"))).resolves.toBeUndefined();
      await expect(cache.get(KEY)).resolves.toBeUndefined();
      expect(seen).toEqual([{ error: quota, operation: "set" }]);
    });

    it("when a write transaction aborts after it started", async () => {
      const { factory } = patchedFactory((db) => {
        const transaction = db.transaction.bind(db);
        db.transaction = ((names: string, mode?: IDBTransactionMode, options?: IDBTransactionOptions) => {
          const tx = transaction(names, mode, options);
          if (mode === "readwrite") {
            const store = tx.objectStore.bind(tx);
            tx.objectStore = (name: string) => {
              const s = store(name);
              const put = s.put.bind(s);
              s.put = (value: unknown, key?: IDBValidKey) => {
                const request = put(value, key);
                tx.abort();
                return request;
              };
              return s;
            };
          }
          return tx;
        }) as IDBDatabase["transaction"];
      });
      const { seen, onError } = errors();
      const cache = new IndexedDbResponseCache({ indexedDB: factory, onError });
      await expect(cache.set(KEY, response("A"))).resolves.toBeUndefined();
      await expect(cache.get(KEY)).resolves.toBeUndefined();
      expect(seen.map((e) => e.operation)).toEqual(["set"]);
    });

    it("opens a new connection when the old one was closed under it", async () => {
      let broken = true;
      const { factory, opens } = patchedFactory((db) => {
        const transaction = db.transaction.bind(db);
        db.transaction = ((names: string, mode?: IDBTransactionMode, options?: IDBTransactionOptions) => {
          if (broken) {
            broken = false;
            throw new DOMException("The database connection is closing.", "InvalidStateError");
          }
          return transaction(names, mode, options);
        }) as IDBDatabase["transaction"];
      });
      const { seen, onError } = errors();
      const cache = new IndexedDbResponseCache({ indexedDB: factory, onError });
      await expect(cache.set(KEY, response("A"))).resolves.toBeUndefined();
      await cache.set(KEY, response("B"));
      await expect(cache.get(KEY)).resolves.toEqual(response("B"));
      expect(opens()).toBe(2);
      expect(seen.map((e) => e.operation)).toEqual(["set"]);
    });

    it("even when the error callback itself throws", async () => {
      const cache = new IndexedDbResponseCache({
        onError: () => {
          throw new Error("logging failed");
        },
      });
      await expect(cache.get(KEY)).resolves.toBeUndefined();
      await expect(cache.set(KEY, response("A"))).resolves.toBeUndefined();
    });
  });
});

/**
 * The pane's doors to its data, in three steps:
 * - the start modules (./start/startModules): the templates' and the municipalities' names
 *   (the start manifest) and the networks — what the first view shows. They are part of
 *   the first script (a chunk of their own cost the pane a script load and a task before
 *   its first view), and `start()` hands them out.
 * - the registry (./start/registryModules): code history, search, KOSTRA groups.
 *   `loadRegistry()` loads it (index.tsx does so once the first view has been painted; a
 *   municipality picker as soon as the user types) and `registry()` hands it out.
 * - the domain chunk (./domainModules): the catalog, the engine, the sample, the template
 *   settings checker, reading files and SSB. `loadDomain()` loads it (index.tsx does so
 *   once the first view is on screen; an action that needs it waits for it) and
 *   `domain()` hands it out.
 */
import * as startModules from "./start/startModules";

export type Start = typeof startModules;
export type Registry = typeof import("./start/registryModules");
export type Domain = typeof import("./domainModules");

/** A lazily imported module, loaded once; a failed load is forgotten, so the next call tries again. */
function door<M>(load: () => Promise<M>, what: string) {
  let loaded: M | null = null;
  let loading: Promise<M> | null = null;
  let arrive: (m: M) => void = () => undefined;
  const arrived = new Promise<M>((resolve) => (arrive = resolve));
  return {
    load(): Promise<M> {
      loading ??= load().then(
        (m) => {
          loaded = m;
          arrive(m);
          return m;
        },
        (error: unknown) => {
          loading = null;
          throw error;
        },
      );
      return loading;
    },
    get(): M {
      if (!loaded) throw new Error(`The pane used its ${what} before loading it.`);
      return loaded;
    },
    ready: () => loaded !== null,
    /** Resolves once someone has loaded the module, without starting the load itself. */
    arrived: () => arrived,
  };
}

const registryDoor = door(() => import(/* webpackChunkName: "registry" */ "./start/registryModules"), "municipality registry");
// The domain builds on the registry: it counts as loaded once both are (they download side by side).
const domainDoor = door(
  () => Promise.all([registryDoor.load(), import(/* webpackChunkName: "domain" */ "./domainModules")]).then(([, d]) => d),
  "domain data",
);

/** The start modules (in the first script: always there). */
export const start = (): Start => startModules;

/** Loads the registry (its download starts at once; the start modules are not needed for it). */
export const loadRegistry = (): Promise<Registry> => registryDoor.load();

/** The registry. Throws if called before `loadRegistry()` has resolved. */
export const registry = (): Registry => registryDoor.get();

/** Whether the registry has loaded (until then a municipality picker offers the start manifest's names and waits for it to search). */
export const registryLoaded = (): boolean => registryDoor.ready();

/** Loads the domain modules (and the registry, which they build on). */
export const loadDomain = (): Promise<Domain> => domainDoor.load();

/** The loaded domain modules. Throws if called before `loadDomain()` has resolved. */
export const domain = (): Domain => domainDoor.get();

/** Whether the domain modules have loaded (what the first view shows before differs only in waiting for them). */
export const domainLoaded = (): boolean => domainDoor.ready();

/** Resolves once the domain modules have loaded (index.tsx starts that after the first view), without starting the load. */
export const domainArrived = (): Promise<Domain> => domainDoor.arrived();

/** Resolves once the registry has loaded, without starting the load. */
export const registryArrived = (): Promise<Registry> => registryDoor.arrived();

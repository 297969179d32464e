/**
 * The pane's doors to its data, in two steps:
 * - the start chunk (./start/startModules): the municipality registry, the networks and the
 *   templates' names — what the first view shows. `loadStart()` starts loading it (the page
 *   preloads it) and `start()` hands it out; the pane renders its form once it is there.
 * - the domain chunk (./domainModules): the catalog, the engine, the sample, the template
 *   settings checker, reading files and SSB. `loadDomain()` loads it (index.tsx does so
 *   once the first view is on screen; an action that needs it waits for it) and
 *   `domain()` hands it out.
 */
export type Start = typeof import("./start/startModules");
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

const startDoor = door(() => import(/* webpackChunkName: "start" */ "./start/startModules"), "start data");
const domainDoor = door(() => import(/* webpackChunkName: "domain" */ "./domainModules"), "domain data");

export const loadStart = (): Promise<Start> => startDoor.load();

/** The start modules. Throws if called before `loadStart()` has resolved. */
export const start = (): Start => startDoor.get();

/** Loads the domain modules (and the start modules, which they build on). */
export const loadDomain = (): Promise<Domain> => startDoor.load().then(() => domainDoor.load());

/** The loaded domain modules. Throws if called before `loadDomain()` has resolved. */
export const domain = (): Domain => domainDoor.get();

/** Whether the domain modules have loaded (what the first view shows before differs only in waiting for them). */
export const domainLoaded = (): boolean => domainDoor.ready();

/** Resolves once the domain modules have loaded (index.tsx starts that after the first view), without starting the load. */
export const domainArrived = (): Promise<Domain> => domainDoor.arrived();

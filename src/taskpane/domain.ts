/**
 * The pane's door to the domain chunk (./domainModules): `loadDomain()` starts loading it
 * (index.tsx does so at once, beside office.js), and `domain()` hands out the loaded
 * modules. The pane renders nothing that needs them before the load has finished.
 */
export type Domain = typeof import("./domainModules");

let loaded: Domain | null = null;
let loading: Promise<Domain> | null = null;

export function loadDomain(): Promise<Domain> {
  loading ??= import(/* webpackChunkName: "domain" */ "./domainModules").then(
    (m) => (loaded = m),
    (error: unknown) => {
      loading = null;
      throw error;
    },
  );
  return loading;
}

/** The loaded domain modules. Throws if called before `loadDomain()` has resolved. */
export function domain(): Domain {
  if (!loaded) throw new Error("The pane used its domain data before loading it.");
  return loaded;
}

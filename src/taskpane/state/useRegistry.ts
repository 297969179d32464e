/**
 * The municipality registry for a component of the first view: null until it has loaded
 * (index.tsx loads it once the first view has been painted), then the registry, with a
 * render when it arrives. `need()` asks for it now: the user has started typing a
 * municipality, and the search needs it. A failed download is tried again by the next `need()`.
 */
import { useCallback, useEffect, useState } from "react";
import { loadRegistry, registry, registryArrived, registryLoaded, type Registry } from "../domain";

export interface RegistryAccess {
  registry: Registry | null;
  need: () => void;
}

export function useRegistry(): RegistryAccess {
  const [ready, setReady] = useState(registryLoaded);
  useEffect(() => {
    if (ready) return;
    let mounted = true;
    void registryArrived().then(() => {
      if (mounted) setReady(true);
    });
    return () => {
      mounted = false;
    };
  }, [ready]);
  const need = useCallback(() => {
    loadRegistry().catch(() => undefined);
  }, []);
  return { registry: ready || registryLoaded() ? registry() : null, need };
}

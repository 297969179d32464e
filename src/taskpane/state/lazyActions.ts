/**
 * The pane's actions (state/actions.ts) are loaded on the first button press, so the
 * first view downloads only what it shows. They work on the domain modules (catalog,
 * engine, sample), so they are handed out once those have loaded too. A failed download
 * of either chunk (the network dropped) is forgotten, so the next press tries again.
 */
import { loadDomain } from "../domain";

type Actions = typeof import("./actions");
let loading: Promise<Actions> | null = null;

export function actions(): Promise<Actions> {
  loading ??= Promise.all([import(/* webpackChunkName: "actions" */ "./actions"), loadDomain()]).then(([a]) => a).catch((error: unknown) => {
    loading = null;
    throw error;
  });
  return loading;
}

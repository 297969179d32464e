/**
 * The SSB address the pane asks when the user has given none under «Avanserte valg»: SSB
 * itself, or — when IT built the add-in with SSB_PROXY_URL (docs/deploy.md) — the
 * department's shared SSB cache (deploy/nginx/). The build checks that address (plain
 * https, scripts/build-manifest.js) and writes it in here; every client still checks it
 * again (checkBaseUrl) before asking anything.
 */
import { DEFAULT_BASE_URL } from "../../sources/ssb/default-url";

declare const __KOSTRA_SSB_PROXY_URL__: string | undefined;

/** The department's shared cache the add-in was built for, or "" (tests and builds without one). */
export const BUILT_PROXY_URL: string = typeof __KOSTRA_SSB_PROXY_URL__ === "string" ? __KOSTRA_SSB_PROXY_URL__ : "";

/** What an empty SSB address means in this build. */
export const PANE_DEFAULT_BASE_URL: string = BUILT_PROXY_URL || DEFAULT_BASE_URL;

/** The address to ask: the user's, else this build's default. */
export const ssbAddress = (given: string | undefined): string => given?.trim() || PANE_DEFAULT_BASE_URL;

/**
 * SSB's API v2; a municipality may run its own proxy with the same paths. A module of its
 * own, so the task pane's first script can name the address without SSB's error types.
 */
export const DEFAULT_BASE_URL = "https://data.ssb.no/api/pxwebapi/v2";

/**
 * The limits every untrusted input is held to, in one place. Each is set well above
 * what SSB or a real user produces and well below what would exhaust a municipal PC
 * (or Excel on the web) — with the reason next to it.
 */

/**
 * Largest data file read (JSON-stat, CSV, `kostra fetch` file): 100 MiB. All
 * municipalities × every indicator of the catalog × 10 years as CSV is about 25 MB; a
 * JSON-stat file at SSB's cell limit is about 20 MB.
 */
export const MAX_FILE_BYTES = 100 * 1024 * 1024;

/**
 * Largest body accepted from SSB or a proxy: 64 MiB. SSB refuses queries over its cell
 * limit (800 000 cells in 2026, read from /config), which answer in well under 30 MB.
 */
export const MAX_RESPONSE_BYTES = 64 * 1024 * 1024;

/**
 * Most cells a JSON-stat dataset may declare (the product of its `size`): 5 million.
 * SSB's own cell limit per request is 800 000; a saved file of several requests fits.
 * The declared size is checked before anything is allocated for it.
 */
export const MAX_CUBE_CELLS = 5_000_000;

/** Most categories in one JSON-stat dimension (all regions SSB has ever used: about 1 100). */
export const MAX_CATEGORIES = 100_000;

/** Most dimensions in a JSON-stat dataset (SSB tables have at most about 10). */
export const MAX_DIMENSIONS = 32;

/** Most observations in one `kostra fetch` file or CSV (all municipalities, all indicators, 20 years: ~1.5 M). */
export const MAX_OBSERVATIONS = 5_000_000;

/** Longest label, name, status or code read from input. */
export const MAX_LABEL_LENGTH = 1_000;

/** Longest free text read from input (SSB table notes, definitions). */
export const MAX_TEXT_LENGTH = 20_000;

/** Largest template-settings part read from a workbook, and largest template file: 1 MiB. */
export const MAX_SETTINGS_BYTES = 1024 * 1024;

/**
 * Longest wait for SSB the product accepts, in seconds (Retry-After, quota windows):
 * SSB's quota window is 60 s. A longer wait ends the load and says when to try again.
 */
export const MAX_WAIT_SECONDS = 180;

/** Bounds on a request's timeout, in seconds. */
export const MIN_TIMEOUT_SECONDS = 1;
export const MAX_TIMEOUT_SECONDS = 600;

/** Most notes on one table or one provenance entry (SSB's tables carry a handful). */
export const MAX_NOTES = 1_000;

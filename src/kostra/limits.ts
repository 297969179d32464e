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

/**
 * Bounds on what SSB's `/config` (or a proxy's) may announce; values outside are clamped.
 * The cell limit per request: at least 1 000 (below that a load splits into hundreds of
 * requests and spends the office's quota for minutes), at most MAX_CUBE_CELLS (the most
 * a dataset may hold). Calls per quota window: 1 to 1 000. The window itself is at most
 * MAX_WAIT_SECONDS, so waiting for the quota never outlasts the longest accepted wait.
 */
export const MIN_SSB_CELLS_PER_REQUEST = 1_000;
export const MAX_SSB_CALLS_PER_WINDOW = 1_000;

/** Most tables one search of SSB's table catalogue may list (SSB pages by 20–1 000). */
export const MAX_SEARCH_HITS = 1_000;

/** Most rows in one Klass correspondence answer (municipalities × versions: about 360 today). */
export const MAX_KLASS_ITEMS = 20_000;

/** Longest unit text of an indicator ("kr per innbygger 0–17 år"). */
export const MAX_UNIT_LENGTH = 200;

/**
 * Longest a load from SSB may be planned to take under the quota `/config` announces:
 * 10 minutes. With SSB's own quota (30 requests a minute) that is 300 requests, far more
 * than all sectors for all municipalities over ten years need; a proxy announcing a
 * quota that would stretch a load beyond it is refused before the first request.
 */
export const MAX_LOAD_SECONDS = 600;

/**
 * The widest band around the average a profile's sentences may call "på nivå med snittet",
 * in whole per cent (template settings, `--sentence-band`, the pane): beyond half the
 * average "on a par" would say nothing.
 */
export const MAX_SENTENCE_BAND = 50;
/** The band when nothing sets one: within ±5 % of the average is "på nivå med snittet". */
export const DEFAULT_SENTENCE_BAND = 5;

/**
 * Rows of a time-series sheet searched for its price-index table before "Oppdater" rewrites
 * it (column A only): the table sits under the indicators' rows, well within this.
 */
export const MAX_PRICE_TABLE_SEARCH_ROWS = 5_000;

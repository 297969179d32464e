/**
 * The profile year the pane opens on when nothing is remembered. Its own module because
 * the start manifest is computed for it at build time (./startManifest), apart from the
 * form's rules.
 */
export const DEFAULT_YEAR = 2017;

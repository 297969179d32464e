/** The years the pane offers. */

/** KOSTRA's main table 12362 starts in 2015. */
export const FIRST_DATA_YEAR = 2015;

/**
 * 2015 up to last year (SSB publishes a year's figures the following March), and any
 * year already chosen outside that span (e.g. from a template).
 */
export function yearOptions(now: Date, ...chosen: number[]): number[] {
  const years = new Set<number>();
  for (let y = FIRST_DATA_YEAR; y <= now.getFullYear() - 1; y++) years.add(y);
  for (const y of chosen) years.add(y);
  return [...years].sort((a, b) => a - b);
}

/** Spans of data years with open ends, as the registry, the networks and the aggregates record them. */

/** Whether `year` lies in the span from..to (inclusive; an absent end is open). */
export const inPeriod = (year: number, from?: number, to?: number): boolean => (from === undefined || year >= from) && (to === undefined || year <= to);

/** Types for scripts/synthetic-model.js (the SYNTHETIC data model shared by the sample and the test server). */
export function hash01(key: string): number;
export function between(key: string, lo: number, hi: number): number;
/** Per KOSTRA function: typical gross expenditure per inhabitant (2017) and the net share of it. */
export const FUNCTION_PROFILE: Record<string, [number, number]>;
export const FUNCTION_GROUPS: Record<string, readonly string[]>;
export function splitPart(total: number, part: number, functions: readonly string[]): number;

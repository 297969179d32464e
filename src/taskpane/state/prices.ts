/**
 * The time series' prices choice as the advanced options show it (a radio group): loaded
 * with them, after the first view.
 */
import type { PriceChoice, PriceIndexId } from "../../kostra/prices";

/** The radio value of a prices choice: "nominal" or the index. */
export const pricesValue = (prices: PriceChoice): "nominal" | PriceIndexId => (prices === "nominal" ? "nominal" : prices.index);

/** The choice after picking `value`: the same index keeps the user's rows and base year; another starts without rows. */
export function choosePrices(current: PriceChoice, value: string): PriceChoice {
  if (value !== "kommunal-deflator" && value !== "kpi") return "nominal";
  if (current !== "nominal" && current.index === value) return current;
  return { index: value, ...(current !== "nominal" && current.year !== undefined ? { year: current.year } : {}) };
}

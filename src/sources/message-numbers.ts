/** Counts in messages, grouped as each language writes them: "268 435 456" / "268,435,456". */
import type { LocalizedText } from "../kostra/types";

export function countText(n: number | bigint): LocalizedText {
  const digits = BigInt(n).toString();
  const group = (sep: string) => digits.replace(/\B(?=(\d{3})+(?!\d))/g, sep);
  return { nb: group(" "), en: group(",") };
}

/**
 * A profile row's sentence as a live formula over the row's cells: the rule of
 * src/kostra/sentences.ts rendered for Excel. The cases are tested in the engine's order
 * (no value, no average, no index, within the band, above, below), figures are written
 * with FIXED(ROUND(x, d), d) — FIXED follows the user's locale as the pane's text follows
 * its language, where a TEXT() format code ("# ##0") means something else in every locale —
 * the rule's own words enter as string literals, and the indicator's label and unit (which
 * a user's template may bring from anywhere) as references to text cells of the row, so no
 * text from input is ever part of a formula. A changed figure on the data sheet changes
 * the sentence.
 */
import type { SentenceFigure, SentencePiece, SentenceRule, SentenceWord } from "../kostra/sentences";
import { FORMULA_TEXT_MAX, stringLiteral } from "./plan";

/** The cells (A1) and expressions a row's sentence reads. */
export interface SentenceCells {
  value: string;
  average: string;
  /** The row's index cell (value ÷ average × 100, or ""). */
  index: string;
  /** The rank cell, and how many values are ranked (an expression); unused when the rule does not rank. */
  rank: string;
  rankOf: string;
  /** The text cells holding the indicator's words (see SentenceRule.words). */
  words: Record<SentenceWord, string>;
}

/** Text of any length as string literals of at most 255 characters joined with &. */
export function textFormula(text: string): string {
  if (text === "") return `""`;
  const parts: string[] = [];
  for (let i = 0; i < text.length; ) {
    let end = Math.min(text.length, i + FORMULA_TEXT_MAX);
    // Never split a surrogate pair between two literals.
    if (end < text.length && /[\uD800-\uDBFF]/.test(text[end - 1])) end--;
    parts.push(stringLiteral(text.slice(i, end)));
    i = end;
  }
  return parts.join("&");
}

/** The sentence formula (without "=") for a row under its rule. */
export function sentenceFormula(rule: SentenceRule, cells: SentenceCells): string {
  const percent = `ROUND(ABS(${cells.index}-100),0)`;
  const expression = (f: SentenceFigure): string => {
    switch (f) {
      case "value": return cells.value;
      case "average": return cells.average;
      case "percent": return percent;
      case "rank": return cells.rank;
      case "rankOf": return cells.rankOf;
    }
  };
  const piece = (p: SentencePiece) =>
    typeof p === "string" ? textFormula(p) : "word" in p ? cells.words[p.word] : `FIXED(ROUND(${expression(p.figure)},${p.decimals}),${p.decimals})`;
  const join = (pieces: readonly SentencePiece[]) => (pieces.length ? pieces.map(piece).join("&") : `""`);
  const c = rule.cases;
  const compared = `IF(${percent}<=${rule.band},${join(c["at-level"])},IF(${cells.index}>100,${join(c.above)},${join(c.below)}))`;
  const withValue = `IF(ISNUMBER(${cells.average}),IF(ISNUMBER(${cells.index}),${compared},${join(c["no-index"])}),${join(c["missing-average"])})&${join(rule.rank)}`;
  const withoutValue = `IF(ISNUMBER(${cells.average}),${join(c["missing-value"])},${join(c["missing-both"])})`;
  return `${join(rule.lead)}&IF(ISNUMBER(${cells.value}),${withValue},${withoutValue})`;
}

/**
 * Outcomes of the user's actions as message bars: what happened and what to do. Kept as
 * functions of the language, so a message already shown follows the language switch.
 */
import type { Lang } from "../../kostra/types";
import type { Messages } from "../i18n";

export interface PaneMessage {
  intent: "error" | "warning" | "info" | "success";
  title: string;
  body?: string;
  /** What to do next. */
  advice?: string;
  list?: string[];
  /** Written sheets the user can go to. */
  sheets?: { id: string; name: string }[];
}

export type Describe = (t: Messages, lang: Lang) => PaneMessage;

/** Where a message belongs: beside the control that caused it. */
export type Place = "template" | "load" | "report" | "templateFile";

export interface Outcome {
  place: Place;
  describe: Describe;
}

/** What was being done when an error happened; it decides the title and the advice. */
export type Activity = "load-ssb" | "load-file" | "load-selection" | "load-sample" | "report" | "write" | "download" | "activate";

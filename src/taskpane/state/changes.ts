/**
 * "Oppdater" on a workbook that holds a report: the figures of its data sheet are the
 * previous figures the new report is compared with (the change list, and the previous
 * value and vintage beside each new one). Loaded with the update, never with the first view.
 *
 * A data sheet that cannot be read as the report wrote it (a value typed over with text, a
 * damaged key) stops the update with the reader's message, before anything is written; a
 * data sheet the user deleted or renamed (then it is theirs) leaves nothing to compare with.
 */
import type { Dataset } from "../../kostra/types";
import type { ReportChanges } from "../../report/report-changes";
import type { OwnedSheet } from "../../report/template-settings";
import { CHANGES_TEXTS, vintageDate } from "../i18n/changes";
import type { PaneServices } from "../services/types";
import type { Describe } from "./outcome";

/** The previous report's figures, or undefined when there is no data sheet to compare with. Throws KostraError for a sheet that cannot be read. */
export async function previousFigures(services: Pick<PaneServices, "readDataSheet">, owned: readonly OwnedSheet[]): Promise<Dataset | undefined> {
  if (!services.readDataSheet) return undefined;
  const { datasetFromDataSheet, DATA_SHEET_KEY } = await import("../../report/data-sheet-read");
  const sheet = owned.find((s) => s.key === DATA_SHEET_KEY);
  const cells = sheet ? await services.readDataSheet(sheet) : null;
  return cells ? datasetFromDataSheet(cells.rows, cells.name) : undefined;
}

/** The written report's message with how many figures changed since when, and where the list is. */
export function withChanges(said: Describe, changes: ReportChanges | undefined, listSheet: string | undefined): Describe {
  if (!changes) return said;
  return (m, lang) => {
    const base = said(m, lang);
    const t = CHANGES_TEXTS[lang];
    const summary = t.summary(changes.changes.length, changes.since === undefined ? undefined : vintageDate(changes.since, lang));
    return { ...base, body: [summary, listSheet ? t.where(listSheet) : "", base.body ?? ""].filter(Boolean).join(" ") };
  };
}

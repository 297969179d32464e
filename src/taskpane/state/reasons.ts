/**
 * Why a button cannot be used now, in the user's words (shown under it and read out with
 * it), or null when it can. One rule per button, in one place.
 */
import type { Messages } from "../i18n";
import type { PaneData } from "./data";
import { isValidBaseUrl, type FormState } from "./form";
import type { Busy } from "./usePaneActions";

export interface ReasonsInput {
  busy: Busy | undefined;
  form: Pick<FormState, "source" | "baseUrl">;
  files: readonly File[];
  data: PaneData | null;
  /** Whether the preview could be computed for the loaded data. */
  profileOk: boolean;
  /** A proxy address the user has not answered about yet. */
  proxyPending: string | undefined;
  /** Inside Excel: the report can be written into the workbook. */
  canWrite: boolean;
}

export interface Reasons {
  busy: string | null;
  load: string | null;
  update: string | null;
  /** "Last ned som .xlsx". */
  report: string | null;
  /** "Skriv til arbeidsbok" and "Lagre som mal". */
  write: string | null;
  /** The row of the template file buttons. */
  templateFile: string | null;
}

export function actionReasons(t: Messages, s: ReasonsInput): Reasons {
  const busy = s.busy ? { load: t.busyLoading, write: t.busyWriting, download: t.busyDownloading, import: t.busyReading }[s.busy] : null;
  const noFile = s.form.source === "file" && s.files.length === 0;
  const source = noFile ? t.needsFile : s.form.source === "ssb" && !isValidBaseUrl(s.form.baseUrl) ? t.needsBaseUrl : null;
  const report = busy ?? (!s.data ? t.needsData : !s.profileOk ? t.needsProfile : null);
  // A write stores the template's SSB address; while the workbook's proposal is unanswered it would drop it.
  const write = report ?? (s.proxyPending ? t.proxyAnswerFirst : null);
  return {
    busy,
    load: busy ?? source,
    update: busy ?? (s.proxyPending ? t.proxyAnswerFirst : noFile ? t.templateNeedsFile : source),
    report,
    write,
    // Saving as a template writes the report, so it waits for data like "Skriv til arbeidsbok".
    templateFile: busy ?? (s.canWrite ? write : null),
  };
}

/**
 * What a failed write left in the workbook, and how the user is told. Excel has no
 * rollback, so after a failure the gateway looks at the workbook and says exactly which
 * of these it is:
 * - unchanged: nothing changed (the previous report, if any, is intact, nothing left over);
 * - leftovers: nothing of the report changed, but temporary sheets could not be removed;
 * - partial: Excel stopped in the final request and finishing failed too; the settings
 *   already own every sheet involved, so writing again puts the workbook right;
 * - unknown: the workbook could not be read after the failure.
 * (A write whose final request failed but could be finished is not a failure: the new
 * report was written completely, and the gateway resolves as usual.)
 */
import type { LocalizedText } from "../kostra/types";

export type WorkbookState =
  | { kind: "unchanged" }
  /** `certain`: the sheets were seen after the failure; otherwise they may or may not exist. */
  | { kind: "leftovers"; sheets: string[]; certain: boolean }
  | {
      kind: "partial";
      /** Sheets of the previous report still there. */
      oldSheets: string[];
      /** New sheets still under their temporary names, with the names they should have. */
      temporarySheets: { name: string; final: string }[];
      /** New tables still under their temporary names. */
      temporaryTables: { name: string; final: string }[];
      /** Whether the settings were updated to the new report alone. */
      settingsDone: boolean;
      /**
       * Every sheet above, old and new (ids): the settings own them all. The user already
       * agreed to replace the old ones and the new ones are this write's, so writing again
       * replaces them without asking.
       */
      ownedSheetIds: string[];
    }
  | { kind: "unknown"; temporaryPrefix: string };

export type GatewayErrorKind = "unsupported" | "settings" | "write-failed";

export class GatewayError extends Error {
  readonly text: LocalizedText;
  readonly kind: GatewayErrorKind;
  /** What the workbook holds after the failure. */
  readonly state: WorkbookState;
  constructor(kind: GatewayErrorKind, text: LocalizedText, cause?: unknown, state: WorkbookState = { kind: "unchanged" }) {
    super(text.en);
    this.name = "GatewayError";
    this.kind = kind;
    this.text = text;
    this.state = state;
    if (cause !== undefined) (this as { cause?: unknown }).cause = cause;
  }
}

const RETRY = {
  nb: "Avslutt eventuell celleredigering, opphev beskyttelse av arbeidsboken og arkene, og prøv igjen.",
  en: "Finish any cell editing, unprotect the workbook and its sheets, and try again.",
};

const list = (names: string[]): string => names.map((n) => `«${n}»`).join(", ");
const listEn = (names: string[]): string => names.map((n) => `“${n}”`).join(", ");

/** Excel's own word for what went wrong, when it gave one (e.g. AccessDenied). */
function excelSays(cause: unknown): LocalizedText {
  const code = cause && typeof cause === "object" && "code" in cause && typeof cause.code === "string" && /^[A-Za-z]{1,60}$/.test(cause.code) ? cause.code : null;
  return code ? { nb: ` (Excel: ${code})`, en: ` (Excel: ${code})` } : { nb: "", en: "" };
}

/** The user's message for a failed write, from the state it left and whether there was a previous report. */
export function failureText(state: WorkbookState, hadPrevious: boolean, cause: unknown): LocalizedText {
  const excel = excelSays(cause);
  const intact = hadPrevious
    ? { nb: "Den forrige rapporten er urørt, og ingenting i arbeidsboken er endret.", en: "The previous report is intact; nothing in the workbook changed." }
    : { nb: "Ingenting i arbeidsboken er endret.", en: "Nothing in the workbook changed." };
  switch (state.kind) {
    case "unchanged":
      return {
        nb: `Excel stoppet skrivingen${excel.nb}. ${intact.nb} ${RETRY.nb}`,
        en: `Excel stopped the write${excel.en}. ${intact.en} ${RETRY.en}`,
      };
    case "leftovers":
      return {
        nb: `Excel stoppet skrivingen${excel.nb}. ${hadPrevious ? "Den forrige rapporten er urørt" : "Ingen av arkene dine er endret"}, men Excel lot ikke tillegget fjerne de midlertidige arkene ${list(state.sheets)}${state.certain ? "" : " (hvis de finnes)"}. Slett dem (de hører ikke til noen rapport). ${RETRY.nb}`,
        en: `Excel stopped the write${excel.en}. ${hadPrevious ? "The previous report is intact" : "None of your sheets changed"}, but Excel did not let the add-in remove the temporary sheets ${listEn(state.sheets)}${state.certain ? "" : " (if they exist)"}. Delete them (they belong to no report). ${RETRY.en}`,
      };
    case "partial": {
      const nb: string[] = ["Den nye rapporten er skrevet helt"];
      const en: string[] = ["The new report is written completely"];
      if (state.temporarySheets.length) {
        nb.push(`men arkene ${list(state.temporarySheets.map((s) => s.name))} har ennå midlertidige navn (de skal hete ${list(state.temporarySheets.map((s) => s.final))})`);
        en.push(`but the sheets ${listEn(state.temporarySheets.map((s) => s.name))} still have temporary names (they are to be called ${listEn(state.temporarySheets.map((s) => s.final))})`);
      }
      if (state.temporaryTables.length) {
        nb.push(`men tabellene ${list(state.temporaryTables.map((t) => t.name))} har ennå midlertidige navn (de skal hete ${list(state.temporaryTables.map((t) => t.final))})`);
        en.push(`but the tables ${listEn(state.temporaryTables.map((t) => t.name))} still have temporary names (they are to be called ${listEn(state.temporaryTables.map((t) => t.final))})`);
      }
      const old = state.oldSheets.length
        ? { nb: ` Arkene ${list(state.oldSheets)} fra den forrige rapporten står fortsatt.`, en: ` The sheets ${listEn(state.oldSheets)} of the previous report are still there.` }
        : { nb: " Den forrige rapporten er fjernet.", en: " The previous report is removed." };
      const settings = state.settingsDone ? { nb: "", en: "" } : { nb: " Malinnstillingene eier både de gamle og de nye arkene.", en: " The template settings own both the old and the new sheets." };
      return {
        nb: `Excel stoppet i siste steg${excel.nb}, og et nytt forsøk lyktes ikke. ${nb.join(", ")}.${old.nb}${settings.nb} Skriv rapporten på nytt («Skriv til arbeidsbok»): tillegget fjerner da alle disse arkene og skriver rapporten hel. ${RETRY.nb}`,
        en: `Excel stopped in the last step${excel.en}, and a second attempt failed. ${en.join(", ")}.${old.en}${settings.en} Write the report again (“Write to workbook”): the add-in then removes all these sheets and writes the report whole. ${RETRY.en}`,
      };
    }
    case "unknown":
      return {
        nb: `Excel stoppet mens rapporten ble skrevet${excel.nb}, og arbeidsboken kunne ikke leses etterpå, så tillegget vet ikke hvor langt skrivingen kom. Skriv rapporten på nytt når Excel svarer igjen; ark med navn som begynner med «${state.temporaryPrefix}» er midlertidige og kan slettes hvis de står igjen. ${RETRY.nb}`,
        en: `Excel stopped while the report was being written${excel.en}, and the workbook could not be read afterwards, so the add-in does not know how far the write came. Write the report again when Excel responds; sheets whose names begin with “${state.temporaryPrefix}” are temporary and can be deleted if they remain. ${RETRY.en}`,
      };
  }
}

/** The write failed: the message says what the workbook holds now. */
export function writeFailed(state: WorkbookState, hadPrevious: boolean, cause: unknown): GatewayError {
  return new GatewayError("write-failed", failureText(state, hadPrevious, cause), cause, state);
}

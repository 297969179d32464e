/** A user indicator as the template editor picks it from SSB's table 12362 (net expenditure on libraries per inhabitant). */
import type { SsbPick } from "../../src/kostra/catalog";

export const LIBRARIES_PICK: SsbPick = {
  table: "12362",
  regionDimension: "KOKkommuneregion0000",
  timeDimension: "Tid",
  select: { KOKfunksjon0000: "370", KOKart0000: "AGD2", ContentsCode: "KOSbelopinnbygge0000" },
  selectLabels: ["370 Bibliotek", "Netto driftsutgifter", "Kroner per innbygger"],
  label: { nb: "Bibliotek, netto", en: "Libraries, net" },
  unit: { nb: "kr per innbygger", en: "NOK per inhabitant" },
  decimals: 0,
  fetchedOn: "2025-11-27",
};

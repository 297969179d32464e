#!/usr/bin/env node
/**
 * Writes the committed SSB-shaped test fixtures (tests/fixtures/ssb/). Their numbers are
 * SYNTHETIC: taken from the embedded sample (itself synthetic), then changed where a test
 * needs it (a null with status "..", a value different from the sample). Run:
 *   node tests/support/make-fixtures.js
 */
"use strict";
const fs = require("fs");
const path = require("path");
const { buildSsbDataset } = require("./ssb-shape");
const sample = require("../../src/sources/sample/sample-data.json");

const out = path.join(__dirname, "..", "fixtures", "ssb");
const YEARS = sample.years.map(String);
const year = (y) => sample.years.indexOf(Number(y));
const CODES_2017 = { oslo: "0301", bergen: "1201", trondheim: "1601", stavanger: "1103", baerum: "0219", kristiansand: "1001", drammen: "0602", fredrikstad: "0106", sandnes: "1102", tromso: "1902", asker: "0220" };
const NAMES = { "0301": "Oslo", "1201": "Bergen (-2019)", "1601": "Trondheim (-2017)", "1103": "Stavanger", "0219": "Bærum (-2019)", "1001": "Kristiansand (-2019)", "0602": "Drammen (-2019)", "0106": "Fredrikstad (-2019)", "1102": "Sandnes (-2019)", "1902": "Tromsø (-2019)", "0220": "Asker (-2019)" };
const PMK = { "377": "kunstformidling", "385": "andre-kulturaktiviteter", "370": "bibliotek", "392": "andre-trossamfunn", "301": "plansaksbehandling", "303": "kart-oppmaling" };
const FUNCTION_LABELS = { "377": "Kunstformidling", "385": "Andre kulturaktiviteter og tilskudd til andres kulturbygg", "370": "Bibliotek", "392": "Andre religiøse formål", "301": "Plansaksbehandling", "303": "Kart og oppmåling" };
const byCode = Object.fromEntries(Object.entries(CODES_2017).map(([id, c]) => [c, id]));
const TITLE = "12362: Utgifter til tjenesteområdene, kommunekonsern, etter region, funksjon, art, statistikkvariabel og år";
const NOTES = [
  "SYNTETISKE TESTDATA: tallene er oppdiktet og er ikke SSBs tall.",
  "Fra og med 2017 fører Oslo de fleste utgifter knyttet til vei på funksjon 332.",
];

function pmk2017(order, { file, tromsoNull, bump }) {
  const ds = buildSsbDataset({
    table: "12362",
    title: TITLE,
    notes: NOTES,
    order,
    dims: {
      KOKkommuneregion0000: { codes: Object.values(CODES_2017), labels: NAMES },
      KOKfunksjon0000: { codes: Object.keys(PMK), labels: FUNCTION_LABELS },
      KOKart0000: { codes: ["AGD2"], labels: { AGD2: "Netto driftsutgifter" } },
      ContentsCode: { codes: ["KOSbelopinnbygge0000"], labels: { KOSbelopinnbygge0000: "Kroner per innbygger" }, units: { KOSbelopinnbygge0000: { base: "kr", decimals: 0 } } },
      Tid: { codes: ["2017"] },
    },
    cell: (c) => {
      const id = byCode[c.KOKkommuneregion0000];
      const ind = PMK[c.KOKfunksjon0000];
      if (tromsoNull && id === "tromso" && ind === "kunstformidling") return { value: null, status: ".." };
      let v = sample.values[ind][id][year(c.Tid)];
      if (bump && id === "baerum" && ind === "bibliotek") v += bump;
      return v;
    },
  });
  fs.writeFileSync(path.join(out, file), JSON.stringify(ds) + "\n");
}

fs.mkdirSync(out, { recursive: true });
// SSB's usual order for a GET query, and the same data in another order (as a POST with placement gives).
const GET_ORDER = ["KOKkommuneregion0000", "KOKfunksjon0000", "KOKart0000", "ContentsCode", "Tid"];
const OTHER_ORDER = ["KOKart0000", "Tid", "KOKkommuneregion0000", "ContentsCode", "KOKfunksjon0000"];
pmk2017(GET_ORDER, { file: "12362-pmk-2017.json", tromsoNull: true, bump: 10 });
pmk2017(OTHER_ORDER, { file: "12362-pmk-2017-reordered.json", tromsoNull: true, bump: 10 });

// Table 12842 (fees), several years, with amounts for a summed-years check.
const fees = buildSsbDataset({
  table: "12842",
  title: "12842: Kommunale gebyrer knyttet til bolig, etter region, statistikkvariabel og år",
  notes: [NOTES[0]],
  order: ["KOKkommuneregion0000", "ContentsCode", "Tid"],
  dims: {
    KOKkommuneregion0000: { codes: Object.values(CODES_2017), labels: NAMES },
    ContentsCode: { codes: ["KOSaarsgebyravfa0000"], labels: { KOSaarsgebyravfa0000: "Årsgebyr for avfallstjenesten - ekskl. mva. (kr)" }, units: { KOSaarsgebyravfa0000: { base: "kr", decimals: 0 } } },
    Tid: { codes: YEARS.slice(0, 3) },
  },
  cell: (c) => sample.values["arsgebyr-avfall"][byCode[c.KOKkommuneregion0000]][year(c.Tid)],
});
fs.writeFileSync(path.join(out, "12842-fees-2015-2017.json"), JSON.stringify(fees) + "\n");
console.log("fixtures written to", path.relative(process.cwd(), out));

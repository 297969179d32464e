/**
 * Browser entry of the fake Excel (bundled by tests/e2e/webpack.e2e.js). Injected with
 * `page.addInitScript`, it runs before the page's own scripts: it puts the fake's `Excel`,
 * `Office` and `OfficeExtension` on window, so the pane sees an Excel host, and exposes
 * `window.__kb` for the test to inspect or seed the workbook. Options come from
 * `window.__kbConfig`, set by an earlier init script.
 */
import { createFakeExcel, installFakeExcel, type FakeExcel } from "../../support/fake-excel";
import { SETTINGS_NAMESPACE, SETTINGS_SCHEMA_VERSION, settingsFromXml, settingsToXml, type TemplateSettings } from "../../../src/report/template-settings";
import type { KbConfig, KbHandle, KbState, TemplateSeed } from "./kb-handle";

const config: KbConfig = window.__kbConfig ?? {};

const sheetsAtStart = config.state ? config.state.sheets.map((s) => s.name) : ["Ark1"];
const fake: FakeExcel = createFakeExcel({
  host: config.host === undefined ? "Excel" : config.host,
  displayLanguage: config.displayLanguage ?? "nb-NO",
  sheets: sheetsAtStart,
  ...(config.requirementSets ? { requirementSets: config.requirementSets } : {}),
});
installFakeExcel(fake);

const inspector = fake.workbook;

/**
 * Rewrite the owned sheets' ids in a settings part to the ids the sheets have in this
 * workbook. A sheet recorded without an id (a file written outside Excel) stays so: the pane
 * adopts it by name, as in Excel.
 */
function remapOwnedIds(xml: string): string {
  const read = settingsFromXml(xml);
  if (read.kind !== "ok") return xml;
  const ids = sheetIds();
  const ownedSheets = read.settings.ownedSheets.map((o) => (o.id === undefined ? o : { ...o, id: ids.get(o.name) ?? o.id }));
  return settingsToXml({ ...read.settings, ownedSheets });
}

/** Sheet name → worksheet id. */
function sheetIds(): Map<string, string> {
  const snapshot = inspector.snapshot();
  return new Map(snapshot.sheets.map((s) => [s.name, s.id]));
}

function importState(state: KbState): void {
  for (const sheet of state.sheets) {
    const target = inspector.sheet(sheet.name);
    for (const [address, cell] of Object.entries(sheet.cells)) {
      if (cell.formula !== null) target.setCell(address, { formula: cell.formula, result: cell.value ?? undefined, numberFormat: cell.numberFormat });
      else if (cell.value !== null) target.setCell(address, { value: cell.value, numberFormat: cell.numberFormat });
    }
  }
  for (const xml of state.parts) inspector.addCustomXmlPart(xml.includes(SETTINGS_NAMESPACE) ? remapOwnedIds(xml) : xml);
}

function exportState(): KbState {
  const snapshot = inspector.snapshot();
  return {
    sheets: snapshot.sheets.map((s) => ({
      name: s.name,
      cells: Object.fromEntries(Object.entries(s.cells).map(([a, c]) => [a, { value: c.value, formula: c.formula, numberFormat: c.numberFormat }])),
    })),
    parts: snapshot.customXmlParts.map((p) => p.xml),
  };
}

function seedTemplate(seed: TemplateSeed): void {
  for (const owned of seed.ownedSheets) {
    if (!inspector.hasSheet(owned.name)) inspector.addSheet(owned.name).setValues("A1", [[owned.name]]);
  }
  const ids = sheetIds();
  const settings: TemplateSettings = {
    ...seed,
    schemaVersion: seed.schemaVersion ?? SETTINGS_SCHEMA_VERSION,
    ownedSheets: seed.ownedSheets.map((o) => ({ ...o, id: ids.get(o.name) as string })),
  };
  inspector.addCustomXmlPart(settingsToXml(settings));
}

if (config.state) importState(config.state);
if (config.template) seedTemplate(config.template);

const handle: KbHandle = {
  sheetNames: () => inspector.sheetNames(),
  hasSheet: (name) => inspector.hasSheet(name),
  cell: (sheet, address) => {
    const c = inspector.sheet(sheet).cell(address);
    return { value: c.value, formula: c.formula, isText: c.isText, numberFormat: c.numberFormat };
  },
  charts: () => inspector.charts(),
  tables: () => inspector.tables(),
  customXmlParts: () => inspector.customXmlParts(),
  templateSettings: () => {
    const part = inspector.customXmlParts().find((p) => p.namespaceUri === SETTINGS_NAMESPACE);
    if (!part) return null;
    const read = settingsFromXml(part.xml);
    return read.kind === "ok" ? read.settings : null;
  },
  syncs: () => fake.stats.syncs,
  exportState,
  seedTemplate,
  failNextSync: (count = 1, message) => fake.failNextSync(count, message ? { code: "GeneralException", message } : undefined),
};

window.__kb = handle;

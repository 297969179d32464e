/**
 * The template settings part of an .xlsx file, stored as Excel itself stores a custom XML
 * part (ECMA-376 Part 1, §22.5 and §15.2.4–15.2.5): the XML in `customXml/itemN.xml`, its
 * properties (an item id and the schema it follows) in `customXml/itemPropsN.xml`, joined by
 * the item's own relationship, and the item related from the workbook part. Excel loads the
 * part with the workbook, and the add-in finds it by its root element's namespace
 * (`customXmlParts.getByNamespace`), exactly as a part the add-in added itself.
 *
 * The part's XML comes from template-settings.ts (`settingsPart`), the same builder the
 * add-in uses in Excel, and is read back with the reader the pane uses before it is
 * written: the product never writes settings it would then refuse.
 */
import { settingsFromXml, settingsPart, SETTINGS_NAMESPACE, type OwnedSheet, type TemplateChoicesInput } from "./template-settings";

const XML_DECL = '<?xml version="1.0" encoding="UTF-8" standalone="no"?>\n';
const NS_CUSTOM_XML = "http://schemas.openxmlformats.org/officeDocument/2006/customXml";
export const CUSTOM_XML_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXml";
export const CUSTOM_XML_PROPS_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXmlProps";
export const CUSTOM_XML_PROPS_TYPE = "application/vnd.openxmlformats-officedocument.customXmlProperties+xml";

/** What a written report's settings say besides its sheets. */
export interface SettingsForFile {
  choices: TemplateChoicesInput;
  /** When the report was written (the settings' `writtenAt`). */
  writtenAt: Date;
}

/** The package parts of the settings: paths and contents, and the target of the workbook's relationship to it. */
export interface SettingsPackageParts {
  files: { path: string; content: string; contentType?: string }[];
  /** The workbook part's relationship target (relative to xl/). */
  workbookTarget: string;
}

/** A GUID in braces, as Excel writes a custom XML part's item id. Random: ids only need to differ between parts. */
function itemId(): string {
  const bytes = new Uint8Array(16);
  globalThis.crypto.getRandomValues(bytes);
  bytes[6] = (bytes[6] & 0x0f) | 0x40;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = [...bytes].map((b) => b.toString(16).padStart(2, "0")).join("").toUpperCase();
  return `{${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}}`;
}

/**
 * The settings part for a report of `sheets` (plan key and sheet name; a file has no
 * worksheet ids, so each is adopted by its name on first open in Excel — see
 * template-settings.ts). Throws when the reader would refuse what was built: a fault in
 * the product, never something to write into a file.
 */
export function settingsPackageParts(settings: SettingsForFile, sheets: readonly OwnedSheet[]): SettingsPackageParts {
  const xml = settingsPart(settings.choices, sheets.map((s) => ({ key: s.key, name: s.name })), settings.writtenAt.toISOString());
  const read = settingsFromXml(xml);
  if (read.kind !== "ok") throw new Error(`The report's template settings would not be read back: ${read.kind === "invalid" ? read.reason.en : "no settings"}`);
  const props =
    `${XML_DECL}<ds:datastoreItem ds:itemID="${itemId()}" xmlns:ds="${NS_CUSTOM_XML}">` +
    `<ds:schemaRefs><ds:schemaRef ds:uri="${SETTINGS_NAMESPACE}"/></ds:schemaRefs></ds:datastoreItem>`;
  const rels =
    `${XML_DECL}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
    `<Relationship Id="rId1" Type="${CUSTOM_XML_PROPS_REL}" Target="itemProps1.xml"/></Relationships>`;
  return {
    files: [
      { path: `customXml/item1.xml`, content: xml },
      { path: `customXml/itemProps1.xml`, content: props, contentType: CUSTOM_XML_PROPS_TYPE },
      { path: `customXml/_rels/item1.xml.rels`, content: rels },
    ],
    workbookTarget: `../customXml/item1.xml`,
  };
}

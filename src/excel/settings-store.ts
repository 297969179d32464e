/**
 * Reading the template settings a workbook carries (see src/report/template-settings.ts),
 * so the pane can open on them and offer "Oppdater" and "Oppdater til år …". Writing
 * happens with the report, in the gateway's final request.
 */
import { settingsFromXml, SETTINGS_NAMESPACE, type SettingsReadResult } from "../report/template-settings";

export async function readTemplateSettings(
  run: <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T> = (batch) => Excel.run(batch),
): Promise<SettingsReadResult> {
  return run(async (context) => {
    const parts = context.workbook.customXmlParts.getByNamespace(SETTINGS_NAMESPACE);
    parts.load("items/id");
    await context.sync();
    if (parts.items.length === 0) return { kind: "none" };
    if (parts.items.length > 1) {
      return {
        kind: "invalid",
        reason: {
          nb: "Arbeidsboken har flere sett med malinnstillinger; ingen av dem brukes.",
          en: "The workbook has several sets of template settings; none of them is used.",
        },
      };
    }
    const xml = parts.items[0].getXml();
    await context.sync();
    return settingsFromXml(xml.value);
  });
}

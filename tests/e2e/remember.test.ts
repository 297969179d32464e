/**
 * The remembered choice in the browser, on the production bundle inside the fake Excel:
 * what the user chose survives a reload of the pane (the browser's localStorage), and a
 * template workbook still opens on its own settings, leaving the remembered choice as it was.
 */
import type { Locator, Page } from "playwright-core";
import { screenshot } from "./support/harness";
import type { TemplateSeed } from "./support/kb-handle";
import { usePaneWorld } from "./support/world";
import { writtenSettings } from "../support/settings-fixture";
import { E2E_UI_WAIT_MS as UI_TIMEOUT } from "../support/timing";

const CHOICE_KEY = "kostra-benchmark:choice";
const world = usePaneWorld();
const visible = (locator: Locator, timeout = UI_TIMEOUT) => locator.first().waitFor({ state: "visible", timeout });

/** The pane's controls, by the names a screen reader announces. */
function ui(page: Page) {
  return {
    load: page.getByRole("button", { name: "Hent data", exact: true }),
    template: page.getByRole("combobox", { name: "Sektormal" }),
    municipality: page.getByRole("combobox", { name: "Kommune" }),
    year: page.getByRole("combobox", { name: "År", exact: true }),
    comparisons: page.getByRole("combobox", { name: "Sammenlign med" }),
    spanFrom: page.getByRole("combobox", { name: "Tidsserie fra" }),
    ssb: page.getByRole("radio", { name: "SSB direkte", exact: true }),
    sample: page.getByRole("radio", { name: "Eksempeldata", exact: true }),
    averaging: page.getByText(/^Snitt: /),
  };
}

/** Choose an option of a native list (the pane's Select) by its text. */
async function pick(list: Locator, option: string): Promise<void> {
  await list.selectOption({ label: option });
}

/** The text of a native list's chosen option. */
const chosen = (list: Locator) => list.evaluate((el) => (el as HTMLSelectElement).selectedOptions[0]?.textContent ?? "");

const stored = (page: Page) => page.evaluate((key) => localStorage.getItem(key), CHOICE_KEY);

describe("the remembered choice", () => {
  it("survives a reload of the pane: template, municipality, year, comparisons, source and averaging", async () => {
    const { page, pageErrors } = await world.open({ inExcel: true });
    const u = ui(page);
    await visible(u.load);
    await pick(u.template, "Tekniske tjenester");
    await u.municipality.fill("Bergen");
    await u.municipality.press("Enter");
    await pick(u.year, "2016");
    await u.comparisons.click();
    await page.getByRole("listbox", { name: "Sammenlign med" }).getByRole("option", { name: "Oslo (0301)" }).click();
    await page.keyboard.press("Escape");
    await u.ssb.check();
    await page.getByRole("button", { name: "Avanserte valg" }).click();
    await page.getByRole("radio", { name: /^Vektet/ }).check();
    await visible(page.getByText(/^Snitt: vektet/));
    expect(JSON.parse((await stored(page)) ?? "{}")).toMatchObject({ sector: "tekniske-tjenester", municipality: "bergen", year: 2016, source: "ssb", average: "weighted" });

    await page.reload();
    await visible(u.load);
    expect(await chosen(u.template)).toBe("Tekniske tjenester");
    expect(await u.municipality.inputValue()).toBe("Bergen (1201)");
    expect(await chosen(u.year)).toBe("2016");
    expect(await chosen(u.spanFrom)).toBe("2014");
    expect(await u.comparisons.inputValue()).toBe("Asker, Oslo");
    expect(await u.ssb.isChecked()).toBe(true);
    expect(await u.averaging.textContent()).toMatch(/^Snitt: vektet/);
    // SSB was the source: nothing is loaded until the user asks, and the sample does not stand in.
    await visible(page.getByText("Ingen data er hentet ennå. Velg datakilde og trykk «Hent data»."));
    await screenshot(page, "remembered-after-reload");
    expect(pageErrors).toEqual([]);
  });

  it("gives way to a template workbook's settings, which leave it as it was for the next workbook", async () => {
    const remembered = JSON.stringify({ sector: "tekniske-tjenester", municipality: "bergen", year: 2016, span: { from: 2014, to: 2016 }, source: "ssb", average: "weighted" });
    const template: TemplateSeed = {
      ...writtenSettings({ municipality: "0219", comparisons: ["0220"], source: { kind: "sample" } }),
      ownedSheets: [{ key: "profile:plan-miljo-kultur:2017", name: "Plan, miljø og kultur 2017" }],
    };
    const { page, pageErrors } = await world.open({
      inExcel: true,
      kb: { template },
      beforeLoad: `localStorage.setItem(${JSON.stringify(CHOICE_KEY)}, ${JSON.stringify(remembered)});`,
    });
    const u = ui(page);
    await visible(page.getByText(/^Arbeidsboken er en mal: Plan, miljø og kultur, Bærum 2017\./));
    expect(await chosen(u.template)).toBe("Plan, miljø og kultur");
    expect(await u.municipality.inputValue()).toBe("Bærum (0219)");
    expect(await chosen(u.year)).toBe("2017");
    expect(await u.comparisons.inputValue()).toBe("Asker");
    expect(await u.sample.isChecked()).toBe(true);
    expect(await u.averaging.textContent()).toMatch(/^Snitt: uvektet/);
    // The template's source is the sample: its profile shows at once.
    await visible(page.getByRole("heading", { name: "Profil for Bærum 2017", exact: true }));
    await screenshot(page, "remembered-template-wins");
    expect(await stored(page)).toBe(remembered);
    expect(pageErrors).toEqual([]);
  });
});

/**
 * A municipality outside ASSS in the browser, on the production bundle inside the fake
 * Excel: Hå (1119) measured against its KOSTRA group as SSB publishes it, with Landet uten
 * Oslo beside, loaded from "SSB" — the local PxWebApi 2 server's catalog world, whose
 * tables come from the metadata fixtures (SYNTHETIC figures) — and its classification
 * service, which gives Hå's KOSTRA group. Then written to the workbook.
 */
import type { Locator } from "playwright-core";
import { kb, screenshot } from "./support/harness";
import { usePaneWorld } from "./support/world";
import { E2E_UI_WAIT_MS as UI_TIMEOUT } from "../support/timing";

const world = usePaneWorld({ world: "catalog" });
const visible = (locator: Locator, timeout = UI_TIMEOUT) => locator.first().waitFor({ state: "visible", timeout });

describe("peer groups in the browser", () => {
  it("benchmarks Hå against KOSTRA group 7 (group from SSB's Klass) with Landet uten Oslo, and writes it", async () => {
    const { page, pageErrors } = await world.open({ inExcel: true });
    const load = page.getByRole("button", { name: "Hent data", exact: true });
    await visible(load);

    const municipality = page.getByRole("combobox", { name: "Kommune" });
    await municipality.fill("1119");
    await municipality.press("Enter");
    await page.getByRole("combobox", { name: "Nettverk" }).selectOption({ label: "Ingen (bare SSBs snitt)" });
    await page.getByRole("checkbox", { name: "Landet uten Oslo" }).check();
    await page.getByRole("radio", { name: "SSB direkte", exact: true }).check();
    await load.click();

    const heading = page.getByRole("heading", { name: "Profil for Hå 2017", exact: true });
    await visible(heading);
    // The table's columns: the group's published average as the base, Landet uten Oslo beside.
    const table = page.getByRole("table", { name: /^Tallene for Hå 2017/ });
    await visible(table.getByRole("columnheader", { name: /^Snitt KOSTRA-gruppe 7/ }));
    await visible(table.getByRole("columnheader", { name: "Indeks Landet uten Oslo", exact: true }));
    await screenshot(page, "h-ha-kostragruppe");
    // The group came from the classification service; the figures from the tables, with EKG07 and EAKUO asked for.
    const requests = world.pxweb().requests;
    expect(requests.some((r) => /correspondsAt$/.test(r.path))).toBe(true);
    const data = requests.filter((r) => /\/data$/.test(r.path)).map((r) => JSON.stringify(r));
    expect(data.some((r) => r.includes("EKG07") && r.includes("EAKUO") && r.includes("1119"))).toBe(true);

    await page.getByRole("button", { name: "Skriv til arbeidsbok", exact: true }).click();
    const sheet = "Plan, miljø og kultur 2017";
    await visible(page.getByRole("button", { name: `Gå til «${sheet}»` }).or(page.getByRole("link", { name: `Gå til «${sheet}»` })));
    const written = await kb(page, (h, name: string) => ({ title: h.cell(name, "A1").value, c7: h.cell(name, "C7").value, c8: h.cell(name, "C8").formula }), sheet);
    expect(written.title).toBe("Plan, miljø og kultur – Hå (1119) 2017");
    expect(String(written.c7)).toMatch(/KOSTRA-gruppe 7/);
    // The average is SSB's published figure for the group, looked up in the data sheet.
    expect(written.c8).toMatch(/ekg07\|2017/);
    expect(pageErrors).toEqual([]);
  });
});

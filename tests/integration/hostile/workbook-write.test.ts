/**
 * Hostile corpus, area "workbook-write": the workbook states an unlucky user meets when
 * "Skriv til arbeidsbok" writes the report — a table of their own named like ours, a
 * protected workbook, Excel stopping at each stage of the write (one request refused,
 * cell editing, a connection lost for good, protection switched on half-way), and a new
 * write after one that failed half-way. Each case states the workbook, the outcome, the
 * words the user is shown (the pane's title and text, nb and en), and checks what the
 * workbook holds afterwards: the previous report intact, or the new one complete.
 *
 * And a workbook that lies: its settings claim a sheet it came with ("Budsjett 2027",
 * for the user to fill in) as the report's, so that the next write would delete it with
 * the user's figures. A write replaces only the sheets the user agreed to replace
 * (`replace`, which the pane asks for); any other claimed sheet is kept as the user's.
 * And a planned sheet name whose suffix would split an emoji in two.
 *
 * Workbook and Excel are the fake Excel object model (tests/support/fake-excel), which
 * runs requests statement by statement as Excel does.
 */
import { GatewayError, sheetsToReplace } from "../../../src/excel/apply-plan";
import { resolveNaming } from "../../../src/excel/naming";
import { hasXmlForbidden } from "../../../src/kostra/safe-text";
import type { ReportPlan } from "../../../src/report/plan";
import { settingsFromXml, settingsToXml } from "../../../src/report/template-settings";
import type { Lang } from "../../../src/kostra/types";
import { en } from "../../../src/taskpane/i18n/en";
import { nb } from "../../../src/taskpane/i18n/nb";
import { describeError } from "../../../src/taskpane/state/messages";
import { writeAsAgreed } from "../../../src/taskpane/state/workbookWrite";
import type { SheetInfo } from "../../../src/excel/apply-plan";
import { createFakeExcel, type FakeExcel } from "../../support/fake-excel";
import { SAMPLE_SETTINGS, applyOn, claimedIds, rewriteOn, samplePlan } from "../../support/gateway-runs";
import { writtenSettings } from "../../support/settings-fixture";

/** What the pane shows for a failed write, in one language: title and text. */
function shown(error: unknown, lang: Lang): string {
  const m = describeError(error, "write")(lang === "nb" ? nb : en, lang);
  return `${m.title} | ${m.body ?? ""}`;
}

/** A workbook with the user's budget sheet and last year's report. */
async function workbookWithReport(): Promise<FakeExcel> {
  const f = createFakeExcel({ sheets: ["Budsjett 2027"] });
  f.workbook.sheet("Budsjett 2027").setValues("A1", [["Post", "Beløp"], ["Lønn", 100]]);
  f.workbook.sheet("Budsjett 2027").setCell("C2", { formula: "=B2*2" });
  await rewriteOn(f, samplePlan(2017));
  return f;
}

/**
 * The statements of this year's write, request by request, numbered as a fork of `f`
 * counts them (a fork starts at 0; on `f` itself add f.stats.statements). Learnt from the
 * same write on a fork.
 */
async function requestsOfWrite(f: FakeExcel): Promise<{ first: number; count: number }[]> {
  const probe = f.fork();
  await rewriteOn(probe, samplePlan(2018));
  return probe.stats.requests.map((r) => ({ first: r.firstStatement, count: r.operations }));
}

const reportSheets = (year: number) => samplePlan(year).sheets.map((s) => s.name);

async function expectComplete(f: FakeExcel, year: number): Promise<void> {
  expect(f.workbook.sheetNames()).toEqual(["Budsjett 2027", ...reportSheets(year)]);
  expect(f.workbook.tables().map((t) => t.name)).toEqual(["KostraData"]);
  expect(f.workbook.customXmlParts()).toHaveLength(1);
}

describe("hostile workbook states: the report is written whole or not at all, and the user is told which", () => {
  it("a user table already named KostraData: written beside it, twice, the user's table untouched", async () => {
    const f = createFakeExcel({ sheets: ["Budsjett 2027"] });
    f.workbook.sheet("Budsjett 2027").setValues("A1", [["Post", "Beløp"], ["Lønn", 100]]);
    await f.run(async (context) => {
      context.workbook.worksheets.getItem("Budsjett 2027").tables.add("A1:B2", true).name = "KostraData";
      await context.sync();
    });
    const mine = f.workbook.sheet("Budsjett 2027").snapshot();
    for (const year of [2017, 2018]) {
      const result = await rewriteOn(f, samplePlan(year));
      expect(result.renamedTables).toEqual([{ planned: "KostraData", used: "KostraData_2" }]);
      expect(f.workbook.sheetNames()).toEqual(["Budsjett 2027", ...reportSheets(year)]);
      expect(f.workbook.tables().map((t) => `${t.name}@${t.sheet}`)).toEqual(["KostraData@Budsjett 2027", "KostraData_2@KOSTRA-data"]);
      expect(f.workbook.sheet("Budsjett 2027").snapshot()).toEqual(mine);
    }
  });

  it("a protected workbook: nothing is written, the previous report is intact, and the user is told to unprotect", async () => {
    const f = await workbookWithReport();
    const before = f.workbook.snapshot();
    // Excel refuses every change (AccessDenied), reads are answered.
    f.failChangesFrom(f.stats.statements + 1, { code: "AccessDenied" });
    const e = await rewriteOn(f, samplePlan(2018)).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(GatewayError);
    expect((e as GatewayError).state).toEqual({ kind: "unchanged" });
    expect(f.workbook.snapshot()).toEqual(before);
    expect(shown(e, "nb")).toBe(
      "Rapporten ble ikke skrevet | Excel stoppet skrivingen (Excel: AccessDenied). Den forrige rapporten er urørt, og ingenting i arbeidsboken er endret. Avslutt eventuell celleredigering, opphev beskyttelse av arbeidsboken og arkene, og prøv igjen.",
    );
    expect(shown(e, "en")).toContain("The report was not written | Excel stopped the write (Excel: AccessDenied). The previous report is intact; nothing in the workbook changed.");
  });

  it("Excel refuses one whole request, at each stage of the write: the previous report intact, or the new one complete", async () => {
    const f = await workbookWithReport();
    const requests = await requestsOfWrite(f);
    expect(requests.length).toBeGreaterThanOrEqual(6);
    for (let i = 0; i < requests.length; i++) {
      const w = f.fork();
      w.failSyncNumber(w.stats.syncs + i + 1);
      const e = await rewriteOn(w, samplePlan(2018)).catch((x: unknown) => x);
      if (e instanceof GatewayError) {
        expect([i, e.state]).toEqual([i, { kind: "unchanged" }]);
        expect(w.differencesFrom(f)).toEqual([]);
        // Before the workbook was read the gateway can't know there is a report; either way nothing changed.
        expect(shown(e, "nb")).toMatch(i < 2 ? /\| Excel stoppet skrivingen \(Excel: GeneralException\)\. Ingenting i arbeidsboken er endret\./ : /Den forrige rapporten er urørt, og ingenting i arbeidsboken er endret\./);
      } else {
        // Only a refused final request (it applies nothing) or the last one (showing the report) ends complete.
        expect(i).toBeGreaterThanOrEqual(requests.length - 2);
        await expectComplete(w, 2018);
      }
    }
  });

  it("cell editing stops the final request at its first statement, or right after: undone, or finished", async () => {
    const f = await workbookWithReport();
    const requests = await requestsOfWrite(f);
    const final = requests[requests.length - 2];
    // At the point of no return itself: nothing of the final request happened, the build is undone.
    const atCommit = f.fork();
    atCommit.failStatement(final.first, { code: "InvalidOperation", message: "The cell is being edited." });
    const e = await rewriteOn(atCommit, samplePlan(2018)).catch((x: unknown) => x);
    expect((e as GatewayError).state).toEqual({ kind: "unchanged" });
    expect(atCommit.differencesFrom(f)).toEqual([]);
    expect(shown(e, "en")).toContain("(Excel: InvalidOperation). The previous report is intact; nothing in the workbook changed. Finish any cell editing");
    // One statement later the settings own both reports: the write is finished instead.
    const after = f.fork();
    after.failStatement(final.first + 1, { code: "InvalidOperation" });
    const result = await rewriteOn(after, samplePlan(2018));
    expect(result.finishedOnRetry).toBe(true);
    await expectComplete(after, 2018);
  });

  it("protection switched on half-way through the final request: the user is told exactly what is where, and writing again puts it right", async () => {
    const f = await workbookWithReport();
    const final = (await requestsOfWrite(f)).slice(-2)[0];
    f.failChangesFrom(f.stats.statements + final.first + 2, { code: "AccessDenied" });
    const e = (await rewriteOn(f, samplePlan(2018)).catch((x: unknown) => x)) as GatewayError;
    expect(e.state.kind).toBe("partial");
    const nbText = shown(e, "nb");
    expect(nbText).toMatch(/^Rapporten ble bare delvis skrevet \| Excel stoppet i siste steg \(Excel: AccessDenied\), og et nytt forsøk lyktes ikke\. Den nye rapporten er skrevet helt, men arkene «kb-tmp-[^»]+», /);
    expect(nbText).toContain("(de skal hete «Plan, miljø og kultur 2018», «Utvikling Plan, miljø og kultur», «Tekniske tjenester 2018», «Utvikling Tekniske tjenester», «KOSTRA-data»)");
    expect(nbText).toContain("Arkene «Utvikling Plan, miljø og kultur», «Tekniske tjenester 2017», «Utvikling Tekniske tjenester», «KOSTRA-data» fra den forrige rapporten står fortsatt.");
    expect(nbText).toContain("Skriv rapporten på nytt («Skriv til arbeidsbok»)");
    expect(shown(e, "en")).toMatch(/^The report was only partly written \| Excel stopped in the last step \(Excel: AccessDenied\)/);
    // The user's own sheet was never touched.
    expect(f.workbook.sheet("Budsjett 2027").cell("C2").formula).toBe("=B2*2");
    f.recover();
    await rewriteOn(f, samplePlan(2018));
    await expectComplete(f, 2018);
  });

  it("a connection lost for good in the final request: the user is told it is not known how far the write came", async () => {
    const f = await workbookWithReport();
    const final = (await requestsOfWrite(f)).slice(-2)[0];
    f.failStatementsFrom(f.stats.statements + final.first + 4);
    const e = (await rewriteOn(f, samplePlan(2018)).catch((x: unknown) => x)) as GatewayError;
    expect(e.state).toEqual({ kind: "unknown", temporaryPrefix: "kb-tmp-" });
    expect(shown(e, "nb")).toContain("Excel stoppet under skrivingen | Excel stoppet mens rapporten ble skrevet");
    expect(shown(e, "nb")).toContain("«kb-tmp-»");
    f.recover();
    await rewriteOn(f, samplePlan(2018));
    await expectComplete(f, 2018);
  });

  it("a new write after one that could not clean up: written whole, the named leftovers are the only extra sheets", async () => {
    const f = await workbookWithReport();
    const requests = await requestsOfWrite(f);
    f.failChangesFrom(f.stats.statements + requests[3].first + 5, { code: "AccessDenied" });
    const e = (await rewriteOn(f, samplePlan(2018)).catch((x: unknown) => x)) as GatewayError;
    expect(e.state.kind).toBe("leftovers");
    const left = (e.state as { sheets: string[] }).sheets;
    expect(shown(e, "nb")).toContain(`Den forrige rapporten er urørt, men Excel lot ikke tillegget fjerne de midlertidige arkene «${left[0]}»`);
    expect(f.workbook.sheetNames()).toEqual(["Budsjett 2027", ...reportSheets(2017), ...left]);
    f.recover();
    await rewriteOn(f, samplePlan(2018));
    expect(f.workbook.sheetNames()).toEqual(["Budsjett 2027", ...left, ...reportSheets(2018)]);
    expect(f.workbook.tables().map((t) => t.name)).toEqual(["KostraData"]);
  });
});

/** The settings the workbook carries now (one part, readable). */
function settingsIn(f: FakeExcel) {
  const parts = f.workbook.customXmlParts();
  expect(parts).toHaveLength(1);
  const read = settingsFromXml(parts[0].xml);
  if (read.kind !== "ok") throw new Error(`settings not readable: ${read.kind}`);
  return read.settings;
}

const idOf = (f: FakeExcel, name: string): string => f.workbook.snapshot().sheets.find((s) => s.name === name)!.id;

/** A shared workbook: the user's "Budsjett 2027" with figures, and settings claiming it as the report's data sheet. */
function workbookClaimingBudget(): { f: FakeExcel; id: string } {
  const f = createFakeExcel({ sheets: ["Budsjett 2027"] });
  const id = idOf(f, "Budsjett 2027");
  f.workbook.addCustomXmlPart(settingsToXml(writtenSettings({ ownedSheets: [{ key: "data", id, name: "Budsjett 2027" }] })));
  f.workbook.sheet("Budsjett 2027").setCell("B2", { value: 1234 });
  f.workbook.sheet("Budsjett 2027").setCell("C2", { formula: "=B2*2" });
  return { f, id };
}

describe("hostile settings that claim the user's sheets: only what the user agreed to is replaced", () => {
  it("a shared workbook claiming its own 'Budsjett 2027': kept with the user's figures, and no longer claimed", async () => {
    const { f, id } = workbookClaimingBudget();
    const mine = f.workbook.sheet("Budsjett 2027").snapshot();
    const result = await applyOn(f, samplePlan(2017));
    expect(f.workbook.hasSheet("Budsjett 2027")).toBe(true);
    expect(f.workbook.sheet("Budsjett 2027").snapshot()).toEqual(mine);
    expect(result.replaced).toEqual([]);
    expect(result.kept).toEqual([{ id, name: "Budsjett 2027" }]);
    expect(f.workbook.sheetNames()).toEqual(["Budsjett 2027", ...reportSheets(2017)]);
    // The new settings claim only the new report: the next write cannot take the sheet either.
    expect(settingsIn(f).ownedSheets.map((o) => o.id)).not.toContain(id);
    await rewriteOn(f, samplePlan(2018));
    expect(f.workbook.sheet("Budsjett 2027").snapshot()).toEqual(mine);
  });

  it("says which sheets a write would replace, reading only: the claimed sheet under the name the user sees", async () => {
    const { f, id } = workbookClaimingBudget();
    const before = f.workbook.snapshot();
    expect(await sheetsToReplace({ run: f.run, isSetSupported: () => true })).toEqual([{ id, name: "Budsjett 2027" }]);
    expect(f.workbook.snapshot()).toEqual(before);
    // A workbook without settings, or with the report this write is about to replace.
    expect(await sheetsToReplace({ run: createFakeExcel().run, isSetSupported: () => true })).toEqual([]);
    const g = createFakeExcel({ sheets: ["Ark1"] });
    const written = await applyOn(g, samplePlan(2017));
    expect(await sheetsToReplace({ run: g.run, isSetSupported: () => true })).toEqual(written.sheets.map((s) => ({ id: s.id, name: s.name })));
  });

  it("replaces the claimed sheet only when the user agreed, and says so", async () => {
    const { f, id } = workbookClaimingBudget();
    const result = await applyOn(f, samplePlan(2017), { replace: [id] });
    expect(f.workbook.hasSheet("Budsjett 2027")).toBe(false);
    expect(result.replaced).toEqual([{ id, name: "Budsjett 2027" }]);
    expect(result.kept).toEqual([]);
    expect(f.workbook.sheetNames()).toEqual(reportSheets(2017));
  });

  it("a claimed sheet with a report sheet's name, not agreed to: kept, and the new report takes a suffix its formulas follow", async () => {
    const f = createFakeExcel({ sheets: ["KOSTRA-data"] });
    const id = idOf(f, "KOSTRA-data");
    f.workbook.addCustomXmlPart(settingsToXml(writtenSettings({ ownedSheets: [{ key: "data", id, name: "KOSTRA-data" }] })));
    f.workbook.sheet("KOSTRA-data").setCell("A1", { value: "mine" });
    const result = await applyOn(f, samplePlan(2017));
    expect(f.workbook.sheet("KOSTRA-data").cell("A1").value).toBe("mine");
    expect(result.kept).toEqual([{ id, name: "KOSTRA-data" }]);
    expect(result.renamed).toEqual([{ planned: "KOSTRA-data", used: "KOSTRA-data (2)" }]);
    expect(f.workbook.sheet("Plan, miljø og kultur 2017").cell("B8").formula).toContain("'KOSTRA-data (2)'!$G$2:");
    expect(f.workbook.tables().map((t) => `${t.name}@${t.sheet}`)).toEqual(["KostraData@KOSTRA-data (2)"]);
  });

  it("checks the agreement again inside the write: a sheet renamed since, or an id the settings never claimed, is not deleted", async () => {
    const f = await workbookWithReport();
    const agreed = claimedIds(f);
    // Between the question and the write the user renames a report sheet to keep it.
    await f.run(async (context) => {
      context.workbook.worksheets.getItem("KOSTRA-data").name = "Mine data";
      await context.sync();
    });
    const budget = idOf(f, "Budsjett 2027");
    const result = await applyOn(f, samplePlan(2018), { replace: [...agreed, budget] });
    expect(f.workbook.sheetNames()).toEqual(["Budsjett 2027", "Mine data", ...reportSheets(2018)]);
    expect(f.workbook.sheet("Budsjett 2027").cell("C2").formula).toBe("=B2*2");
    expect(result.replaced.map((s) => s.name)).toEqual(reportSheets(2017).filter((n) => n !== "KOSTRA-data"));
    expect(result.kept).toEqual([]);
  });
});

describe("the pane's write over a workbook it did not write: asks once, writes only what the user agreed to", () => {
  /** The pane's workbook services, on the fake Excel. */
  const servicesOn = (f: FakeExcel) => ({
    sheetsToReplace: () => sheetsToReplace({ run: f.run, isSetSupported: () => true }),
    writeReport: (plan: ReportPlan, settings: typeof SAMPLE_SETTINGS, replace: readonly string[]) => applyOn(f, plan, { settings, replace }),
  });
  /** The user's answers, and the sheets each question named. */
  function user(...answers: boolean[]) {
    const asked: string[][] = [];
    const ask = async (sheets: SheetInfo[]) => {
      asked.push(sheets.map((s) => s.name));
      if (!answers.length) throw new Error(`asked once too often, about ${sheets.map((s) => s.name).join(", ")}`);
      return answers.shift()!;
    };
    return { asked, ask };
  }

  it("«Avbryt» on the lying workbook: nothing written, the user's figures in B2 intact; «Erstatt»: replaced", async () => {
    const { f, id } = workbookClaimingBudget();
    const before = f.workbook.snapshot();
    const session = { current: [] as readonly string[] };
    const declines = user(false);
    expect(await writeAsAgreed(servicesOn(f), samplePlan(2017), SAMPLE_SETTINGS, session, declines.ask)).toBeNull();
    expect(declines.asked).toEqual([["Budsjett 2027"]]);
    expect(f.workbook.snapshot()).toEqual(before);
    expect(f.workbook.sheet("Budsjett 2027").cell("B2").value).toBe(1234);
    const agrees = user(true);
    const written = await writeAsAgreed(servicesOn(f), samplePlan(2017), SAMPLE_SETTINGS, session, agrees.ask);
    expect(written?.replaced).toEqual([{ id, name: "Budsjett 2027" }]);
    expect(f.workbook.sheetNames()).toEqual(reportSheets(2017));
    // Its own report is replaced without asking again.
    await writeAsAgreed(servicesOn(f), samplePlan(2018), SAMPLE_SETTINGS, session, user().ask);
    expect(f.workbook.sheetNames()).toEqual(reportSheets(2018));
  });

  it("a write Excel left half-done: writing again replaces the sheets it left, old and new, without asking again", async () => {
    const f = await workbookWithReport();
    const final = (await requestsOfWrite(f)).slice(-2)[0];
    const session = { current: [] as readonly string[] };
    const first = user(true);
    // Protection is switched on half-way through the final request (counted from the answer, after the question's read).
    const ask = (sheets: SheetInfo[]) => (f.failChangesFrom(f.stats.statements + final.first + 2, { code: "AccessDenied" }), first.ask(sheets));
    const e = await writeAsAgreed(servicesOn(f), samplePlan(2018), SAMPLE_SETTINGS, session, ask).catch((x: unknown) => x);
    expect((e as GatewayError).state.kind).toBe("partial");
    expect(first.asked).toEqual([reportSheets(2017)]);
    f.recover();
    await writeAsAgreed(servicesOn(f), samplePlan(2018), SAMPLE_SETTINGS, session, user().ask);
    await expectComplete(f, 2018);
    expect(f.workbook.sheet("Budsjett 2027").cell("C2").formula).toBe("=B2*2");
  });
});

describe("name suffixes never split a character", () => {
  // 26 letters, an emoji (two UTF-16 units), 3 letters: 31 units, Excel's longest sheet name.
  const long = `${"Å".repeat(26)}\u{1F4CA}xyz`;

  it("cuts before the emoji, not through it, when a user's sheet has the planned name", () => {
    const plan = { sheets: [{ key: "data", name: long, blocks: [] }], names: [] } as unknown as ReportPlan;
    const naming = resolveNaming(plan, { sheets: [{ id: "{u}", name: long }], tables: [], names: [], parts: [] }, new Set(), "x");
    expect(naming.sheets[0].final).toBe(`${"Å".repeat(26)} (2)`);
    expect(hasXmlForbidden(naming.sheets[0].final)).toBe(false);
  });

  it("so the settings record the name the sheet has, and the next write replaces it", async () => {
    const f = createFakeExcel({ sheets: [long] });
    const plan = (year: number): ReportPlan => JSON.parse(JSON.stringify(samplePlan(year)).replaceAll(`Plan, miljø og kultur ${year}`, long));
    const first = await applyOn(f, plan(2017));
    const profile = first.sheets.find((s) => s.key.startsWith("profile:plan"))!;
    expect(profile.name).toBe(`${"Å".repeat(26)} (2)`);
    expect(settingsIn(f).ownedSheets).toContainEqual(profile);
    const second = await rewriteOn(f, plan(2018));
    expect(second.replaced.map((s) => s.id)).toContain(profile.id);
    // The user's sheet and this year's report, nothing of last year's left behind.
    expect(f.workbook.sheetNames().filter((n) => n.startsWith("Å"))).toEqual([long, `${"Å".repeat(26)} (2)`]);
    expect(f.workbook.sheetNames()).toHaveLength(1 + samplePlan(2018).sheets.length);
  });
});

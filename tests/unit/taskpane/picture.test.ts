/**
 * The tjenesteprofil picture as data and geometry: one scale for every indicator, the marks
 * taken from the engine's profile (the comparisons included), and a layout that keeps
 * every text inside the drawing at Office's narrowest pane.
 */
import { benchmark, defaultOptions } from "../../../src/kostra/benchmark";
import type { Profile } from "../../../src/kostra/types";
import { sampleDataset } from "../../../src/sources/sample";
import { chartLayout, textWidth, wrapText, xOf, type LegendEntry } from "../../../src/taskpane/state/chartLayout";
import { pictureScale, place, profilePicture, SCALE_CAP, shapeOf } from "../../../src/taskpane/state/picture";

const bærum2017 = (comparisons?: string[]): Profile =>
  benchmark(sampleDataset(), { ...defaultOptions("plan-miljo-kultur", "0219", 2017), ...(comparisons ? { comparisons } : {}) });

describe("the picture's scale", () => {
  it("reaches 0–200 at least, so 100 is in view, in steps of 50", () => {
    expect(pictureScale([40, 120])).toEqual({ from: 0, to: 200, ticks: [0, 50, 100, 150, 200] });
    expect(pictureScale([])).toEqual({ from: 0, to: 200, ticks: [0, 50, 100, 150, 200] });
  });

  it("grows to the highest index, rounded up to 50, with grid lines every 100 once it is wide", () => {
    expect(pictureScale([12, 261])).toEqual({ from: 0, to: 300, ticks: [0, 100, 200, 300] });
    expect(pictureScale([null, 342])).toEqual({ from: 0, to: 350, ticks: [0, 100, 200, 300] });
  });

  it("stops at its cap, and places a figure beyond it at the edge, marked as beyond", () => {
    const scale = pictureScale([50, 1250]);
    expect(scale.to).toBe(SCALE_CAP);
    expect(place(scale, 1250)).toEqual({ at: 1, beyond: "above" });
    expect(place(scale, 100)).toEqual({ at: 100 / SCALE_CAP, beyond: null });
  });

  it("goes below 0 for a negative index, in steps of 50 and no further than -100", () => {
    expect(pictureScale([-30, 150])).toMatchObject({ from: -50, to: 200 });
    const deep = pictureScale([-400, 150]);
    expect(deep.from).toBe(-100);
    expect(deep.ticks).toContain(100);
    expect(place(deep, -400)).toEqual({ at: 0, beyond: "below" });
  });

  it("ignores indices that are not figures", () => {
    expect(pictureScale([Number.NaN, Number.POSITIVE_INFINITY, 80]).to).toBe(200);
  });
});

describe("the picture of a profile", () => {
  it("marks the municipality and the comparison municipalities the engine's profile carries (Asker by default)", () => {
    const profile = bærum2017();
    const picture = profilePicture(profile, "nb");
    expect(picture.legend.map((m) => [m.kind, m.who.name, m.symbol])).toEqual([
      ["focal", "Bærum", 0],
      ["comparison", "Asker", 1],
    ]);
    picture.rows.forEach((r, i) => {
      const row = profile.rows[i];
      expect(r.marks.map((m) => [m.who.name, m.index])).toEqual([
        ["Bærum", row.index],
        ["Asker", row.comparisons[0].index],
      ]);
      expect(r.range).toEqual({ low: row.lowest!.index, high: row.highest!.index });
    });
    // Worked by hand from the sample (synthetic): Bærum's kunstformidling 141 ÷ the row's average × 100.
    expect(picture.rows[0].marks[0].index).toBeCloseTo((141 / profile.rows[0].average!) * 100, 9);
  });

  it("marks every comparison with its own symbol, in the order chosen, and one scale covers them all", () => {
    const profile = bærum2017(["asker", "oslo", "bergen"]);
    const picture = profilePicture(profile, "nb");
    expect(picture.legend.map((m) => `${m.who.name}:${m.symbol}`)).toEqual(["Bærum:0", "Asker:1", "Oslo:2", "Bergen:3"]);
    const all = picture.rows.flatMap((r) => [r.range!.low, r.range!.high, ...r.marks.map((m) => m.index!)]);
    expect(picture.scale.to).toBeGreaterThanOrEqual(Math.min(SCALE_CAP, Math.max(...all)));
    expect(picture.scale.from).toBeLessThanOrEqual(Math.min(...all));
  });

  it("never gives another the municipality's circle, however many are compared", () => {
    expect([0, 1, 2, 3, 4, 5, 6, 7, 11].map(shapeOf)).toEqual([0, 1, 2, 3, 4, 5, 1, 2, 1]);
  });

  it("adds the label's mark where the engine averages as KS simply", () => {
    const picture = profilePicture(bærum2017(), "en", (row) => (row.indicator.id === "kunstformidling" ? " *" : ""));
    expect(picture.rows[0].label).toMatch(/ \*$/);
    expect(picture.rows[1].label).not.toMatch(/\*$/);
  });
});

describe("the chart's layout", () => {
  const legend = (picture: ReturnType<typeof profilePicture>): LegendEntry[] => [
    ...picture.legend.map((m) => ({ glyph: m.symbol, text: m.who.name })),
    { glyph: "range", text: "Lavest–høyest i ASSS" },
    { glyph: "average", text: "Snitt KOSTRA-gruppe 7 (inndeling før 2020) = 100" },
  ];

  it("wraps text at spaces into lines no wider than asked, cutting only a word longer than a line", () => {
    const lines = wrapText("Netto driftsutgifter til plansaksbehandling pr. innbygger", 150);
    expect(lines.length).toBeGreaterThan(1);
    for (const l of lines) expect(textWidth(l)).toBeLessThanOrEqual(150);
    expect(lines.join(" ")).toBe("Netto driftsutgifter til plansaksbehandling pr. innbygger");
    expect(wrapText("Aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", 60).every((l) => textWidth(l) <= 60)).toBe(true);
  });

  it.each([296, 320, 640])("keeps every name, the title and the legend inside %i px", (width) => {
    const picture = profilePicture(bærum2017(["asker", "oslo", "bergen", "stavanger", "trondheim", "kristiansand"]), "nb");
    const layout = chartLayout(picture, width, "Plan, miljø og kultur 2017. Snitt ASSS = 100", legend(picture));
    expect(layout.width).toBe(width);
    const texts = [...layout.title.map((l) => ({ x: 8, text: l.text })), ...layout.rows.flatMap((r) => r.lines.map((l) => ({ x: 8, text: l.text })))];
    for (const t of texts) expect(t.x + textWidth(t.text)).toBeLessThanOrEqual(width);
    for (const item of layout.legend) for (const line of item.lines) expect(item.x + 16 + textWidth(line)).toBeLessThanOrEqual(width);
    // Everything is above the drawing's bottom, and the rows do not overlap.
    expect(Math.max(...layout.legend.map((l) => l.y + (l.lines.length - 1) * 16))).toBeLessThan(layout.height);
    layout.rows.forEach((r, i) => {
      expect(r.bandY).toBeGreaterThan(r.lines.at(-1)!.y);
      if (i > 0) expect(r.lines[0].y).toBeGreaterThan(layout.rows[i - 1].bandY + layout.band);
    });
    // The scale spans the plot: 100 is inside it, a figure past the cap at its right end.
    expect(xOf(layout, picture.scale, picture.scale.to * 10)).toBe(layout.plotRight);
    expect(layout.plotRight).toBeLessThan(width);
  });

  it("puts legend entries side by side when there is room, and a long one on lines of its own", () => {
    const picture = profilePicture(bærum2017(), "nb");
    const layout = chartLayout(picture, 320, "Tittel", legend(picture));
    const [bærum, asker, , long] = layout.legend;
    expect(asker.y).toBe(bærum.y);
    expect(asker.x).toBeGreaterThan(bærum.x);
    expect(long.lines.length).toBeGreaterThan(1);
    expect(long.x).toBe(bærum.x);
  });
});

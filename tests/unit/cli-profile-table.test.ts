/**
 * The `kostra profile` table fits 100 columns (labels wrapped in their column, columns that
 * do not fit named under the table) and `--wide` keeps one line per indicator; the figures
 * shown are the same in both.
 */
import { SECTOR_TEMPLATES } from "../../src/kostra/catalog";
import { main, type Io } from "../../src/cli/main";

async function profile(...args: string[]): Promise<string> {
  let out = "";
  let err = "";
  const io: Io = { out: (t) => void (out += t), err: (t) => void (err += t), readFile: () => { throw new Error("no files here"); } };
  const code = await main(["profile", "--sample", "--municipality", "0219", "--year", "2017", ...args], io);
  if (code !== 0) throw new Error(err);
  return out;
}

/** The table's rows: the lines after the rule up to the first blank line. */
function tableLines(text: string): string[] {
  const lines = text.split("\n");
  const rule = lines.findIndex((l) => /^-+( {2}-+)+$/.test(l));
  const end = lines.indexOf("", rule);
  return lines.slice(rule + 1, end);
}

/** A row's cells: the columns are two or more spaces apart (a number's own space is single). */
const cells = (line: string) => line.trim().split(/ {2,}/);

const layouts: [string, string[]][] = [
  ["the template's defaults", []],
  ["two comparisons and two references", ["--compare", "1120,0301", "--reference", "eakuo,eak"]],
];

describe.each(SECTOR_TEMPLATES.map((t) => t.id))("kostra profile --sector %s", (template) => {
  it.each(["nb", "en"].flatMap((lang) => layouts.map(([name, extra]) => [lang, name, extra] as const)))(
    "fits 100 columns in %s (%s), --wide keeps one line per indicator with the same figures",
    async (lang, _name, extra) => {
      const fitted = await profile("--sector", template, "--lang", lang, ...extra);
      const wide = await profile("--sector", template, "--lang", lang, ...extra, "--wide");
      for (const line of fitted.split("\n")) expect(line.length).toBeLessThanOrEqual(100);

      const indicators = SECTOR_TEMPLATES.find((t) => t.id === template)!.indicators.length;
      const wideRows = tableLines(wide);
      expect(wideRows).toHaveLength(indicators);
      expect(Math.max(...wide.split("\n").map((l) => l.length))).toBeGreaterThan(100);
      // A fitted row starts at the margin; its label's further lines are indented.
      const fittedRows = tableLines(fitted).filter((l) => !l.startsWith(" "));
      expect(fittedRows).toHaveLength(indicators);
      fittedRows.forEach((row, i) => {
        const [, ...figures] = cells(row);
        const wideCells = cells(wideRows[i]);
        expect(wideCells[0].startsWith(cells(row)[0])).toBe(true);
        expect(figures.length).toBeGreaterThanOrEqual(3);
        // Lowest and highest show the value over "(municipality)" when they fit.
        for (const f of figures) expect(wideCells.filter((w) => w === f || w.startsWith(`${f} (`))).not.toHaveLength(0);
      });
    },
  );
});

/**
 * Pointing a formula's sheet references at the temporary sheets: every reference to a
 * named sheet, quoted or bare, in any case; nothing inside string literals; nothing that
 * only looks like a sheet name.
 */
import { retargetSheets, sheetsReferenced } from "../../src/excel/formula-sheets";

const to = new Map([
  ["kostra-data", "kb-tmp-x-4"],
  ["it's", "kb-tmp-x-1"],
  ["b", "kb-tmp-x-2"],
]);

describe("retargetSheets", () => {
  it.each([
    ["='KOSTRA-data'!$G$2:$G$9", "='kb-tmp-x-4'!$G$2:$G$9"],
    ["=SUM('kostra-data'!A1,'KOSTRA-DATA'!B2)", "=SUM('kb-tmp-x-4'!A1,'kb-tmp-x-4'!B2)"],
    ["='It''s'!A1+B!C3", "='kb-tmp-x-1'!A1+'kb-tmp-x-2'!C3"],
    // 'a''b' is one sheet, not a sheet named b.
    ["='a''b'!A1", "='a''b'!A1"],
    // Text in a string literal stays text, even with quotes inside.
    ['=IF(A1="\'KOSTRA-data\'!A1","KOSTRA-data!",\'KOSTRA-data\'!A1)', '=IF(A1="\'KOSTRA-data\'!A1","KOSTRA-data!",\'kb-tmp-x-4\'!A1)'],
    ['="say ""B!A1"""&B!A1', '="say ""B!A1"""&\'kb-tmp-x-2\'!A1'],
    // Names that only end like a sheet (AB!, B.1!) are other sheets.
    ["=AB!A1+B.1!A1", "=AB!A1+B.1!A1"],
    ["=SUM(A1:A9)", "=SUM(A1:A9)"],
  ])("%s", (formula, expected) => {
    expect(retargetSheets(formula, to)).toBe(expected);
  });

  it("lists the sheets a formula refers to", () => {
    expect(sheetsReferenced("='KOSTRA-data'!A1+'It''s'!B2+Data_2024!C3+\"x!y\"")).toEqual(["KOSTRA-data", "It's", "Data_2024"]);
  });
});

import { followYear, formReducer, formYears, initialForm, isValidBaseUrl, nextYearForm, orderedSpan, reportSectors } from "../../../src/taskpane/state/form";
import { yearOptions } from "../../../src/taskpane/state/years";

describe("the pane's choices", () => {
  it("start on Bærum 2017, plan, environment and culture, with the template's comparison and a three-year series", () => {
    const form = initialForm();
    // The average is KS's rule per indicator by default.
    expect(form).toMatchObject({
      sector: "plan-miljo-kultur",
      municipality: "baerum",
      comparisons: ["asker"],
      network: "asss",
      year: 2017,
      span: { from: 2015, to: 2017 },
      average: "indicator",
      includeOslo: true,
      includeFocal: true,
      chartComparisons: false,
      source: "sample",
      baseUrl: "",
    });
  });

  it("take the new template's comparisons and network when the template changes", () => {
    const form = formReducer({ ...initialForm(), comparisons: ["oslo", "bergen"], extraSectors: ["x"] }, { type: "sector", sector: "tekniske-tjenester" });
    expect(form.sector).toBe("tekniske-tjenester");
    expect(form.comparisons).toEqual(["asker"]);
    expect(form.extraSectors).toEqual([]);
  });

  it("move a time series that ends at the profile year along with it", () => {
    const form = formReducer(initialForm(), { type: "year", year: 2018 });
    expect(form.span).toEqual({ from: 2016, to: 2018 });
    expect(followYear({ from: 2015, to: 2016 }, 2017, 2018)).toEqual({ from: 2015, to: 2016 });
  });

  it("never let a series start after it ends", () => {
    expect(orderedSpan({ from: 2018, to: 2016 }, "from")).toEqual({ from: 2018, to: 2018 });
    expect(orderedSpan({ from: 2018, to: 2016 }, "to")).toEqual({ from: 2016, to: 2016 });
    expect(orderedSpan({ from: 2015, to: 2016 }, "to")).toEqual({ from: 2015, to: 2016 });
  });

  it("move a year on for 'Oppdater til'", () => {
    expect(nextYearForm(initialForm())).toMatchObject({ year: 2018, span: { from: 2016, to: 2018 } });
  });

  it("include the profile year in the report's years and list the chosen template first", () => {
    expect(formYears({ year: 2018, span: { from: 2015, to: 2016 } })).toEqual([2015, 2016, 2018]);
    expect(reportSectors({ sector: "b", extraSectors: ["a", "b"] })).toEqual(["b", "a"]);
  });

  it("accept an empty SSB address (SSB itself) or an http(s) one", () => {
    expect(isValidBaseUrl("")).toBe(true);
    expect(isValidBaseUrl(" https://proxy.kommune.no/ssb ")).toBe(true);
    expect(isValidBaseUrl("proxy.kommune.no")).toBe(false);
    expect(isValidBaseUrl("ftp://x")).toBe(false);
  });

  it("offer 2015 up to last year, and any year already chosen", () => {
    expect(yearOptions(new Date("2025-06-01"))).toEqual([2015, 2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024]);
    expect(yearOptions(new Date("2017-06-01"), 2012, 2017)).toEqual([2012, 2015, 2016, 2017]);
  });
});

/**
 * Data files given together — `--input` repeated, or several files picked in the pane —
 * combined into one dataset and one KOSTRA grouping per year, and nothing resolved by
 * order. A figure the files disagree on (another value or another SSB symbol for the same
 * indicator, municipality and year) is an error naming both files and the codes: which is
 * right is the user's call. The same figure in two files is the common case of files that
 * overlap (a CSV of one's own figures beside a `kostra fetch` file) and is used once, with
 * the first file's provenance. KOSTRA groupings are merged per municipality, so a second
 * file cannot wipe out the first's; a municipality in two groups in one year is an error.
 *
 * Files laid over the embedded sample (`--sample`) replace its figures: that is what the
 * option is for. The readers have already refused every conflict within one file.
 */
import { badInput } from "../kostra/errors";
import { aggregateLabel, codeForYear, municipalityById } from "../kostra/municipalities";
import type { KostraGroupsSource } from "../kostra/registry/aggregates";
import { quoteInput } from "../kostra/safe-text";
import type { Dataset, LocalizedText, Observation, Provenance } from "../kostra/types";
import { duplicateDetails, ObservationIndex, sameFigure } from "./conflicts";
import type { KostraGroupsRecord } from "./observations-file";
import { readObservation } from "./read-observation";

/** One data file as read, with the name the user knows it by. */
export interface InputFile {
  name: string;
  dataset: Dataset;
  kostraGroups?: readonly KostraGroupsRecord[];
}

/** One data year's KOSTRA grouping from the files, ready for `registerKostraGroups`. */
export interface CombinedGrouping {
  year: number;
  groups: Record<string, string>;
  source: KostraGroupsSource;
}

export interface CombinedInputs {
  dataset: Dataset;
  kostraGroups: CombinedGrouping[];
}

const DISAGREE: LocalizedText = { nb: "Filene er uenige", en: "The files disagree" };

/**
 * Combine the files, in the order given, laid over `laidOver` (the sample) when there is
 * one. Throws a KostraError ("bad-input") on one line for a conflict between files.
 */
export function combineInputs(files: readonly InputFile[], options: { laidOver?: Dataset } = {}): CombinedInputs {
  const names = files.map((f) => quoteInput(f.name, 120));
  const { laidOver } = options;
  // Files can only disagree with each other when there are two; one file's figures were checked by its reader.
  const seen = files.length > 1 ? new ObservationIndex<number>() : undefined;
  // The sample's figures by place, to drop those a file gives.
  const sample = new ObservationIndex<number>();
  laidOver?.observations.forEach((o, i) => sample.add(o, i));
  const replaced = new Set<number>();
  const provenance: Provenance[] = [...(laidOver?.provenance ?? [])];
  const fromFiles: Observation[] = [];
  files.forEach((f, i) => {
    const offset = provenance.length;
    provenance.push(...f.dataset.provenance);
    for (const o of f.dataset.observations) {
      const earlier = seen?.add(o, i);
      if (earlier) {
        if (earlier.place !== i && sameFigure(o, earlier)) continue;
        const details = duplicateDetails(o, earlier);
        throw badInput({
          nb: `${names[i]}: samme kommune, indikator og år som i ${names[earlier.place]}${details.nb} ${DISAGREE.nb}: rett eller fjern tallet i den ene.`,
          en: `${names[i]}: same municipality, indicator and year as in ${names[earlier.place]}${details.en} ${DISAGREE.en}: correct or remove the figure in one of them.`,
        });
      }
      if (laidOver) {
        const at = sample.placeOf(o);
        if (at !== undefined) replaced.add(at);
      }
      fromFiles.push(offset === 0 ? o : withProvenance(o, o.provenance + offset));
    }
  });
  // The files' figures replace the sample's; the sample keeps the rest.
  const observations = laidOver ? [...laidOver.observations.filter((_, i) => !replaced.has(i)), ...fromFiles] : fromFiles;
  return { dataset: { observations, provenance }, kostraGroups: combineGroupings(files, names) };
}

/**
 * An observation under another provenance number. A whole-country file holds over half a
 * million observations: the first file's keep their numbers and are used as they are, and
 * a later file's are made anew in the readers' shape rather than copied with a spread.
 */
function withProvenance(o: Observation, provenance: number): Observation {
  if (o.computed !== undefined) return { ...o, provenance };
  return readObservation(o.indicator, o.municipality, o.year, o.code, o.value, o.status, provenance);
}

const groupName = (id: string, lang: "nb" | "en") => aggregateLabel(id, undefined, lang) ?? id;

interface YearGrouping {
  /** Municipality id → group id, and the file that named it first. */
  groups: Map<string, { group: string; file: number }>;
  /** Each distinct source text, with the files that gave it. */
  sources: { text: string; files: string[] }[];
  url?: string;
  fetchedAt?: string;
}

function who(id: string, year: number): string {
  const m = municipalityById(id);
  const code = m && codeForYear(m, year);
  return m ? (code ? `${m.name} (${code})` : m.name) : quoteInput(id);
}

/** Each year's memberships from every file that has the year, merged per municipality. */
function combineGroupings(files: readonly InputFile[], names: readonly string[]): CombinedGrouping[] {
  const years = new Map<number, YearGrouping>();
  files.forEach((f, i) =>
    (f.kostraGroups ?? []).forEach((r, at) => {
      let year = years.get(r.year);
      if (!year) years.set(r.year, (year = { groups: new Map(), sources: [], ...(r.url ? { url: r.url } : {}), ...(r.fetchedAt ? { fetchedAt: r.fetchedAt } : {}) }));
      for (const [municipality, group] of Object.entries(r.groups)) {
        const earlier = year.groups.get(municipality);
        if (!earlier) year.groups.set(municipality, { group, file: i });
        else if (earlier.group !== group)
          throw badInput({
            nb: `${names[i]}: «kostraGroups[${at}].groups.${municipality}»: ${who(municipality, r.year)} er i ${groupName(group, "nb")} i ${r.year}, men i ${groupName(earlier.group, "nb")} i ${names[earlier.file]}. ${DISAGREE.nb}: bruk grupperingen fra én av dem.`,
            en: `${names[i]}: "kostraGroups[${at}].groups.${municipality}": ${who(municipality, r.year)} is in ${groupName(group, "en")} in ${r.year}, but in ${groupName(earlier.group, "en")} in ${names[earlier.file]}. ${DISAGREE.en}: use the grouping from one of them.`,
          });
      }
      const source = year.sources.find((s) => s.text === r.source);
      if (source) source.files.push(names[i]);
      else year.sources.push({ text: r.source, files: [names[i]] });
    }),
  );
  return [...years].map(([year, y]) => ({
    year,
    groups: Object.fromEntries([...y.groups].map(([municipality, g]) => [municipality, g.group])),
    source: {
      description: y.sources.map((s) => `${s.text} (${s.files.join(", ")})`).join("; "),
      ...(y.url ? { url: y.url } : {}),
      ...(y.fetchedAt ? { fetchedAt: y.fetchedAt } : {}),
    },
  }));
}

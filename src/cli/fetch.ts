/**
 * `kostra fetch`: load a sector's indicators for the network (and chosen municipalities)
 * from SSB's API and write them, with provenance, to a file `kostra profile --input` reads.
 *
 *   kostra fetch --sector ID[,ID] --years 2015-2017 [--municipality CODE] [--compare CODE,…]
 *                [--network asss|custom|none] [--peers CODE,…] [--base ID] [--reference ID,…]
 *                [--average simple|weighted|indicator] [--base-url URL] [--klass-url URL] [--ssb-lang no|en]
 *                [--cache-dir DIR | --no-cache] [--refresh] [--allow-partial] [--timeout SECONDS]
 *                [--merged-history break|sum] --out FILE.json
 *
 * --sector takes template ids or sector ids (a sector means all its templates).
 * --merged-history sum also fetches, for a merged municipality's years before the merger,
 * its predecessors' figures and the amounts behind per-capita figures, so `kostra report
 * --merged-history sum` can show the summed back series.
 *
 * What is fetched is decided by src/app/fetch-request.ts, as in the task pane: besides
 * the municipalities it always asks for Landet (EAK) and Landet uten Oslo (EAKUO),
 * the --base and --reference aggregates, and the municipality's KOSTRA group, so the file
 * can serve SSB's published averages as base or reference columns. When the group is not
 * in the shipped snapshot, or --base/--reference say "kostragruppe", the membership of
 * each year is first read from SSB's Klass (131→112, see sources/ssb/klass.ts) and saved
 * in the file (`kostraGroups`), so `kostra profile --input … --base kostragruppe` works.
 * A year Klass cannot give is a warning, not a failure. --klass-url overrides where Klass
 * is asked (default: beside --base-url, else SSB's).
 */
import { statSync } from "node:fs";
import { parseArgs } from "node:util";
import { figureChanges, heldByBoth } from "../kostra/changes";
import type { Dataset, Lang } from "../kostra/types";
import { changeLines } from "./diff";
import { terminalSafe } from "./profile-output";
import { fetchRequest, OWN_KOSTRA_GROUP, resolveNetwork } from "../app/fetch-request";
import { focalMunicipality, peerMunicipality } from "../kostra/benchmark";
import { badInput, KostraError, notAnAggregate } from "../kostra/errors";
import { kostraGroupOf, resolveAggregate } from "../kostra/municipalities";
import { MAX_TIMEOUT_SECONDS, MIN_TIMEOUT_SECONDS } from "../kostra/limits";
import { quoteInput } from "../kostra/safe-text";
import { registerKostraGroups } from "../kostra/registry/aggregates";
import { writeObservationsFile, type KostraGroupsRecord } from "../sources/observations-file";
import { checkBaseUrl } from "../sources/ssb/base-url";
import { SsbClient } from "../sources/ssb/client";
import { loadKostraGroupsForYears } from "../sources/ssb/klass";
import { loadFromSsb, type CachePolicy } from "../sources/ssb/load";
import { DEFAULT_BASE_URL } from "../sources/ssb/types";
import { defaultCacheDir, FileResponseCache } from "./file-cache";
import { AVERAGES, langOf, loadDataset, MERGED_HISTORY, networkChoice, oneOf, required, SSB_LANGS, templatesFor } from "./options";
import { FETCH_OPTIONS } from "./command-options";
import { checkpoint, UsageError, type Io } from "./io";
import { CLI_TEXT, inBoth } from "./messages";
import { checkOutputTarget, writeOutputFile } from "./output-file";

export interface FetchIo extends Io {
  fetch?: typeof fetch;
  now?: () => Date;
}

/** "2015-2017", "2015,2017" or "2017" → years. */
export function parseYears(text: string): number[] {
  const years = new Set<number>();
  for (const part of text.split(",").map((s) => s.trim()).filter(Boolean)) {
    const range = /^(\d{4})\s*-\s*(\d{4})$/.exec(part);
    if (range) {
      const [a, b] = [Number(range[1]), Number(range[2])];
      if (b < a || b - a > 50) throw new UsageError(inBoth((t) => t.yearRange(quoteInput(part))));
      for (let y = a; y <= b; y++) years.add(y);
    } else if (/^\d{4}$/.test(part)) years.add(Number(part));
    else throw new UsageError(inBoth((t) => t.yearsFormat(quoteInput(part))));
  }
  if (years.size === 0) throw new UsageError(inBoth((t) => t.missingOption("--years")));
  return [...years].sort((a, b) => a - b);
}

/** An address given for SSB or Klass (`--base-url`, `--klass-url`), checked by the one rule for them. */
export function serviceAddress(flag: string, text: string): string {
  const checked = checkBaseUrl(text);
  if (!checked.ok) throw badInput({ nb: `${flag}: ${checked.reason.nb}`, en: `${flag}: ${checked.reason.en}` });
  return checked.url;
}

/** `--timeout SECONDS`, within MIN_TIMEOUT_SECONDS..MAX_TIMEOUT_SECONDS. */
export function timeoutOf(text: string): number {
  const seconds = /^\s*\d+(\.\d+)?\s*$/.test(text) ? Number(text) : NaN;
  if (!(seconds >= MIN_TIMEOUT_SECONDS && seconds <= MAX_TIMEOUT_SECONDS))
    throw badInput(inBoth((t) => t.timeoutRange(MIN_TIMEOUT_SECONDS, MAX_TIMEOUT_SECONDS, quoteInput(text))));
  return seconds;
}

export async function runFetch(args: string[], io: FetchIo): Promise<number> {
  const { values } = parseArgs({
    args,
    options: FETCH_OPTIONS,
    strict: true,
  });
  const lang = langOf(values.lang);
  const text = CLI_TEXT[lang];
  const templates = templatesFor(values.sector ?? []);
  const sectorIds = templates.map((t) => t.id);
  const years = parseYears(required("--years", values.years));
  const out = required("--out", values.out);
  const mergedHistory = oneOf("--merged-history", values["merged-history"], MERGED_HISTORY, "break");
  const peerIds = (values.peers ?? "").split(",").map((s) => s.trim()).filter(Boolean).map((text) => peerMunicipality(text, "peer").id);
  const networkId = networkChoice(values.network, peerIds.length > 0, "asss");
  resolveNetwork(networkId, peerIds);
  const average = oneOf("--average", values.average, AVERAGES, "indicator");
  const ssbLang = oneOf("--ssb-lang", values["ssb-lang"], SSB_LANGS, "no");
  const baseUrl = values["base-url"] === undefined ? DEFAULT_BASE_URL : serviceAddress("--base-url", values["base-url"]);
  const klassUrl = values["klass-url"] === undefined ? undefined : serviceAddress("--klass-url", values["klass-url"]);
  const timeoutSeconds = values.timeout === undefined ? 30 : timeoutOf(values.timeout);
  // Before anything is asked of SSB: a folder that is missing or read-only is found now, not after the quota is spent.
  checkOutputTarget(out, ".json");
  // The previous figures too, so a file that cannot be read costs no quota.
  const previous = previousFigures(values.previous, out, io, lang);

  // The municipality, the comparisons (the templates' own and --compare) and the published
  // averages asked for, as region ids; all checked before anything is asked of SSB.
  const focal = values.municipality?.trim() ? focalMunicipality(values.municipality.trim()) : undefined;
  const comparisons = [...templates.flatMap((t) => t.defaultComparisons), ...(values.compare?.split(",") ?? [])]
    .map((s) => s.trim())
    .filter(Boolean)
    .map((text) => peerMunicipality(text).id);
  const aggregateIds = (texts: readonly string[], role: "base" | "reference") =>
    texts.map((text) => {
      if (text.toLowerCase() === OWN_KOSTRA_GROUP) return OWN_KOSTRA_GROUP;
      const a = resolveAggregate(text);
      if (!a) throw notAnAggregate(text, role);
      return a.id;
    });
  const [base] = aggregateIds(values.base?.trim() ? [values.base.trim()] : [], "base");
  const references = aggregateIds((values.reference?.split(",") ?? []).map((s) => s.trim()).filter(Boolean), "reference");
  const usesOwnGroup = [base, ...references].includes(OWN_KOSTRA_GROUP);
  if (usesOwnGroup && !focal) throw new UsageError(inBoth((t) => t.ownGroupNeedsMunicipality));

  const client = new SsbClient({
    baseUrl,
    lang: ssbLang,
    timeoutMs: timeoutSeconds * 1000,
    fetch: io.fetch,
    onWait: (reason, ms) => io.err(`  ${reason[lang]} (${Math.ceil(ms / 1000)} s)\n`),
  });
  const cache = values["no-cache"] ? undefined : new FileResponseCache(values["cache-dir"] ?? defaultCacheDir());
  const policy: CachePolicy = values["no-cache"] ? "network-only" : values.refresh ? "refresh" : "cache-first";

  // SSB's KOSTRA grouping (Klass) for the years where the snapshot does not know the
  // municipality's group, or every year when "kostragruppe" is asked for.
  const kostraGroups: KostraGroupsRecord[] = [];
  if (focal) {
    const groupYears = usesOwnGroup ? years : years.filter((y) => kostraGroupOf(focal.id, y) === undefined);
    if (groupYears.length > 0) {
      io.err(`${text.fetchingGroups(groupYears)}\n`);
      const got = await loadKostraGroupsForYears(groupYears, { client, cache, policy, signal: io.signal, now: io.now, ...(klassUrl ? { klassBaseUrl: klassUrl } : {}) });
      for (const g of got.loaded) {
        registerKostraGroups(g.year, g.groups, { description: g.source, url: g.url, fetchedAt: g.fetchedAt });
        kostraGroups.push({ year: g.year, date: g.date, source: g.source, url: g.url, fetchedAt: g.fetchedAt, groups: g.groups });
        for (const w of g.warnings) io.err(`${text.warning(w[lang])}\n`);
        if (g.fromCache && !g.stale) io.err(`${text.groupsFromCache(g.year, g.fetchedAt)}\n`);
      }
      for (const f of got.failures) io.err(`${text.warning(f.error.text[lang])}\n`);
      for (const y of usesOwnGroup ? groupYears : []) {
        if (kostraGroupOf(focal.id, y) === undefined) io.err(`${text.warning(text.ownGroupUnknown(focal.name, y))}\n`);
      }
    }
  }
  const request = fetchRequest({
    templates,
    years,
    network: networkId,
    peers: peerIds,
    ...(focal ? { municipality: focal.id } : {}),
    comparisons,
    ...(base ? { base } : {}),
    references,
    average,
    mergedHistory,
  });

  const result = await loadFromSsb(
    request,
    {
      client,
      cache,
      policy,
      signal: io.signal,
      now: io.now,
      onProgress: (p) => io.err(`[${p.done}/${p.total}] ${p.message[lang]}\n`),
    },
  );
  await checkpoint(io, "loaded");
  for (const w of result.warnings) io.err(`${text.warning(w[lang])}\n`);
  for (const c of result.fromCache) io.err(`${text.tableFromCache(c.table, c.fetchedAt)}\n`);
  // What SSB's tables lack was never asked for and costs the rest nothing: a warning, not a failure.
  for (const a of result.absent) io.err(`${text.warning(`${a.indicator} ${a.years.join(", ")}: ${a.reason[lang]}`)}\n`);
  for (const m of result.missing) io.err(`${text.missing(`${m.indicator} ${m.years.join(", ")}: ${m.reason[lang]}`)}\n`);
  if (!result.complete && !values["allow-partial"]) {
    io.err(`kostra: ${text.incomplete(result.missing.length)}\n`);
    return 3;
  }
  const file = writeObservationsFile(result.dataset, {
    createdAt: (io.now ?? (() => new Date()))(),
    request: { sectors: sectorIds, years, network: networkId, municipalities: request.municipalities.map((m) => m.id), average, baseUrl },
    missing: [...result.missing, ...result.absent],
    kostraGroups,
  });
  await checkpoint(io, "planned");
  await writeOutputFile(out, file, { beforeRename: () => checkpoint(io, "before-rename") });
  io.err(`${text.wroteObservations(result.dataset.observations.length, out, result.requests)}\n`);
  if (previous) {
    const changes = figureChanges(previous.dataset, result.dataset, heldByBoth(previous.dataset, result.dataset));
    io.out(`${changeLines(changes, text.changes.fetchHeading(terminalSafe(previous.name), changes.length), lang).join("\n")}\n`);
  }
  return 0;
}

/**
 * What this fetch is compared with: `--previous FILE` (which must read, or the command stops
 * before SSB is asked), else the `--out` file when it exists already (March's file fetched
 * again in June). An existing `--out` that is not a data file is replaced without comparing,
 * with a warning saying why.
 */
function previousFigures(given: string | undefined, out: string, io: FetchIo, lang: Lang): { name: string; dataset: Dataset } | undefined {
  if (given !== undefined) return { name: given, dataset: loadDataset([given], false, io, lang) };
  if (!isRegularFile(out)) return undefined;
  try {
    return { name: out, dataset: loadDataset([out], false, io, lang) };
  } catch (e) {
    if (!(e instanceof KostraError)) throw e;
    io.err(`${CLI_TEXT[lang].warning(CLI_TEXT[lang].changes.notCompared(terminalSafe(out), e.messageIn(lang)))}\n`);
    return undefined;
  }
}

function isRegularFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

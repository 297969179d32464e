/**
 * LibreOffice headless as a stand-in for Excel's calculation engine in tests: open an
 * .xlsx, recalculate every formula, save it again, and read the results.
 *
 * LibreOffice keeps the cached results of an .xlsx by default (and computes only cells
 * without one), so the profile it runs with is seeded to always recalculate on load
 * (OOXMLRecalcMode and ODFRecalcMode = 0). Creating a profile takes ~8 s; each process
 * claims one of a few profile slots in the temp dir and reuses it across test files and
 * runs, with a lock so concurrent jest workers (or concurrent runs) never share one.
 *
 * Needs the Debian packages libreoffice-calc-nogui (and poppler-utils for printToPdf and toPdfPng).
 */
import { execFile } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import JSZip from "jszip";
import { ooxmlParser } from "./ooxml-parser";
import { LIBREOFFICE_RUN_MS } from "./timing";

export type RecalcValue = number | string | boolean | null;

export interface RecalcCell {
  value: RecalcValue;
  /** The cell's formula with a leading "=", if it has one. */
  formula?: string;
}

export interface RecalcResult {
  /** Sheet names of the recalculated workbook, in order. */
  sheetNames: string[];
  /** The recalculated value of a cell: a number, text ("" for an empty-text result), an error such as "#DIV/0!", or null for an empty cell. */
  value(sheet: string, address: string): RecalcValue;
  /** The formula of a cell ("=AVERAGE(B2:B4)"), or undefined for a constant. */
  formula(sheet: string, address: string): string | undefined;
  cell(sheet: string, address: string): RecalcCell;
  /** The bytes LibreOffice saved. */
  bytes: Uint8Array;
  /** Wall time of the LibreOffice conversion. */
  elapsedMs: number;
}

const SLOTS = 16;

const RECALC_ITEMS = [
  '<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>',
  '<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>',
];

const EMPTY_REGISTRY =
  '<?xml version="1.0" encoding="UTF-8"?>\n' +
  '<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">\n' +
  "</oor:items>\n";

// ---------------------------------------------------------------------------
// Profile slots

let claimedProfile: string | undefined;

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}

function lockOwner(lockDir: string): number {
  try {
    return Number(fs.readFileSync(path.join(lockDir, "pid"), "utf8").trim()) || 0;
  } catch {
    return 0;
  }
}

/**
 * Claim a slot's lock directory (mkdir is atomic). Locks are not released on exit (jest's
 * sandboxed `process` never sees the real exit); a lock whose process is gone is taken over.
 */
function tryClaim(lockDir: string): boolean {
  try {
    fs.mkdirSync(lockDir);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e;
    const owner = lockOwner(lockDir);
    if (owner === process.pid) return true;
    if (owner && isAlive(owner)) return false;
    // No pid yet: another process has just made the lock and is about to write it.
    if (!owner && Date.now() - fs.statSync(lockDir).mtimeMs < 10_000) return false;
    fs.rmSync(lockDir, { recursive: true, force: true });
    try {
      fs.mkdirSync(lockDir);
    } catch {
      return false;
    }
  }
  fs.writeFileSync(path.join(lockDir, "pid"), String(process.pid));
  return true;
}

/** Make sure the profile recalculates every formula on load, whether LibreOffice has created it yet or not. */
function seedProfile(profile: string): void {
  const user = path.join(profile, "user");
  fs.mkdirSync(user, { recursive: true });
  const registry = path.join(user, "registrymodifications.xcu");
  const xml = fs.existsSync(registry) ? fs.readFileSync(registry, "utf8") : EMPTY_REGISTRY;
  const missing = RECALC_ITEMS.filter((item) => !xml.includes(item));
  if (missing.length > 0) fs.writeFileSync(registry, xml.replace("</oor:items>", `${missing.join("\n")}\n</oor:items>`));
}

const LOCALE_ITEM = /<item oor:path="\/org\.openoffice\.Setup\/L10N"><prop oor:name="ooSetupSystemLocale"[^]*?<\/item>\n?/g;

/**
 * The locale LibreOffice calculates in (FIXED's separators, say): a BCP 47 tag ("nb-NO",
 * "en-US"), or "" for the default (the system's, en-US on these machines). Written into the
 * profile before each run: the profile is this process's alone and runs are serialised.
 */
function setLocale(profile: string, locale: string): void {
  const registry = path.join(profile, "user", "registrymodifications.xcu");
  const xml = (fs.existsSync(registry) ? fs.readFileSync(registry, "utf8") : EMPTY_REGISTRY).replace(LOCALE_ITEM, "");
  const item = `<item oor:path="/org.openoffice.Setup/L10N"><prop oor:name="ooSetupSystemLocale" oor:op="fuse"><value>${locale}</value></prop></item>\n`;
  fs.writeFileSync(registry, xml.replace("</oor:items>", `${item}</oor:items>`));
}

function profileDir(): string {
  if (claimedProfile) return claimedProfile;
  const uid = typeof process.getuid === "function" ? process.getuid() : "user";
  const base = path.join(os.tmpdir(), `kostra-libreoffice-${uid}`);
  fs.mkdirSync(base, { recursive: true });
  const slots = Array.from({ length: SLOTS }, (_, slot) => path.join(base, `profile-${slot}`));
  // jest gives every test file a fresh copy of this module: find the slot this process already holds first.
  const own = slots.find((profile) => lockOwner(`${profile}.lock`) === process.pid);
  if (own) {
    seedProfile(own);
    claimedProfile = own;
    return own;
  }
  for (const profile of slots) {
    if (tryClaim(`${profile}.lock`)) {
      seedProfile(profile);
      claimedProfile = profile;
      return profile;
    }
  }
  throw new Error(`All ${SLOTS} LibreOffice profile slots in ${base} are in use`);
}

// ---------------------------------------------------------------------------
// Running soffice

let queue: Promise<unknown> = Promise.resolve();

/** One conversion at a time per process: a profile can't be used by two LibreOffice instances. */
function serialised<T>(job: () => Promise<T>): Promise<T> {
  const run = queue.then(job, job);
  queue = run.catch(() => undefined);
  return run;
}

function run(command: string, args: string[], missingHint: string): Promise<{ stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    execFile(command, args, { timeout: LIBREOFFICE_RUN_MS, maxBuffer: 10 * 1024 * 1024 }, (error, stdout, stderr) => {
      if (!error) return resolve({ stdout, stderr });
      if ((error as NodeJS.ErrnoException).code === "ENOENT") {
        return reject(new Error(`${command} was not found: ${missingHint}`));
      }
      reject(new Error(`${command} ${args.join(" ")} failed: ${error.message}\n${stdout}\n${stderr}`));
    });
  });
}

const SOFFICE_HINT = "install LibreOffice (Debian: apt-get install -y --no-install-recommends libreoffice-calc-nogui) or set SOFFICE";

/**
 * Convert `source` (an .xlsx unless told otherwise, read with LibreOffice's import filter
 * `inFilter` if given) to `filter` (e.g. 'xlsx:"Calc MS Excel 2007 XML"', "pdf"); returns the output bytes.
 */
async function convert(
  source: Uint8Array,
  target: string,
  extension: string,
  input: { extension: string; inFilter?: string } = { extension: "xlsx" },
  options: { cpuTime?: boolean; locale?: string } = {},
): Promise<{ bytes: Uint8Array; elapsedMs: number; cpuMs?: number }> {
  return serialised(async () => {
    const profile = profileDir();
    setLocale(profile, options.locale ?? "");
    const work = fs.mkdtempSync(path.join(os.tmpdir(), "kostra-lo-"));
    try {
      const inputFile = path.join(work, `input.${input.extension}`);
      const outDir = path.join(work, "out");
      fs.mkdirSync(outDir);
      fs.writeFileSync(inputFile, source);
      const started = Date.now();
      const soffice = process.env.SOFFICE || "soffice";
      const args = [
        `-env:UserInstallation=file://${profile}`, "--headless", "--norestore", "--nolockcheck",
        ...(input.inFilter ? [`--infilter=${input.inFilter}`] : []),
        "--convert-to", target, "--outdir", outDir, inputFile,
      ];
      // The CPU time LibreOffice used (its processes' user + system time, from bash's `times`):
      // on a shared machine far steadier than the wall time.
      const { stdout, stderr } = options.cpuTime
        ? await run("bash", ["-c", 'command "$0" "$@"; status=$?; times >&2; exit $status', soffice, ...args], SOFFICE_HINT)
        : await run(soffice, args, SOFFICE_HINT);
      const elapsedMs = Date.now() - started;
      const output = path.join(outDir, `input.${extension}`);
      if (!fs.existsSync(output)) throw new Error(`LibreOffice did not convert the file (it could not open it?)\n${stdout}\n${stderr}`);
      return { bytes: new Uint8Array(fs.readFileSync(output)), elapsedMs, ...(options.cpuTime ? { cpuMs: childCpuMs(stderr) } : {}) };
    } finally {
      fs.rmSync(work, { recursive: true, force: true });
    }
  });
}

// ---------------------------------------------------------------------------
// Reading results
//
// The saved file is read straight from its XML rather than through exceljs, whose reader
// drops formula results that are falsy ("" from IFERROR(…;""), FALSE).

const parser = ooxmlParser(["sheet", "Relationship", "row", "c", "si", "r"]);

type XmlNode = Record<string, unknown>;

/** Text content of an element parsed by fast-xml-parser: a string, or an object with #text. */
function textOf(node: unknown): string {
  if (node === undefined || node === null) return "";
  if (typeof node === "string" || typeof node === "number" || typeof node === "boolean") return String(node);
  return textOf((node as XmlNode)["#text"]);
}

/** A shared or inline string: plain `<t>` or rich-text runs `<r><t>`. */
function stringItem(si: XmlNode): string {
  if (si.t !== undefined) return textOf(si.t);
  return ((si.r as XmlNode[] | undefined) ?? []).map((run) => textOf(run.t)).join("");
}

async function part(zip: JSZip, name: string): Promise<XmlNode | undefined> {
  const file = zip.file(name);
  return file ? (parser.parse(await file.async("string")) as XmlNode) : undefined;
}

function cellOf(c: XmlNode, shared: string[]): RecalcCell {
  const type = (c["@t"] as string | undefined) ?? "n";
  const raw = c.v === undefined ? undefined : textOf(c.v);
  const f = c.f === undefined ? undefined : textOf(c.f);
  const formula = f ? { formula: `=${f}` } : {};
  let value: RecalcValue;
  switch (type) {
    case "s":
      value = raw === undefined ? null : shared[Number(raw)];
      break;
    case "str":
      value = raw ?? "";
      break;
    case "inlineStr":
      value = stringItem((c.is as XmlNode | undefined) ?? {});
      break;
    case "b":
      value = raw === undefined ? null : raw.trim() !== "0";
      break;
    case "e":
      value = raw ?? null;
      break;
    default:
      value = raw === undefined || raw === "" ? null : Number(raw);
  }
  return { value, ...formula };
}

/** Every non-empty cell of every sheet, by sheet name and address. */
async function readCells(bytes: Uint8Array): Promise<{ sheetNames: string[]; sheets: Map<string, Map<string, RecalcCell>> }> {
  const zip = await JSZip.loadAsync(bytes);
  const workbook = await part(zip, "xl/workbook.xml");
  const rels = await part(zip, "xl/_rels/workbook.xml.rels");
  const sst = await part(zip, "xl/sharedStrings.xml");
  const shared = (((sst?.sst as XmlNode | undefined)?.si as XmlNode[] | undefined) ?? []).map(stringItem);
  const targets = new Map<string, string>();
  for (const r of ((rels?.Relationships as XmlNode | undefined)?.Relationship as XmlNode[] | undefined) ?? []) {
    const target = String(r["@Target"]);
    targets.set(String(r["@Id"]), target.startsWith("/") ? target.slice(1) : `xl/${target}`);
  }
  const sheetNames: string[] = [];
  const sheets = new Map<string, Map<string, RecalcCell>>();
  const entries = (((workbook?.workbook as XmlNode | undefined)?.sheets as XmlNode | undefined)?.sheet as XmlNode[] | undefined) ?? [];
  for (const entry of entries) {
    const name = String(entry["@name"]);
    const sheet = await part(zip, targets.get(String(entry["@r:id"])) ?? "");
    const cells = new Map<string, RecalcCell>();
    const rows = (((sheet?.worksheet as XmlNode | undefined)?.sheetData as XmlNode | undefined)?.row as XmlNode[] | undefined) ?? [];
    for (const row of rows) for (const c of (row.c as XmlNode[] | undefined) ?? []) cells.set(String(c["@r"]), cellOf(c, shared));
    sheetNames.push(name);
    sheets.set(name, cells);
  }
  return { sheetNames, sheets };
}

/**
 * Let LibreOffice open the file, recalculate every formula and save it; read the results.
 * `locale` ("nb-NO") is the locale it calculates in; by default the system's (en-US here).
 */
export async function recalculate(xlsx: Uint8Array, options: { locale?: string } = {}): Promise<RecalcResult> {
  return resultOf(await convert(xlsx, "xlsx:Calc MS Excel 2007 XML", "xlsx", undefined, options));
}

/**
 * Let LibreOffice open the file, recalculate every formula and save it, without reading
 * the cells back (the recalculation benchmark times large workbooks): the saved bytes,
 * with every formula's result cached, the conversion's wall time and LibreOffice's CPU time.
 */
export async function recalculatedFile(xlsx: Uint8Array): Promise<{ bytes: Uint8Array; elapsedMs: number; cpuMs: number }> {
  const { bytes, elapsedMs, cpuMs } = await convert(xlsx, "xlsx:Calc MS Excel 2007 XML", "xlsx", undefined, { cpuTime: true });
  return { bytes, elapsedMs, cpuMs: cpuMs! };
}

/** The children's user + system time from the two lines bash's `times` writes last ("0m1.5s 0m0.2s"), in ms. */
function childCpuMs(stderr: string): number {
  const lines = stderr.trim().split("\n");
  // A locale may write the seconds with a decimal comma.
  const times = /^(\d+)m([\d.,]+)s (\d+)m([\d.,]+)s$/.exec(lines[lines.length - 1]?.trim() ?? "");
  if (!times) throw new Error(`No CPU times from bash: ${stderr.slice(-200)}`);
  const [, um, us, sm, ss] = times.map((x) => x.replace(",", "."));
  return Math.round((Number(um) * 60 + Number(us) + Number(sm) * 60 + Number(ss)) * 1000);
}

/** LibreOffice's language ids for the locales a CSV is opened in. */
const CSV_LOCALES = { "nb-NO": 1044, "en-GB": 2057 } as const;

/**
 * Open CSV text as a spreadsheet user would, in a locale: UTF-8, the given separator,
 * `"` as text delimiter, and — as Excel does — special numbers (dates) detected and
 * formulas evaluated. Reads the cells of the result (a date is its serial number).
 */
export async function openCsv(csv: string, options: { separator: ";" | ","; locale: keyof typeof CSV_LOCALES }): Promise<RecalcResult> {
  // Tokens: separator, text delimiter, charset (76 = UTF-8), first line, column formats, language,
  // quoted field as text, detect special numbers, (3 export-only), sheet, evaluate formulas.
  const filter = `CSV:${options.separator.charCodeAt(0)},34,76,1,,${CSV_LOCALES[options.locale]},false,true,false,false,false,-1,true`;
  return resultOf(await convert(new TextEncoder().encode(csv), "xlsx:Calc MS Excel 2007 XML", "xlsx", { extension: "csv", inFilter: filter }));
}

async function resultOf({ bytes, elapsedMs }: { bytes: Uint8Array; elapsedMs: number }): Promise<RecalcResult> {
  const { sheetNames, sheets } = await readCells(bytes);
  const cell = (sheet: string, address: string): RecalcCell => {
    const cells = sheets.get(sheet);
    if (!cells) throw new Error(`No sheet named ${sheet}; the workbook has ${sheetNames.join(", ")}`);
    return cells.get(address.toUpperCase().replace(/\$/g, "")) ?? { value: null };
  };
  return {
    sheetNames,
    cell,
    value: (sheet, address) => cell(sheet, address).value,
    formula: (sheet, address) => cell(sheet, address).formula,
    bytes,
    elapsedMs,
  };
}

/** Open the file in LibreOffice and check that it converts (LibreOffice rejects files it can't read). */
export async function opensInLibreOffice(xlsx: Uint8Array): Promise<boolean> {
  await convert(xlsx, "xlsx:Calc MS Excel 2007 XML", "xlsx");
  return true;
}

const POPPLER_HINT = "install poppler-utils (Debian: apt-get install -y --no-install-recommends poppler-utils)";

/**
 * Print the workbook to PDF with LibreOffice (every sheet, as its page setup says) and
 * read the PDF back: its page count from its page tree (pdfinfo) and each page's text
 * (pdftotext, pages in order), so a test can tell which sheet a page belongs to from its
 * header or footer.
 */
export async function printToPdf(xlsx: Uint8Array): Promise<{ pdf: Uint8Array; pages: number; pageTexts: string[] }> {
  const { bytes } = await convert(xlsx, "pdf", "pdf");
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "kostra-pdf-"));
  try {
    const file = path.join(dir, "report.pdf");
    fs.writeFileSync(file, bytes);
    const info = await run("pdfinfo", [file], POPPLER_HINT);
    const pages = Number(/^Pages:\s+(\d+)$/m.exec(info.stdout)?.[1]);
    const { stdout } = await run("pdftotext", ["-layout", "-enc", "UTF-8", file, "-"], POPPLER_HINT);
    // pdftotext ends every page with a form feed.
    const pageTexts = stdout.split("\f").slice(0, pages);
    return { pdf: bytes, pages, pageTexts };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Print the workbook to PDF with LibreOffice and render one page to PNG, to look at.
 * Writes `outPng` and, beside it, the PDF (same name, .pdf). Returns both paths.
 */
export async function toPdfPng(xlsx: Uint8Array, outPng: string, options: { page?: number; dpi?: number } = {}): Promise<{ png: string; pdf: string }> {
  const { bytes } = await convert(xlsx, "pdf", "pdf");
  const png = path.resolve(outPng);
  const pdf = png.replace(/\.png$/i, "") + ".pdf";
  fs.mkdirSync(path.dirname(png), { recursive: true });
  fs.writeFileSync(pdf, bytes);
  const page = String(options.page ?? 1);
  await run(
    "pdftoppm",
    ["-png", "-r", String(options.dpi ?? 80), "-f", page, "-l", page, "-singlefile", pdf, png.replace(/\.png$/i, "")],
    "install poppler-utils (Debian: apt-get install -y --no-install-recommends poppler-utils)",
  );
  return { png, pdf };
}

/**
 * LibreOffice headless as a stand-in for Excel's calculation engine in tests: open an
 * .xlsx, recalculate every formula, save it again, and read the results with exceljs.
 *
 * LibreOffice keeps the cached results of an .xlsx by default (and computes only cells
 * without one), so the profile it runs with is seeded to always recalculate on load
 * (OOXMLRecalcMode and ODFRecalcMode = 0). Creating a profile takes ~8 s; each process
 * claims one of a few profile slots in the temp dir and reuses it across test files and
 * runs, with a lock so concurrent jest workers (or concurrent runs) never share one.
 *
 * Needs the Debian packages libreoffice-calc-nogui (and poppler-utils for toPdfPng).
 */
import { execFile } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { Workbook, type CellValue } from "exceljs";

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
  /** The file LibreOffice saved, read with exceljs. */
  workbook: Workbook;
  /** The bytes LibreOffice saved. */
  bytes: Uint8Array;
  /** Wall time of the LibreOffice conversion. */
  elapsedMs: number;
}

const SOFFICE = process.env.SOFFICE ?? "soffice";
const TIMEOUT_MS = 180_000;
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

function tryClaim(lockDir: string): boolean {
  try {
    fs.mkdirSync(lockDir);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e;
    const owner = Number(fs.readFileSync(path.join(lockDir, "pid"), { encoding: "utf8", flag: "a+" }).trim());
    if (owner === process.pid) return true;
    if (owner && isAlive(owner)) return false;
    // A lock left behind by a process that is gone (or one still being written): take it over.
    if (!owner && Date.now() - fs.statSync(lockDir).mtimeMs < 10_000) return false;
    fs.rmSync(lockDir, { recursive: true, force: true });
    try {
      fs.mkdirSync(lockDir);
    } catch {
      return false;
    }
  }
  fs.writeFileSync(path.join(lockDir, "pid"), String(process.pid));
  process.once("exit", () => fs.rmSync(lockDir, { recursive: true, force: true }));
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

function profileDir(): string {
  if (claimedProfile) return claimedProfile;
  const uid = typeof process.getuid === "function" ? process.getuid() : "user";
  const base = path.join(os.tmpdir(), `kostra-libreoffice-${uid}`);
  fs.mkdirSync(base, { recursive: true });
  for (let slot = 0; slot < SLOTS; slot++) {
    const profile = path.join(base, `profile-${slot}`);
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
    execFile(command, args, { timeout: TIMEOUT_MS, maxBuffer: 10 * 1024 * 1024 }, (error, stdout, stderr) => {
      if (!error) return resolve({ stdout, stderr });
      if ((error as NodeJS.ErrnoException).code === "ENOENT") {
        return reject(new Error(`${command} was not found: ${missingHint}`));
      }
      reject(new Error(`${command} ${args.join(" ")} failed: ${error.message}\n${stdout}\n${stderr}`));
    });
  });
}

const SOFFICE_HINT = "install LibreOffice (Debian: apt-get install -y --no-install-recommends libreoffice-calc-nogui) or set SOFFICE";

/** Convert `xlsx` with LibreOffice to `filter` (e.g. 'xlsx:"Calc MS Excel 2007 XML"', "pdf"); returns the output bytes. */
async function convert(xlsx: Uint8Array, target: string, extension: string): Promise<{ bytes: Uint8Array; elapsedMs: number }> {
  return serialised(async () => {
    const profile = profileDir();
    const work = fs.mkdtempSync(path.join(os.tmpdir(), "kostra-lo-"));
    try {
      const input = path.join(work, "input.xlsx");
      const outDir = path.join(work, "out");
      fs.mkdirSync(outDir);
      fs.writeFileSync(input, xlsx);
      const started = Date.now();
      const { stdout, stderr } = await run(
        SOFFICE,
        [`-env:UserInstallation=file://${profile}`, "--headless", "--norestore", "--nolockcheck", "--convert-to", target, "--outdir", outDir, input],
        SOFFICE_HINT,
      );
      const elapsedMs = Date.now() - started;
      const output = path.join(outDir, `input.${extension}`);
      if (!fs.existsSync(output)) throw new Error(`LibreOffice did not convert the file (it could not open it?)\n${stdout}\n${stderr}`);
      return { bytes: new Uint8Array(fs.readFileSync(output)), elapsedMs };
    } finally {
      fs.rmSync(work, { recursive: true, force: true });
    }
  });
}

// ---------------------------------------------------------------------------
// Reading results

const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);

function plainValue(value: CellValue | undefined): RecalcValue {
  if (value === null || value === undefined) return null;
  if (typeof value === "number" || typeof value === "string" || typeof value === "boolean") return value;
  if (value instanceof Date) return (value.getTime() - EXCEL_EPOCH_MS) / 86_400_000;
  if ("error" in value) return value.error;
  if ("formula" in value || "sharedFormula" in value) {
    const result = (value as { result?: unknown }).result;
    if (result === undefined) return null;
    if (typeof result === "object" && result !== null && !(result instanceof Date) && "error" in result) return (result as { error: string }).error;
    return plainValue(result as CellValue);
  }
  if ("richText" in value) return value.richText.map((r) => r.text).join("");
  if ("text" in value) return typeof value.text === "string" ? value.text : plainValue(value.text as CellValue);
  return String(value);
}

async function readWorkbook(bytes: Uint8Array): Promise<Workbook> {
  const workbook = new Workbook();
  await workbook.xlsx.load(Buffer.from(bytes) as unknown as Parameters<Workbook["xlsx"]["load"]>[0]);
  return workbook;
}

/** Let LibreOffice open the file, recalculate every formula and save it; read the results. */
export async function recalculate(xlsx: Uint8Array): Promise<RecalcResult> {
  const { bytes, elapsedMs } = await convert(xlsx, 'xlsx:Calc MS Excel 2007 XML', "xlsx");
  const workbook = await readWorkbook(bytes);
  const sheetNames = workbook.worksheets.map((ws) => ws.name);
  const cell = (sheet: string, address: string): RecalcCell => {
    const ws = workbook.getWorksheet(sheet);
    if (!ws) throw new Error(`No sheet named ${sheet}; the workbook has ${sheetNames.join(", ")}`);
    const c = ws.getCell(address);
    const formula = c.formula ? `=${c.formula}` : undefined;
    return { value: plainValue(c.value), ...(formula ? { formula } : {}) };
  };
  return {
    sheetNames,
    cell,
    value: (sheet, address) => cell(sheet, address).value,
    formula: (sheet, address) => cell(sheet, address).formula,
    workbook,
    bytes,
    elapsedMs,
  };
}

/** Open the file in LibreOffice and check that it converts (LibreOffice rejects files it can't read). */
export async function opensInLibreOffice(xlsx: Uint8Array): Promise<boolean> {
  await convert(xlsx, 'xlsx:Calc MS Excel 2007 XML', "xlsx");
  return true;
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

/**
 * Turning the address strings Office.js methods accept into cells of the workbook:
 * "B5:D7", "Data!B5", "'Data KOSTRA'!$B$2:$B$9", or a defined name.
 */
import { parseA1, qualifiedA1, splitSheetReference } from "./addresses";
import { errors } from "./errors";
import { NameModel, RangeRef, SheetModel, WorkbookModel } from "./model";

/** The cells a defined name's formula refers to, or null if it isn't a single range. */
export function nameTarget(model: WorkbookModel, name: NameModel): RangeRef | null {
  const text = name.formula.startsWith("=") ? name.formula.slice(1) : name.formula;
  const { sheet, ref } = splitSheetReference(text);
  if (sheet === null) return null;
  const target = model.findSheet(sheet);
  const r = parseA1(ref);
  return target && r ? { sheet: target, rect: r } : null;
}

/**
 * Resolve an address. `onSheet` is the sheet a worksheet-level call belongs to (an
 * address naming another sheet is refused there, assumed InvalidArgument); without it a
 * bare address means the active sheet, as `TableCollection.add` documents.
 */
export function resolveAddress(model: WorkbookModel, address: unknown, onSheet: SheetModel | null): RangeRef {
  if (typeof address !== "string" || address.trim() === "") throw errors.invalidArgument("An address must be a non-empty string.");
  if (address.length > 8192) throw errors.invalidArgument("An address can't be longer than 8192 characters.");
  const { sheet: sheetName, ref } = splitSheetReference(address);
  let sheet = onSheet ?? model.activeSheet;
  if (sheetName !== null) {
    const named = model.findSheet(sheetName);
    if (!named) throw errors.invalidArgument(`The address '${address}' names a worksheet that doesn't exist.`);
    if (onSheet && named !== onSheet) throw errors.invalidArgument(`The address '${address}' is not on worksheet '${onSheet.name}'.`);
    sheet = named;
  }
  const r = parseA1(ref);
  if (r) return { sheet, rect: r };
  if (sheetName === null) {
    const name = model.findName(ref.trim());
    const target = name ? nameTarget(model, name) : null;
    if (target && (!onSheet || target.sheet === onSheet)) return target;
  }
  throw errors.invalidArgument(`'${address}' is not a valid address.`);
}

/** A range given as a Range proxy or an address string (Office.js accepts both in many places). */
export function rangeArgument(model: WorkbookModel, value: unknown, onSheet: SheetModel | null): RangeRef {
  if (value && typeof value === "object" && "_resolve" in value) {
    const ref = (value as { _resolve(): unknown })._resolve() as RangeRef;
    if (!ref || !("rect" in ref)) throw errors.invalidArgument("Expected a Range.");
    return ref;
  }
  return resolveAddress(model, value, onSheet);
}

/** `=Data!$B$2:$B$9`: the formula a defined name or series source gets for a range. */
export function absoluteFormula(ref: RangeRef): string {
  return `=${qualifiedA1(ref.sheet.name, ref.rect, true)}`;
}

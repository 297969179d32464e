/**
 * Pure request handling for the local PxWebApi 2 test server: reading a selection from
 * a GET query or a POST body, expanding value-code expressions, checking it against a
 * table, and the problem+json bodies that go with each failure. Follows PxWebApi 2's
 * behaviour (PxTools/PxWebApi) where it is known; no I/O here.
 */
import type { DimensionDefinition, TableDefinition } from "./pxweb-world";

/** An RFC 7807 body as PxWebApi 2 sends it (`type` is a plain string there, not a URI). */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail?: string;
  [key: string]: unknown;
}

/** What the client asked for: per variable, value codes or expressions. */
export interface RequestedSelection {
  selection: { variableCode: string; valueCodes: string[]; codelist?: string }[];
  placement?: { heading: string[]; stub: string[] };
}

/** A selection checked against a table: codes per dimension in table order, and the response's dimension order. */
export interface ResolvedSelection {
  codes: Record<string, string[]>;
  order: string[];
  cells: number;
}

export type Result<T> = { ok: true; value: T } | { ok: false; problem: Problem };

const ok = <T>(value: T): Result<T> => ({ ok: true, value });
const fail = <T>(problem: Problem): Result<T> => ({ ok: false, problem });

/** Problems with PxWebApi 2's titles (its spelling "mandantory" included); `detail` names what is wrong. */
export const problems = {
  nonExistentVariable: (variable: string): Problem => ({ type: "Parameter error", title: "Non-existent variable", status: 400, detail: `Non-existent variable ${variable}` }),
  nonExistentValue: (value: string, variable: string): Problem => ({
    type: "Parameter error",
    title: "Non-existent value",
    status: 400,
    detail: `Non-existent value ${value} for variable ${variable}`,
  }),
  nonExistentCodelist: (codelist: string): Problem => ({ type: "Parameter error", title: "Non-existent codelist", status: 400, detail: `Non-existent codelist ${codelist}` }),
  missingSelection: (variable: string): Problem => ({
    type: "Parameter error",
    title: "Missing selection for mandantory variable",
    status: 400,
    detail: `Missing selection for mandatory variable ${variable}`,
  }),
  illegalExpression: (expression: string, variable: string): Problem => ({
    type: "Parameter error",
    title: "Illegal selection expression",
    status: 400,
    detail: `Illegal selection expression ${expression} for variable ${variable}`,
  }),
  illegalPlacement: (): Problem => ({ type: "Parameter error", title: "Illegal placment", status: 400 }),
  tooManyCells: (status: number): Problem => ({ type: "Parameter error", title: "Too many cells selected", status, detail: "Too many cells selected" }),
  nonExistentTable: (id: string): Problem => ({ type: "Parameter error", title: "Non-existent table", status: 404, detail: `Non-existent table ${id}` }),
  nonExistentPage: (): Problem => ({ type: "Parameter error", title: "Non-existent page", status: 404, detail: "Non-existent page" }),
  unsupportedLanguage: (lang: string): Problem => ({ type: "Parameter error", title: "Unsupported language", status: 400, detail: `Unsupported language ${lang}` }),
  unsupportedOutputFormat: (format: string): Problem => ({ type: "Parameter error", title: "Unsupported output format", status: 400, detail: `Unsupported output format ${format}` }),
  /** ASP.NET's answer to a body it cannot bind (PxWebApi 2 runs on ASP.NET Core). */
  invalidBody: (reason: string): Problem => ({
    type: "https://tools.ietf.org/html/rfc9110#section-15.5.1",
    title: "One or more validation errors occurred.",
    status: 400,
    detail: reason,
    errors: { $: [reason] },
  }),
  notFound: (path: string): Problem => ({ type: "Not found", title: "Not Found", status: 404, detail: `No endpoint ${path}` }),
  methodNotAllowed: (method: string): Problem => ({ type: "Method not allowed", title: "Method Not Allowed", status: 405, detail: `${method} is not allowed here` }),
};

/** A query parameter by name, ignoring case (ASP.NET binds query parameters case-insensitively). */
export function queryParam(params: URLSearchParams, name: string): string | undefined {
  const lower = name.toLowerCase();
  for (const [key, value] of params) if (key.toLowerCase() === lower) return value;
  return undefined;
}

/**
 * Split a GET value list on commas, except commas inside square brackets; brackets
 * around an item are removed. So `[range(2015,2017)]` is one item and `range(2015,2017)`
 * is two (as at SSB, where an unbracketed expression with a comma breaks).
 */
export function splitValueCodes(raw: string): string[] {
  const items: string[] = [];
  let depth = 0;
  let current = "";
  for (const ch of raw) {
    if (ch === "[") depth++;
    if (ch === "]") depth = Math.max(0, depth - 1);
    if (ch === "," && depth === 0) {
      items.push(current);
      current = "";
    } else current += ch;
  }
  items.push(current);
  return items
    .map((s) => s.trim())
    .map((s) => (s.startsWith("[") && s.endsWith("]") ? s.slice(1, -1) : s))
    .filter((s) => s !== "");
}

const splitList = (raw: string | undefined): string[] => (raw ? raw.split(",").map((s) => s.trim()).filter(Boolean) : []);

/** The selection of a GET data request: `valueCodes[VAR]=…`, `codelist[VAR]=…`, `heading=…`, `stub=…`. */
export function selectionFromQuery(params: URLSearchParams): Result<RequestedSelection> {
  const selection: RequestedSelection["selection"] = [];
  const codelists = new Map<string, string>();
  for (const [key, value] of params) {
    const m = /^(valuecodes|codelist)\[(.*)\]$/i.exec(key);
    if (!m) {
      if (/^(valuecodes|codelist)/i.test(key)) return fail(problems.invalidBody(`${key}: the parameter must be like valueCodes[<variable>]`));
      continue;
    }
    if (!m[2]) return fail(problems.invalidBody(`${key}: the parameter must be like valueCodes[<variable>]`));
    if (m[1].toLowerCase() === "codelist") codelists.set(m[2], value);
    else selection.push({ variableCode: m[2], valueCodes: splitValueCodes(value) });
  }
  for (const [variable, codelist] of codelists) {
    const s = selection.find((x) => x.variableCode === variable);
    if (s) s.codelist = codelist;
    else selection.push({ variableCode: variable, valueCodes: [], codelist });
  }
  const heading = splitList(queryParam(params, "heading"));
  const stub = splitList(queryParam(params, "stub"));
  return ok({ selection, ...(heading.length || stub.length ? { placement: { heading, stub } } : {}) });
}

const isStringArray = (x: unknown): x is string[] => Array.isArray(x) && x.every((s) => typeof s === "string");

/** The selection of a POST data request body (`{"selection":[{"variableCode":…,"valueCodes":[…]}],"placement":…}`). */
export function selectionFromBody(text: string): Result<RequestedSelection> {
  if (text.trim() === "") return ok({ selection: [] });
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch (e) {
    return fail(problems.invalidBody(`The request body is not valid JSON: ${(e as Error).message}`));
  }
  if (typeof body !== "object" || body === null || Array.isArray(body)) return fail(problems.invalidBody("The request body must be a JSON object"));
  const { selection, placement } = body as { selection?: unknown; placement?: unknown };
  if (!Array.isArray(selection)) return fail(problems.invalidBody("The Selection field is required."));
  const out: RequestedSelection["selection"] = [];
  for (const [i, item] of selection.entries()) {
    const s = item as { variableCode?: unknown; valueCodes?: unknown; codelist?: unknown } | null;
    if (typeof s !== "object" || s === null || typeof s.variableCode !== "string")
      return fail(problems.invalidBody(`selection[${i}]: the VariableCode field is required.`));
    if (s.valueCodes !== undefined && !isStringArray(s.valueCodes)) return fail(problems.invalidBody(`selection[${i}]: valueCodes must be an array of strings`));
    if (s.codelist !== undefined && s.codelist !== null && typeof s.codelist !== "string") return fail(problems.invalidBody(`selection[${i}]: codelist must be a string`));
    out.push({ variableCode: s.variableCode, valueCodes: s.valueCodes ?? [], ...(typeof s.codelist === "string" ? { codelist: s.codelist } : {}) });
  }
  if (placement === undefined || placement === null) return ok({ selection: out });
  const p = placement as { heading?: unknown; stub?: unknown };
  if (typeof p !== "object" || (p.heading !== undefined && !isStringArray(p.heading)) || (p.stub !== undefined && !isStringArray(p.stub)))
    return fail(problems.invalidBody("placement must have heading and stub as arrays of strings"));
  return ok({ selection: out, placement: { heading: (p.heading as string[]) ?? [], stub: (p.stub as string[]) ?? [] } });
}

const same = (a: string, b: string): boolean => a.toLowerCase() === b.toLowerCase();

/** The codes a count/offset expression like `top(3)` or `top(3,1)` selects. */
function countAndOffset(args: string): { count: number; offset: number } | undefined {
  const m = /^([1-9]\d*)(?:,(\d+))?$/.exec(args);
  return m ? { count: Number(m[1]), offset: Number(m[2] ?? 0) } : undefined;
}

/**
 * Expand one value code or expression against a dimension: a code (any case), `*`,
 * `abc*`, `*abc`, `*abc*`, `?` masks, `top(n[,offset])`, `bottom(n[,offset])`,
 * `from(x)`, `to(x)`, `range(a,b)`. For time, `top` takes the latest periods.
 */
export function expandValueCode(dim: DimensionDefinition, item: string): Result<string[]> {
  const codes = dim.codes;
  const isTime = dim.role === "time";
  const exact = codes.find((c) => same(c, item));
  if (exact !== undefined) return ok([exact]);
  const indexOf = (code: string) => codes.findIndex((c) => same(c, code));
  const fn = /^(top|bottom|from|to|range)\((.*)\)$/i.exec(item);
  if (fn) {
    const name = fn[1].toLowerCase();
    const args = fn[2];
    if (name === "top" || name === "bottom") {
      const co = countAndOffset(args);
      if (!co) return fail(problems.illegalExpression(item, dim.id));
      const fromEnd = (name === "top") === isTime;
      const ordered = fromEnd ? [...codes].reverse() : [...codes];
      const picked = ordered.slice(co.offset, co.offset + co.count);
      return ok(fromEnd ? picked.reverse() : picked);
    }
    if (name === "range") {
      const parts = args.split(",").filter(Boolean);
      if (parts.length !== 2) return fail(problems.illegalExpression(item, dim.id));
      const [a, b] = parts.map(indexOf);
      if (a < 0 || b < 0) return fail(problems.nonExistentValue(a < 0 ? parts[0] : parts[1], dim.id));
      return ok(codes.slice(Math.min(a, b), Math.max(a, b) + 1));
    }
    if (args === "" || args.includes(",")) return fail(problems.illegalExpression(item, dim.id));
    const at = indexOf(args);
    if (at < 0) return fail(problems.nonExistentValue(args, dim.id));
    return ok(name === "from" ? codes.slice(at) : codes.slice(0, at + 1));
  }
  if (/^(top|bottom|from|to|range)\(/i.test(item)) return fail(problems.illegalExpression(item, dim.id));
  if (item.includes("*")) {
    if (item === "*") return ok([...codes]);
    const stars = item.split("*").length - 1;
    const inner = item.replace(/^\*|\*$/g, "").toLowerCase();
    const lead = item.startsWith("*");
    const trail = item.endsWith("*");
    if (stars > 2 || inner.includes("*") || (!lead && !trail)) return fail(problems.illegalExpression(item, dim.id));
    return ok(
      codes.filter((c) => {
        const lc = c.toLowerCase();
        return lead && trail ? lc.includes(inner) : lead ? lc.endsWith(inner) : lc.startsWith(inner);
      }),
    );
  }
  if (item.includes("?")) {
    const pattern = new RegExp(`^${item.replace(/[.*+^${}()|[\]\\]/g, "\\$&").replace(/\?/g, ".")}$`, "i");
    return ok(codes.filter((c) => pattern.test(c)));
  }
  return fail(problems.nonExistentValue(item, dim.id));
}

/** The response's dimension order for a placement: stub, then heading (PxWebApi 2's rules for partial placements). */
export function placementOrder(table: TableDefinition, placement: RequestedSelection["placement"]): Result<string[]> {
  const ids = table.dimensions.map((d) => d.id);
  if (!placement || (placement.heading.length === 0 && placement.stub.length === 0)) return ok(ids);
  const time = table.dimensions.find((d) => d.role === "time")?.id;
  const canonical = (v: string) => (time && same(v, "time") ? time : ids.find((id) => same(id, v)));
  const heading = placement.heading.map(canonical);
  const stub = placement.stub.map(canonical);
  if ([...heading, ...stub].some((v) => v === undefined)) return fail(problems.illegalPlacement());
  const used = [...stub, ...heading] as string[];
  if (new Set(used).size !== used.length) return fail(problems.illegalPlacement());
  const rest = ids.filter((id) => !used.includes(id));
  if (rest.length === 0) return ok(used);
  if (heading.length === 0) return ok([...(stub as string[]), ...rest]);
  if (stub.length === 0) return ok([...rest, ...(heading as string[])]);
  return fail(problems.illegalPlacement());
}

/** PxWebApi 2's default selection when a request selects nothing: the latest period and the first code of every other variable. */
export function defaultSelection(table: TableDefinition): RequestedSelection {
  return {
    selection: table.dimensions.map((d) => ({ variableCode: d.id, valueCodes: [d.role === "time" ? d.codes[d.codes.length - 1] : d.codes[0]] })),
  };
}

/**
 * Check a requested selection against a table, in PxWebApi 2's order: unknown
 * variables and codelists, missing mandatory variables (every KOSTRA variable is; a
 * variable SSB lets a query eliminate, such as 07459's Kjonn, is left out of the answer),
 * value codes and expressions, then the cell limit (`tooManyCellsStatus`, 403 at SSB).
 */
export function resolveSelection(
  table: TableDefinition,
  requested: RequestedSelection,
  limits: { maxDataCells: number; tooManyCellsStatus?: number },
): Result<ResolvedSelection> {
  const req = requested.selection.length === 0 ? defaultSelection(table) : requested;
  const time = table.dimensions.find((d) => d.role === "time");
  const byDim = new Map<string, string[]>();
  for (const s of req.selection) {
    const dim = table.dimensions.find((d) => same(d.id, s.variableCode)) ?? (time && same(s.variableCode, "time") ? time : undefined);
    if (!dim) return fail(problems.nonExistentVariable(s.variableCode));
    if (s.codelist) return fail(problems.nonExistentCodelist(s.codelist));
    byDim.set(dim.id, [...(byDim.get(dim.id) ?? []), ...s.valueCodes]);
  }
  const eliminated = (d: TableDefinition["dimensions"][number]) => d.elimination === true && !byDim.has(d.id);
  for (const d of table.dimensions) if (!eliminated(d) && !(byDim.get(d.id)?.length ?? 0)) return fail(problems.missingSelection(d.id));
  const codes: Record<string, string[]> = {};
  for (const d of table.dimensions.filter((x) => !eliminated(x))) {
    const picked = new Set<string>();
    for (const item of byDim.get(d.id) as string[]) {
      const expanded = expandValueCode(d, item);
      if (!expanded.ok) return expanded;
      for (const c of expanded.value) picked.add(c);
    }
    if (picked.size === 0) return fail(problems.missingSelection(d.id));
    codes[d.id] = d.codes.filter((c) => picked.has(c));
  }
  const cells = Object.values(codes).reduce((n, c) => n * c.length, 1);
  if (cells > limits.maxDataCells) return fail(problems.tooManyCells(limits.tooManyCellsStatus ?? 403));
  const order = placementOrder(table, req.placement);
  if (!order.ok) return order;
  return ok({ codes, order: order.value.filter((id) => id in codes), cells });
}

/** Whether a table-search query matches a table: every word (case-insensitive) in id, title, variable names or codes; `title:` limits a word to the title. */
export function matchesQuery(table: TableDefinition, query: string | undefined): boolean {
  const words = (query ?? "")
    .split(/\s+/)
    .filter((w) => w && !/^(AND|OR)$/.test(w))
    .map((w) => w.toLowerCase().replace(/\*$/, ""));
  const everywhere = [table.id, table.title, ...table.dimensions.flatMap((d) => [d.id, d.label])].map((s) => s.toLowerCase());
  return words.every((w) =>
    w.startsWith("title:") ? table.title.toLowerCase().includes(w.slice(6)) : everywhere.some((s) => s.includes(w)),
  );
}

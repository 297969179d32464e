/**
 * The custom XML parts of an .xlsx file, found the way Excel finds them when it opens the
 * file: from the package's relationships to the workbook part, from the workbook part's
 * relationships of type customXml to each item, and from the item's own relationship to its
 * properties (item id, schema references), whose content type must be declared. A part
 * that is in the zip but not related from the workbook is not found (`orphans` lists it).
 */
import * as path from "node:path";
import JSZip from "jszip";
import { ooxmlParser } from "./ooxml-parser";

const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/";
const PROPS_TYPE = "application/vnd.openxmlformats-officedocument.customXmlProperties+xml";

type Node = Record<string, unknown>;
const list = (node: unknown): Node[] => (Array.isArray(node) ? (node as Node[]) : node === undefined ? [] : [node as Node]);
const parser = ooxmlParser(["Relationship", "Override", "ds:schemaRef"]);

export interface FoundPart {
  /** Part name in the zip ("customXml/item1.xml"). */
  name: string;
  xml: string;
  itemId: string;
  schemaRefs: string[];
}

export interface CustomXmlParts {
  parts: FoundPart[];
  /** customXml/item*.xml in the zip that no workbook relationship reaches. */
  orphans: string[];
}

/** The target of a relationship in `from`'s .rels, as a part name ("xl/workbook.xml" + "../customXml/item1.xml" → "customXml/item1.xml"). */
function resolve(from: string, target: string): string {
  if (target.startsWith("/")) return target.slice(1);
  return path.posix.normalize(path.posix.join(path.posix.dirname(from), target));
}

function relsPath(part: string): string {
  if (part === "") return "_rels/.rels";
  return path.posix.join(path.posix.dirname(part), "_rels", `${path.posix.basename(part)}.rels`);
}

async function text(zip: JSZip, name: string): Promise<string | undefined> {
  return zip.file(name)?.async("string");
}

async function relationships(zip: JSZip, part: string): Promise<{ type: string; target: string }[]> {
  const xml = await text(zip, relsPath(part));
  if (xml === undefined) return [];
  const rels = (parser.parse(xml) as Node).Relationships as Node | undefined;
  return list(rels?.Relationship).map((r) => ({ type: String(r["@Type"]), target: resolve(part, String(r["@Target"])) }));
}

/** Every custom XML part the workbook relates to; throws where the package is not as Excel needs it. */
export async function customXmlParts(bytes: Uint8Array): Promise<CustomXmlParts> {
  const zip = await JSZip.loadAsync(bytes);
  const types = (parser.parse((await text(zip, "[Content_Types].xml")) ?? "") as Node).Types as Node;
  const overrides = new Map(list(types?.Override).map((o) => [String(o["@PartName"]).replace(/^\//, ""), String(o["@ContentType"])]));
  const packageRels = await relationships(zip, "");
  const workbook = packageRels.find((r) => r.type === `${REL}officeDocument`)?.target;
  if (!workbook) throw new Error("the package has no workbook part");
  const parts: FoundPart[] = [];
  for (const rel of (await relationships(zip, workbook)).filter((r) => r.type === `${REL}customXml`)) {
    const xml = await text(zip, rel.target);
    if (xml === undefined) throw new Error(`${workbook} relates to ${rel.target}, which is not in the file`);
    const props = (await relationships(zip, rel.target)).find((r) => r.type === `${REL}customXmlProps`);
    if (!props) throw new Error(`${rel.target} has no relationship to its properties`);
    if (overrides.get(props.target) !== PROPS_TYPE) throw new Error(`${props.target} has no content type ${PROPS_TYPE}`);
    const item = (parser.parse((await text(zip, props.target)) ?? "") as Node)["ds:datastoreItem"] as Node | undefined;
    if (!item) throw new Error(`${props.target} is not a datastore item`);
    const refs = list((item["ds:schemaRefs"] as Node | undefined)?.["ds:schemaRef"]).map((r) => String(r["@ds:uri"]));
    parts.push({ name: rel.target, xml, itemId: String(item["@ds:itemID"]), schemaRefs: refs });
  }
  const found = new Set(parts.map((p) => p.name));
  const orphans = Object.keys(zip.files).filter((n) => /^customXml\/item\d+\.xml$/.test(n) && !found.has(n));
  return { parts, orphans };
}

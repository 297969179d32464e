/**
 * Custom XML part content: well-formedness and the root element's namespace.
 * `CustomXmlPartCollection.add` documents "Must be a valid XML fragment"; the fake
 * rejects text that isn't well-formed XML with exactly one root element (InvalidArgument,
 * assumed code). "CustomXMLPart.namespaceUri is only populated if the top-level custom
 * XML element contains the xmlns attribute" (Persisting add-in state and settings).
 */
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { FakeOfficeError, errors } from "./errors";

const parser = new XMLParser({ preserveOrder: true, ignoreAttributes: false, attributeNamePrefix: "", parseTagValue: false, parseAttributeValue: false });

interface RootElement {
  name: string;
  attributes: Record<string, string>;
}

function rootElements(xml: string): RootElement[] {
  const nodes = parser.parse(xml) as Array<Record<string, unknown>>;
  const roots: RootElement[] = [];
  for (const node of nodes) {
    const name = Object.keys(node).find((k) => k !== ":@");
    if (!name || name.startsWith("?") || name === "#text" || name === "#comment") continue;
    roots.push({ name, attributes: (node[":@"] ?? {}) as Record<string, string> });
  }
  return roots;
}

/** The error Excel would give for this content, or null if it is a well-formed document. */
export function xmlError(xml: unknown): FakeOfficeError | null {
  if (typeof xml !== "string") return errors.invalidArgument("Custom XML must be a string.");
  const result = XMLValidator.validate(xml);
  if (result !== true) return errors.invalidArgument(`The XML is not well-formed: ${result.err.msg} (line ${result.err.line}).`);
  const roots = rootElements(xml);
  if (roots.length !== 1) return errors.invalidArgument(`The XML must have exactly one root element, not ${roots.length}.`);
  return null;
}

/**
 * Namespace of the root element: its default `xmlns`, or for a prefixed root (`<t:root
 * xmlns:t="…">`) the URI bound to the prefix (assumed: the docs only mention `xmlns`).
 * "" when the root declares none.
 */
export function rootNamespace(xml: string): string {
  const [root] = rootElements(xml);
  if (!root) return "";
  const colon = root.name.indexOf(":");
  const attr = colon > 0 ? `xmlns:${root.name.slice(0, colon)}` : "xmlns";
  return root.attributes[attr] ?? "";
}

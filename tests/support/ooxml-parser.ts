/**
 * The XML parser tests read .xlsx parts with: attributes as "@name", text and values
 * exactly as written (no trimming, no number parsing), entities and character
 * references (&#10;) decoded. `arrays` names the elements that are always lists.
 */
import { XMLParser } from "fast-xml-parser";

export function ooxmlParser(arrays: readonly string[]): XMLParser {
  return new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: "@",
    parseTagValue: false,
    parseAttributeValue: false,
    trimValues: false,
    htmlEntities: true,
    isArray: (name) => arrays.includes(name),
  });
}

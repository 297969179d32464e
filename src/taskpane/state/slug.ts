/**
 * "Bærum" → "baerum": a name in lower-case ASCII letters and digits, words joined by "-"
 * (æ → ae, ø → o, å → a, other marks dropped). File names that survive e-mail and file
 * shares are made with it, and it is how the registry spells a municipality's stable id
 * from its name, so the start manifest ships names without the ids they spell
 * (scripts/start-manifest-loader.js). Bokmål has no casing rules of its own, so plain
 * toLowerCase is bokmål's.
 */
export function slug(text: string): string {
  return text
    .toLowerCase()
    .replace(/æ/g, "ae")
    .replace(/ø/g, "o")
    .replace(/å/g, "a")
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}

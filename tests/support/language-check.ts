/**
 * Whether a text the product wrote is in the language it was asked for: the Norwegian in an
 * English text (æøå, «», common Norwegian words) and the English in a Norwegian one (“”,
 * common English words). Names are names: municipality names (Bærum, Tromsø), catalog ids
 * ("pleie-omsorg-67"), option names and values, numbered source citations and the input the
 * user typed are taken out before the words are looked for.
 */
import { MUNICIPALITIES } from "../../src/kostra/municipalities";

/** Common Norwegian words of the CLI's messages (whole words, any case). */
const NORWEGIAN = [
  "og", "ikke", "eller", "mangler", "finner", "fikk", "bruk", "ugyldig", "ukjent", "kommando", "valg", "tabell", "tabellen",
  "hentet", "henter", "skrev", "fil", "filen", "filer", "mappe", "mappen", "kan", "kunne", "med", "uten", "fra", "til", "feil",
  "advarsel", "hurtigbuffer", "kommune", "kommunen", "kommuner", "gjelder", "bare", "enten", "krever", "avbrutt", "snitt",
  "indikator", "indikatorer", "mal", "maler", "er", "av", "som", "har", "ingen", "kjenner", "oppdatert", "forespørsel",
  "eksempeldata", "syntetiske", "uventet", "sektor", "lavest", "rang", "kilde", "vektet", "uvektet", "ukontrollert",
  "hentingen", "observasjoner", "ble", "alle", "gruppe", "nettverket", "utvalget", "lese", "skrive", "velg",
];

/** Common English words of the CLI's messages. */
const ENGLISH = [
  "the", "cannot", "must", "missing", "could", "wrote", "fetching", "unknown", "file", "folder", "warning", "error",
  "unexpected", "not", "with", "without", "from", "table", "and", "of", "is", "was", "use", "see", "got", "only", "either",
  "requires", "invalid", "fetched", "average", "lowest", "highest", "source", "weighted", "simple", "cancelled", "written",
];

const NAMES = [...new Set(MUNICIPALITIES.flatMap((m) => [m.name, ...m.codes.map((c) => c.name).filter((n): n is string => !!n)]))].sort((a, b) => b.length - a.length);

/** The text with what is not the command's own language taken out: names, ids, options, the user's input. */
function ownWords(text: string, input: readonly string[]): string {
  return text
    .split("\n")
    // A numbered source under a table ("[2] KS: …") is a citation, quoted as published.
    .filter((line) => !/^\[\d+\] /.test(line))
    .join("\n")
    .replace(wholeWord([...input, ...NAMES]), " ")
    .replace(/--[a-z][a-z-]*/g, " ")
    .replace(/\b[a-z0-9]+(?:-[a-z0-9]+)+\b/g, " ")
    .replace(/\b[a-z]+(?:\|[a-z]+)+\b/g, " ");
}

/** `text` as a whole word (not inside another): "en" in "--lang en", not in "ukjent". */
const wholeWord = (texts: string | readonly string[], flags = "gu"): RegExp => {
  const alternatives = [texts].flat().filter(Boolean).sort((a, b) => b.length - a.length).map((t) => t.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
  return new RegExp(`(?<![\\p{L}\\d])(?:${alternatives.join("|")})(?![\\p{L}\\d])`, flags);
};

const wordsOf = (text: string, list: readonly string[]): string[] => list.filter((w) => wholeWord(w, "iu").test(text));

/** The Norwegian in English output: letters, quotes and words. */
export function norwegianIn(text: string, input: readonly string[] = []): string[] {
  const own = ownWords(text, input);
  return [...new Set([...(own.match(/[æøåÆØÅ«»]/g) ?? [])]), ...wordsOf(own, NORWEGIAN)];
}

/** The English in Norwegian output. */
export function englishIn(text: string, input: readonly string[] = []): string[] {
  const own = ownWords(text, input);
  return [...new Set([...(own.match(/[“”]/g) ?? [])]), ...wordsOf(own, ENGLISH)];
}


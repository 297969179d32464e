/**
 * SSB's answer to `/tables/{id}/metadata` read and checked: a JSON object that is table
 * metadata within the product's limits (metadata.ts) and about the table that was asked
 * for. Anything else — a cut-off body, a login page, another table's metadata — is a
 * failed request ("bad-response"), never a cached entry.
 */
import { parseObjectAnswer, readAnswer } from "./answers";
import { unusableAnswer } from "./errors";
import { tableMetadataSchema, type TableMetadata } from "./metadata";

export interface MetadataAnswer {
  /** The answer as SSB sent it (for recording it). */
  json: Record<string, unknown>;
  metadata: TableMetadata;
}

/** The table a metadata answer says it describes: SSB's `extension.px.tableid`, else its title ("12362: …"). */
export function describedTable(metadata: TableMetadata): string | undefined {
  return metadata.tableId ?? /^(\d{5})\b/.exec(metadata.label ?? "")?.[1];
}

/** Read the metadata answer for `table`. Throws SsbError ("bad-response") naming what is wrong. */
export function readMetadataAnswer(body: string, table: string, url: string): MetadataAnswer {
  const json = parseObjectAnswer(body, url);
  const metadata = readAnswer(tableMetadataSchema, json, `/tables/${table}/metadata`, url, body);
  const about = describedTable(metadata);
  if (about !== undefined && about.toLowerCase() !== table.toLowerCase())
    throw unusableAnswer(
      { kind: "unexpected", what: { nb: `metadata for tabell ${about}, ikke ${table}.`, en: `metadata for table ${about}, not ${table}.` } },
      { url, body },
    );
  return { json, metadata };
}

/**
 * Webpack loader for src/taskpane/start/startManifest.ts: runs the module at build time
 * (webpack's importModule, through the same TypeScript rule) and ships only its result,
 * the start manifest as a literal. The pane's first view so gets the templates' and the
 * municipalities' names without the catalog and the registry they come from.
 *
 * The municipalities' names are most of it, and each one's stable id is its name spelled
 * in plain letters ("Bærum" → "baerum"). So a name whose id `plainId` gives back exactly
 * ships as [name, code] and its id is computed in the browser by the same function; any
 * other ships its id as well ([name, code, id]). What the pane reads is the same manifest
 * either way (checked here at build time); the first script is about 1.5 KB gzip lighter.
 */
"use strict";

/** The query under which the module is run as written (the rule excludes it, so this loader does not run on itself). */
const EVALUATE = "start-manifest-evaluate";

/** A name in lower-case ASCII letters and digits, words joined by "-" (æ → ae, ø → o, å → a, other marks dropped). */
function plainId(name) {
  return name
    .toLowerCase()
    .replace(/æ/g, "ae")
    .replace(/ø/g, "o")
    .replace(/å/g, "a")
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
}

/** [id, name, code] as shipped: without the id when plainId(name) gives it back. */
const compact = ([id, name, code]) => (plainId(name) === id ? [name, code] : [name, code, id]);

/** The module the bundle gets: the manifest, its municipalities decoded by the same plainId. */
function manifestModule(manifest) {
  const { municipalities, ...names } = manifest.names;
  const shipped = { ...manifest, names: { ...names, municipalities: [] } };
  return [
    `const plainId = ${plainId.toString()};`,
    `const NAMES = ${JSON.stringify(municipalities.map(compact))};`,
    `export const START_MANIFEST = ${JSON.stringify(shipped)};`,
    "START_MANIFEST.names.municipalities = NAMES.map(([name, code, id]) => [id ?? plainId(name), name, code]);",
    "",
  ].join("\n");
}

module.exports = async function startManifestLoader() {
  const callback = this.async();
  try {
    const evaluated = await this.importModule(`${this.resourcePath}?${EVALUATE}`);
    const manifest = evaluated.START_MANIFEST;
    if (!manifest || !Array.isArray(manifest.templates) || !Array.isArray(manifest.sectors) || !Array.isArray(manifest.names?.municipalities)) {
      throw new Error(`${this.resourcePath} did not export a START_MANIFEST with templates, sectors and municipality names`);
    }
    callback(null, manifestModule(manifest));
  } catch (error) {
    callback(error);
  }
};

module.exports.EVALUATE = EVALUATE;
module.exports.plainId = plainId;

/**
 * Webpack loader for src/taskpane/start/startManifest.ts: runs the module at build time
 * (webpack's importModule, through the same TypeScript rule) and ships only its result,
 * the start manifest as a literal. The pane's first view so gets the templates' and the
 * municipalities' names without the catalog and the registry they come from.
 *
 * The municipalities' names are most of it, and each one's stable id is its name spelled
 * by the pane's `slug` ("Bærum" → "baerum"; the module is the loader's `slugModule`
 * option). So a name `slug` turns into its id ships as [name, code], and the browser
 * computes the id with the same function; any other ships its id as well ([name, code,
 * id]). What the pane reads is the same manifest either way, checked here at build time
 * with that function; the first script is about 1.5 KB gzip lighter.
 */
"use strict";
const path = require("path");

/** The query under which the module is run as written (the rule excludes it, so this loader does not run on itself). */
const EVALUATE = "start-manifest-evaluate";

/** The manifest module the bundle gets: the municipalities without the ids `slug` gives back, and the code that puts them back. */
function manifestModule(manifest, slug, slugImport) {
  const { municipalities, ...names } = manifest.names;
  const compact = municipalities.map(([id, name, code]) => (slug(name) === id ? [name, code] : [name, code, id]));
  const shipped = { ...manifest, names: { ...names, municipalities: [] } };
  return [
    `import { slug } from ${JSON.stringify(slugImport)};`,
    `const NAMES = ${JSON.stringify(compact)};`,
    `export const START_MANIFEST = ${JSON.stringify(shipped)};`,
    "START_MANIFEST.names.municipalities = NAMES.map(([name, code, id]) => [id ?? slug(name), name, code]);",
    "",
  ].join("\n");
}

/** The slug module as an import from the manifest's folder ("../state/slug"). */
function importPath(fromFile, moduleFile) {
  const relative = path.relative(path.dirname(fromFile), moduleFile).split(path.sep).join("/").replace(/\.tsx?$/, "");
  return relative.startsWith(".") ? relative : `./${relative}`;
}

module.exports = async function startManifestLoader() {
  const callback = this.async();
  try {
    const { slugModule } = this.getOptions();
    if (typeof slugModule !== "string") throw new Error("start-manifest-loader: the slugModule option (the pane's slug function) is missing");
    const evaluated = await this.importModule(`${this.resourcePath}?${EVALUATE}`);
    const manifest = evaluated.START_MANIFEST;
    if (!manifest || !Array.isArray(manifest.templates) || !Array.isArray(manifest.sectors) || !Array.isArray(manifest.names?.municipalities)) {
      throw new Error(`${this.resourcePath} did not export a START_MANIFEST with templates, sectors and municipality names`);
    }
    const { slug } = await this.importModule(slugModule);
    if (typeof slug !== "function") throw new Error(`${slugModule} does not export a slug function`);
    callback(null, manifestModule(manifest, slug, importPath(this.resourcePath, slugModule)));
  } catch (error) {
    callback(error);
  }
};

module.exports.EVALUATE = EVALUATE;

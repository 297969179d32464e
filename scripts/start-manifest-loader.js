/**
 * Webpack loader for src/taskpane/start/startManifest.ts: runs the module at build time
 * (webpack's importModule, through the same TypeScript rule) and ships only its result,
 * the start manifest as a JSON literal. The pane's first view so gets the templates' and
 * the municipalities' names without the catalog and the registry they come from.
 */
"use strict";

/** The query under which the module is run as written (the rule excludes it, so this loader does not run on itself). */
const EVALUATE = "start-manifest-evaluate";

module.exports = async function startManifestLoader() {
  const callback = this.async();
  try {
    const evaluated = await this.importModule(`${this.resourcePath}?${EVALUATE}`);
    const manifest = evaluated.START_MANIFEST;
    if (!manifest || !Array.isArray(manifest.templates) || !Array.isArray(manifest.sectors) || !Array.isArray(manifest.names?.municipalities)) {
      throw new Error(`${this.resourcePath} did not export a START_MANIFEST with templates, sectors and municipality names`);
    }
    callback(null, `export const START_MANIFEST = ${JSON.stringify(manifest)};\n`);
  } catch (error) {
    callback(error);
  }
};

module.exports.EVALUATE = EVALUATE;

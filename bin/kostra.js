#!/usr/bin/env node
"use strict";
// Entry point of the `kostra` command. The TypeScript sources are compiled to build/
// by `npm install` / `npm ci` (the prepare script) or `npm run build:cli`.
let cli;
try {
  cli = require("../build/cli/main.js");
} catch (e) {
  if (e && e.code === "MODULE_NOT_FOUND") {
    process.stderr.write("kostra: kommandoen er ikke bygget ennå. Kjør «npm run build:cli» først.\n");
    process.exit(1);
  }
  throw e;
}
cli.main(process.argv.slice(2), cli.nodeIo()).then((code) => {
  // A failure to write standard output (reported on its own) keeps its exit code.
  process.exitCode = process.exitCode || code;
});

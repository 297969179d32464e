/**
 * Everything the pane does when a button is pressed — load, write, download, import and
 * export templates, explain errors — in one module the App loads on first use, so the
 * first view downloads only what it shows.
 */
export * as flows from "./flows";
export { describeError } from "./messages";
export { formFromSettings } from "./settings";
export { proxyProposalFor } from "./proxyProposal";

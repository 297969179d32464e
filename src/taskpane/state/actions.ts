/**
 * Everything the pane does when a button is pressed — load, write, download, import and
 * export templates, explain errors — in one module the App loads on first use, so the
 * first view downloads only what it shows.
 */
export { loadData, loadRequestFor, NoFileChosen } from "./load";
export { describeError, isCancellation } from "./messages";
export { makeReport, templateFileName, xlsxFileName } from "./report";
export { formFromSettings, settingsFor, writtenSettings } from "./settings";
export { describeTemplate } from "./template";
export { proxyProposalFor } from "./proxyProposal";
export { describeTemplateFileProblem, readTemplateFile, readTemplateFileOf, templateFileText } from "./templateFile";
export { writeAsAgreed, writeDeclined, writtenOutcome } from "./workbookWrite";

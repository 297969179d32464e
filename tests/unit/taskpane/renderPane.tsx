/**
 * Render the pane in jsdom with fake services, and act on it as a user does.
 *
 * Nothing here waits for a number of ticks: what the pane shows after a promise (a part
 * loaded on demand, a file read, a fake service answering) the test waits for itself,
 * with findBy… or waitFor, which give up only after the bound in tests/support/timing.js.
 */
import "@testing-library/jest-dom";
import { act, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import type { Lang } from "../../../src/kostra/types";
import { App, type AppProps } from "../../../src/taskpane/App";
import { langFromDisplayLanguage } from "../../../src/taskpane/i18n";
import { en } from "../../../src/taskpane/i18n/en";
import { nb } from "../../../src/taskpane/i18n/nb";
import type { PaneServices } from "../../../src/taskpane/services/types";
import { fakeServices, type FakeServices } from "./fakeServices";

/** Render the pane and wait for its first view (see firstView). */
export async function renderPane<S extends PaneServices = FakeServices>(props: Partial<Omit<AppProps, "services">> & { services?: S } = {}) {
  const services = (props.services ?? fakeServices()) as S;
  const result = render(
    <FluentProvider theme={webLightTheme}>
      <App {...props} services={services} />
    </FluentProvider>,
  );
  await firstView(services, langFromDisplayLanguage(props.displayLanguage));
  return { ...result, services };
}

/**
 * The pane's first view comes in steps: its texts in the pane's language (English is
 * loaded on demand), its advanced options (loaded on demand too), then, where the services read the workbook's template settings, the
 * pane opened on them (their banner offers the update) or saying why they cannot be used.
 * Settings that are not there change nothing on screen.
 */
async function firstView(services: PaneServices, lang: Lang): Promise<void> {
  const t = lang === "en" ? en : nb;
  await screen.findByRole("combobox", { name: t.templateLabel });
  // The advanced options are loaded on demand, folded under their button.
  await screen.findByRole("button", { name: t.advancedHeading });
  // The preview comes with the domain chunk (loaded on demand too): the profile, "no data" or why not.
  const preview = screen.getByRole("region", { name: t.previewHeading });
  await waitFor(() => expect(preview).not.toBeEmptyDOMElement());
  const read = templateRead(services);
  if (!read) return;
  const kind = await act(() => read.then((r) => r.kind, () => "failed" as const));
  if (kind === "ok") await screen.findByRole("button", { name: t.update });
  else if (kind !== "none") await screen.findByText(t.templateInvalidTitle);
}

/** The promise the pane got from the fake workbook's settings read (fakeExcelServices), if it asked. */
function templateRead(services: PaneServices): Promise<{ kind: string }> | undefined {
  const read = services.readTemplate;
  if (!read) return undefined;
  if (!jest.isMockFunction(read)) throw new Error("renderPane: readTemplate must be a jest mock, so the first view can wait for its answer");
  // The pane reads them once, when it opens: the latest call is this render's.
  const call = read.mock.results.at(-1);
  if (!call) throw new Error("renderPane: the pane did not read the workbook's template settings when it opened");
  return call.value as Promise<{ kind: string }>;
}

/** Click a button, found by its accessible name. What the click starts asynchronously, the test waits for. */
export function press(name: string | RegExp): void {
  fireEvent.click(screen.getByRole("button", { name }));
}

/**
 * Choose an option in a field found by its label: in a native list (the pane's Select) as
 * the browser does when the user picks one, in a searchable box by opening its list and
 * clicking the option there.
 */
export function pick(comboboxName: string, optionName: string): void {
  const field = screen.getByRole("combobox", { name: comboboxName });
  if (field instanceof HTMLSelectElement) {
    const option = within(field).getByRole<HTMLOptionElement>("option", { name: optionName });
    fireEvent.change(field, { target: { value: option.value } });
    return;
  }
  fireEvent.click(field);
  fireEvent.click(within(listOf(field)).getByRole("option", { name: optionName }));
}

/** The list a searchable box controls (aria-controls). */
export function listOf(combobox: HTMLElement): HTMLElement {
  const list = document.getElementById(combobox.getAttribute("aria-controls") ?? "");
  if (!list) throw new Error(`the combobox ${combobox.getAttribute("aria-label") ?? ""} controls no list`);
  return list;
}

/** The texts of the options a searchable box's list shows now. */
export function listed(comboboxName: string): string[] {
  return within(listOf(screen.getByRole("combobox", { name: comboboxName }))).queryAllByRole("option").map((o) => o.textContent ?? "");
}

/**
 * The figure an indicator's rows show in a column of the profile's table (e.g. "Snitt ASSS",
 * "Indeks", "Indeks Asker"): the cell whose headers name that column.
 */
export function figure(indicator: HTMLElement, column: string): string {
  const table = indicator.closest("table");
  const header = Array.from(table?.querySelectorAll("thead th") ?? []).find((th) => th.textContent === column);
  if (!header) return "";
  const cell = Array.from(indicator.querySelectorAll("td")).find((td) => td.getAttribute("headers")?.split(" ")[0] === header.id);
  return cell?.textContent ?? "";
}

/** An indicator's rows in the profile's table, found by its name (the picture is loaded on demand: wait for it first, see `picture`). */
export const card = (name: RegExp) => screen.getByRole("rowgroup", { name });

/** Wait for the profile's picture (chart and table) to be loaded and shown. */
export const picture = () => screen.findByRole("table", { name: /^(Tallene for|The figures for)/ });

/** Choose files in a file input found by its label (the pane reads them asynchronously). */
export function chooseFiles(label: string, files: File[]): void {
  fireEvent.change(screen.getByLabelText(label), { target: { files } });
}

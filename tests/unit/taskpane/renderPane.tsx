/** Render the pane in jsdom with fake services, and let its on-demand parts load. */
import { act, fireEvent, render, screen } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { App, type AppProps } from "../../../src/taskpane/App";
import type { PaneServices } from "../../../src/taskpane/services/types";
import { fakeServices, type FakeServices } from "./fakeServices";

/** Let pending promises (lazy components, loaded texts, fake services) finish inside act. */
export async function settle(rounds = 3): Promise<void> {
  for (let i = 0; i < rounds; i++) {
    await act(async () => {
      await new Promise((resolve) => setTimeout(resolve, 0));
    });
  }
}

export async function renderPane<S extends PaneServices = FakeServices>(props: Partial<Omit<AppProps, "services">> & { services?: S } = {}) {
  const services = (props.services ?? fakeServices()) as S;
  const result = render(
    <FluentProvider theme={webLightTheme}>
      <App {...props} services={services} />
    </FluentProvider>,
  );
  await settle();
  return { ...result, services };
}

/** Click a button (by its accessible name) and let what it started finish. */
export async function press(name: string | RegExp): Promise<void> {
  fireEvent.click(screen.getByRole("button", { name }));
  await settle();
}

export function pick(comboboxName: string, optionName: string): void {
  fireEvent.click(screen.getByRole("combobox", { name: comboboxName }));
  fireEvent.click(screen.getByRole("option", { name: optionName }));
}

/** The figure shown under a term (e.g. "Snitt ASSS") in an indicator card. */
export function figure(container: HTMLElement, term: string): string {
  const dt = Array.from(container.querySelectorAll("dt")).find((d) => d.textContent === term);
  return dt?.nextElementSibling?.textContent ?? "";
}

export const card = (name: RegExp) => screen.getByRole("article", { name });

/** Choose files in a file input found by its label. */
export async function chooseFiles(label: string, files: File[]): Promise<void> {
  fireEvent.change(screen.getByLabelText(label), { target: { files } });
  await settle();
}

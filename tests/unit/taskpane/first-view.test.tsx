/**
 * @jest-environment jsdom
 *
 * The pane's first view needs only the start chunk (registry, networks, the templates'
 * names); the domain chunk (catalog, engine, sample) loads after it. Each test runs on a
 * fresh module registry, so the domain the other tests preload (tests/support/domain-setup)
 * is not loaded here until the test loads it, as index.tsx does once the first view is up.
 */
import "@testing-library/jest-dom";
import { UI_WAIT_MS } from "../../support/timing";

type Door = typeof import("../../../src/taskpane/domain");
type Rtl = typeof import("@testing-library/react");

interface Pane {
  door: Door;
  rtl: Rtl;
  services: import("../../../src/taskpane/services/types").PaneServices;
}

/** Renders the pane on a fresh module registry with only the start chunk loaded, and hands the test its modules. */
async function withFirstView(test: (pane: Pane) => Promise<void>): Promise<void> {
  await jest.isolateModulesAsync(async () => {
    const React = await import("react");
    const rtl = await import("@testing-library/react/pure");
    // This registry's Testing Library waits as long as the others (tests/support/ui-timing.ts).
    rtl.configure({ asyncUtilTimeout: UI_WAIT_MS });
    const { FluentProvider, webLightTheme } = await import("@fluentui/react-components");
    const door = await import("../../../src/taskpane/domain");
    const { App } = await import("../../../src/taskpane/App");
    const { fakeServices } = await import("./fakeServices");
    await door.loadStart();
    const services = fakeServices();
    rtl.render(React.createElement(FluentProvider, { theme: webLightTheme }, React.createElement(App, { services })));
    try {
      await test({ door, rtl, services });
    } finally {
      rtl.cleanup();
    }
  });
}

describe("the pane's first view", () => {
  it("shows the whole form from the start chunk, with 'Hent data' enabled, before the domain chunk has loaded", async () => {
    await withFirstView(async ({ door, rtl: { screen } }) => {
      const template = await screen.findByRole("combobox", { name: "Sektormal" });
      // The template's name comes from the start manifest, the municipality from the registry.
      expect(template).toHaveDisplayValue("Plan, miljø og kultur");
      expect(screen.getByRole("combobox", { name: "Kommune" })).toHaveValue("Bærum (0219)");
      expect(screen.getByRole("button", { name: "Hent data" })).toBeEnabled();
      expect(screen.getByRole("button", { name: "Hent data" })).not.toHaveAttribute("aria-disabled", "true");
      // Rendering the first view did not load the domain chunk, and the preview waits for it.
      expect(door.domainLoaded()).toBe(false);
      expect(screen.queryByRole("heading", { name: /^Profil for/ })).toBeNull();
      expect(screen.queryByText(/^Eksempeldata \(syntetiske\)/)).toBeNull();
    });
  });

  it("shows the sample's profile once the domain chunk has loaded", async () => {
    await withFirstView(async ({ door, rtl: { act, screen } }) => {
      await screen.findByRole("combobox", { name: "Sektormal" });
      await act(() => door.loadDomain());
      expect(await screen.findByRole("heading", { name: "Profil for Bærum 2017" })).toBeInTheDocument();
      expect(screen.getByText(/^Eksempeldata \(syntetiske\)/)).toBeInTheDocument();
      // The averaging line is the engine's, so it is there now too.
      expect(screen.getByText(/^Snitt: som KS/)).toBeInTheDocument();
    });
  });

  it("lets the user pick another template before the catalog has loaded, with that template's network and comparisons", async () => {
    await withFirstView(async ({ door, rtl: { fireEvent, screen } }) => {
      const template = await screen.findByRole("combobox", { name: "Sektormal" });
      const comparisons = screen.getByRole("combobox", { name: "Sammenlign med" });
      expect(comparisons).toHaveValue("Asker");
      fireEvent.change(template, { target: { value: "grunnskole" } });
      expect(template).toHaveDisplayValue("Grunnskole");
      // Grunnskole's template names no comparison municipalities (the start manifest says so, as the catalog does).
      expect(comparisons).toHaveValue("");
      expect(door.domainLoaded()).toBe(false);
    });
  });

  it("loads the domain chunk when data is asked for before it has arrived", async () => {
    await withFirstView(async ({ door, rtl: { fireEvent, screen } }) => {
      fireEvent.click(await screen.findByRole("button", { name: "Hent data" }));
      expect(await screen.findByRole("heading", { name: "Profil for Bærum 2017" })).toBeInTheDocument();
      expect(door.domainLoaded()).toBe(true);
    });
  });
});

/**
 * @jest-environment jsdom
 *
 * The pane's first view needs only the start modules of the first script (networks, the templates'
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

/**
 * Renders the pane on a fresh module registry with only the first script's modules loaded, and hands
 * the test its modules. `remembered`: a choice the browser's storage holds.
 */
async function withFirstView(test: (pane: Pane) => Promise<void>, remembered?: object, appProps: { laterSectionsAfterFirstPaint?: boolean } = {}): Promise<void> {
  await jest.isolateModulesAsync(async () => {
    const React = await import("react");
    const rtl = await import("@testing-library/react/pure");
    // This registry's Testing Library waits as long as the others (tests/support/ui-timing.ts).
    rtl.configure({ asyncUtilTimeout: UI_WAIT_MS });
    const { FluentProvider, webLightTheme } = await import("@fluentui/react-components");
    const door = await import("../../../src/taskpane/domain");
    const { App } = await import("../../../src/taskpane/App");
    const { fakeServices } = await import("./fakeServices");
    const { memoryStorage } = await import("../../../src/taskpane/services/storage");
    const services = fakeServices(remembered ? { storage: memoryStorage({ "kostra-benchmark:choice": JSON.stringify(remembered) }) } : {});
    rtl.render(React.createElement(FluentProvider, { theme: webLightTheme }, React.createElement(App, { services, ...appProps })));
    try {
      await test({ door, rtl, services });
    } finally {
      rtl.cleanup();
    }
  });
}

describe("the pane's first view", () => {
  it("shows the whole form from the start modules, with 'Hent data' enabled, before the domain chunk has loaded", async () => {
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

  it("as the pane opens, paints the choices and 'Hent data' first and adds the sections under them in their place a frame later", async () => {
    await withFirstView(
      async ({ rtl: { screen } }) => {
        // The first render: the form and an enabled "Hent data", nothing under it yet.
        const load = screen.getByRole("button", { name: "Hent data" });
        expect(load).toBeEnabled();
        expect(screen.queryByRole("region", { name: "Forhåndsvisning" })).toBeNull();
        expect(screen.queryByRole("heading", { name: "Rapport" })).toBeNull();
        expect(screen.queryByRole("heading", { name: "Mal" })).toBeNull();
        // After the first frame: the preview, the report and the template file, after the button in the page's order.
        const report = await screen.findByRole("heading", { name: "Rapport" });
        const preview = screen.getByRole("region", { name: "Forhåndsvisning" });
        const template = screen.getByRole("heading", { name: "Mal" });
        const follows = (a: Node, b: Node) => Boolean(a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING);
        expect([follows(load, preview), follows(preview, report), follows(report, template)]).toEqual([true, true, true]);
        expect(screen.getByRole("button", { name: "Last ned som .xlsx" })).toBeInTheDocument();
      },
      undefined,
      { laterSectionsAfterFirstPaint: true },
    );
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

  describe("before the municipality registry has loaded", () => {
    /** The options the box's own list shows. */
    const listed = (rtl: Rtl, box: HTMLElement) => {
      const list = document.getElementById(box.getAttribute("aria-controls") ?? "") as HTMLElement;
      return rtl.within(list).queryAllByRole("option").map((o) => o.textContent ?? "");
    };

    it("names the municipality and the comparisons from the start manifest, and offers the year's municipalities", async () => {
      await withFirstView(async ({ door, rtl }) => {
        const box = await rtl.screen.findByRole("combobox", { name: "Kommune" });
        expect(box).toHaveValue("Bærum (0219)");
        expect(rtl.screen.getByRole("combobox", { name: "Sammenlign med" })).toHaveValue("Asker");
        // The first view asked nothing of the registry.
        expect(door.registryLoaded()).toBe(false);
        rtl.fireEvent.click(box);
        // Opening the box asks for the registry; until it is there, the list is the start manifest's.
        const names = listed(rtl, box);
        expect(door.registryLoaded()).toBe(false);
        expect(names).toHaveLength(426);
        expect(names.slice(0, 2)).toEqual(["Agdenes (1622)", "Alstahaug (1820)"]);
        expect(names).toContain("Bærum (0219)");
        await rtl.waitFor(() => expect(door.registryLoaded()).toBe(true));
      });
    });

    it("keeps every keystroke made before it arrives, and looks up text confirmed meanwhile once it has", async () => {
      await withFirstView(async ({ door, rtl }) => {
        const box = await rtl.screen.findByRole("combobox", { name: "Kommune" });
        // Typing and Enter in one go, before the registry's download (just started by the typing) has arrived.
        rtl.fireEvent.change(box, { target: { value: "Aske" } });
        rtl.fireEvent.change(box, { target: { value: "Asker" } });
        expect(door.registryLoaded()).toBe(false);
        expect(box).toHaveValue("Asker");
        expect(listed(rtl, box)).toEqual(["Henter kommunelisten …"]);
        rtl.fireEvent.keyDown(box, { key: "Enter" });
        expect(box).toHaveValue("Asker");
        // Once the registry is there, the confirmed text is looked up and chosen.
        await rtl.waitFor(() => expect(box).toHaveValue("Asker (0220)"));
        expect(door.registryLoaded()).toBe(true);
        // The comparisons go by their names still (Asker, now the municipality itself, is no longer among the options).
        expect(rtl.screen.getByRole("combobox", { name: "Sammenlign med" })).toHaveValue("Asker");
      });
    });

    it("searches what was typed as soon as it arrives, without the user typing again", async () => {
      await withFirstView(async ({ rtl }) => {
        const box = await rtl.screen.findByRole("combobox", { name: "Kommune" });
        rtl.fireEvent.change(box, { target: { value: "Baerum" } });
        expect(listed(rtl, box)).toEqual(["Henter kommunelisten …"]);
        await rtl.waitFor(() => expect(listed(rtl, box)).toEqual(["Bærum (0219)"]));
        expect(box).toHaveValue("Baerum");
      });
    });

    it("does not guess a code for another year: the name alone until the registry knows the code", async () => {
      await withFirstView(async ({ door, rtl }) => {
        const box = await rtl.screen.findByRole("combobox", { name: "Kommune" });
        rtl.fireEvent.change(rtl.screen.getByRole("combobox", { name: "År" }), { target: { value: "2021" } });
        expect(box).toHaveValue("Bærum");
        expect(door.registryLoaded()).toBe(false);
        await rtl.act(() => door.loadRegistry());
        // Bærum was 3024 from 2020 to 2023.
        expect(box).toHaveValue("Bærum (3024)");
      });
    });

    it("opens on a remembered municipality that did not exist in the remembered year by its name, and says when it began once the registry is there", async () => {
      await withFirstView(
        async ({ door, rtl }) => {
          const box = await rtl.screen.findByRole("combobox", { name: "Kommune" });
          expect(box).toHaveValue("Lillestrøm");
          expect(rtl.screen.getByRole("combobox", { name: "Sammenlign med" })).toHaveValue("Bærum, Holmestrand");
          await rtl.act(() => door.loadRegistry());
          expect(box).toHaveValue("Lillestrøm (fra 2020)");
        },
        { municipality: "lillestrom", comparisons: ["baerum", "holmestrand"], year: 2017 },
      );
    });

    it("waits for the registry before it offers KOSTRA groups", async () => {
      await withFirstView(async ({ door, rtl }) => {
        const base = await rtl.screen.findByRole("combobox", { name: "Snitt = 100" });
        rtl.fireEvent.change(base, { target: { value: "kostragruppe" } });
        const group = rtl.screen.getByRole("combobox", { name: "KOSTRA-gruppe" });
        expect(group).toBeDisabled();
        expect(group).toHaveDisplayValue("Henter kommunelisten …");
        // Asked for when the group is: it loads without waiting for the rest of the first view.
        await rtl.waitFor(() => expect(rtl.screen.getByRole("combobox", { name: "KOSTRA-gruppe" })).toBeEnabled());
        expect(door.registryLoaded()).toBe(true);
        // Bærum's group in 2017 is not in the shipped snapshot: the user is asked to choose one of the year's groups.
        const groups = rtl.within(rtl.screen.getByRole("combobox", { name: "KOSTRA-gruppe" })).getAllByRole("option");
        expect(groups[0]).toHaveTextContent("Velg gruppe");
        expect(groups.slice(1).map((o) => o.textContent)).toContain("KOSTRA-gruppe 7 (inndeling før 2020)");
      });
    });
  });
});

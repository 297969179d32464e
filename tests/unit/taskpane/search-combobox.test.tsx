/** @jest-environment jsdom */
/**
 * The searchable box the municipality pickers are made of, after the WAI-ARIA Authoring
 * Practices' editable combobox with list autocomplete: the box keeps the focus, the list's
 * active option is announced through aria-activedescendant, and the keys do what the
 * pattern says (Down/Up, Alt+Down, Home/End, Enter, Escape, Tab).
 */
import "@testing-library/jest-dom";
import { fireEvent, render, screen, within } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { useState } from "react";
import { SearchCombobox, type ComboboxOption } from "../../../src/taskpane/components/SearchCombobox";

const TOWNS: ComboboxOption[] = [
  { id: "asker", label: "Asker" },
  { id: "baerum", label: "Bærum" },
  { id: "bergen", label: "Bergen" },
  { id: "oslo", label: "Oslo" },
];

interface Seen {
  picks: string[];
  commits: [string, string][];
}

/** The box as a picker uses it: the list narrows to what the typed text starts with; picks and confirmed text are noted. */
function Harness({ seen, multiselect = false, initial = ["baerum"] }: { seen: Seen; multiselect?: boolean; initial?: string[] }) {
  const [query, setQuery] = useState<string | null>(null);
  const [selected, setSelected] = useState<string[]>(initial);
  const shown = query === null ? TOWNS : TOWNS.filter((o) => o.label.toLowerCase().startsWith(query.toLowerCase()));
  return (
    <SearchCombobox
      label="Kommune"
      placeholder="Navn"
      display={selected.map((id) => TOWNS.find((o) => o.id === id)?.label).join(", ")}
      query={query}
      onQuery={setQuery}
      options={shown}
      selected={selected}
      multiselect={multiselect}
      emptyLine="Ingen kommune passer"
      onPick={(id) => {
        seen.picks.push(id);
        setSelected((now) => (multiselect ? (now.includes(id) ? now.filter((x) => x !== id) : [...now, id]) : [id]));
        if (!multiselect) setQuery(null);
      }}
      onCommit={(text, how) => seen.commits.push([text, how])}
    />
  );
}

function setUp(props: { multiselect?: boolean; initial?: string[] } = {}) {
  const seen: Seen = { picks: [], commits: [] };
  render(
    <FluentProvider theme={webLightTheme}>
      <Harness seen={seen} {...props} />
    </FluentProvider>,
  );
  const box = screen.getByRole("combobox", { name: "Kommune" });
  const list = document.getElementById(box.getAttribute("aria-controls") ?? "") as HTMLElement;
  const key = (k: string, extra: object = {}) => fireEvent.keyDown(box, { key: k, ...extra });
  /** The option aria-activedescendant points at, by its text (not its mark); "" when none is active. */
  const active = () => {
    const option = document.getElementById(box.getAttribute("aria-activedescendant") ?? "");
    return Array.from(option?.childNodes ?? []).filter((n) => !(n instanceof Element && n.getAttribute("aria-hidden") === "true")).map((n) => n.textContent).join("");
  };
  return { seen, box, list, key, active };
}

describe("the searchable box", () => {
  it("is a closed combobox that controls its listbox and names it", () => {
    const { box, list } = setUp();
    expect(box.tagName).toBe("INPUT");
    expect(box).toHaveAttribute("aria-expanded", "false");
    expect(box).toHaveAttribute("aria-autocomplete", "list");
    expect(box).not.toHaveAttribute("aria-activedescendant");
    expect(box).toHaveValue("Bærum");
    expect(list).toHaveAttribute("role", "listbox");
    expect(list).not.toBeVisible();
    // No options while closed: hundreds of hidden ones would weigh on every render.
    expect(within(list).queryAllByRole("option", { hidden: true })).toHaveLength(0);
  });

  it("opens with Down on the chosen option, moves with Down and Up (wrapping), and Home and End go to the ends", () => {
    const { box, list, key, active } = setUp();
    key("ArrowDown");
    expect(box).toHaveAttribute("aria-expanded", "true");
    expect(list).toBeVisible();
    expect(active()).toBe("Bærum");
    expect(within(list).getByRole("option", { name: "Bærum" })).toHaveAttribute("aria-selected", "true");
    expect(within(list).getByRole("option", { name: "Asker" })).toHaveAttribute("aria-selected", "false");
    key("ArrowDown");
    expect(active()).toBe("Bergen");
    key("ArrowUp");
    key("ArrowUp");
    expect(active()).toBe("Asker");
    key("ArrowUp");
    expect(active()).toBe("Oslo");
    key("ArrowDown");
    expect(active()).toBe("Asker");
    key("End");
    expect(active()).toBe("Oslo");
    key("Home");
    expect(active()).toBe("Asker");
    // The box keeps the focus throughout; the list is only pointed at.
    expect(document.activeElement).not.toBe(list);
  });

  it("opens with Alt+Down without making an option active, and then Home and End are left to the text", () => {
    const { box, key, active } = setUp();
    key("ArrowDown", { altKey: true });
    expect(box).toHaveAttribute("aria-expanded", "true");
    expect(active()).toBe("");
    // With no option active Home and End are not taken from the text box (the browser moves the caret).
    expect(key("Home")).toBe(true);
    expect(active()).toBe("");
  });

  it("opens with Up on the chosen option, or on the last one when the chosen is not listed", () => {
    const first = setUp();
    first.key("ArrowUp");
    expect(first.active()).toBe("Bærum");
    document.body.innerHTML = "";
    const none = setUp({ initial: [] });
    none.key("ArrowUp");
    expect(none.active()).toBe("Oslo");
  });

  it("chooses the active option with Enter and closes, without confirming the typed text", () => {
    const { box, key, active, seen } = setUp();
    fireEvent.change(box, { target: { value: "b" } });
    expect(box).toHaveAttribute("aria-expanded", "true");
    // Typing opens the list but makes no option active: Enter now would confirm the text, not guess.
    expect(active()).toBe("");
    key("ArrowDown");
    key("ArrowDown");
    expect(active()).toBe("Bergen");
    key("Enter");
    expect(seen.picks).toEqual(["bergen"]);
    expect(seen.commits).toEqual([]);
    expect(box).toHaveAttribute("aria-expanded", "false");
    expect(box).not.toHaveAttribute("aria-activedescendant");
    expect(box).toHaveValue("Bergen");
  });

  it("confirms typed text with Enter when no option is active, even when the list shows several", () => {
    const { box, key, seen } = setUp();
    fireEvent.change(box, { target: { value: "b" } });
    key("Enter");
    expect(seen.picks).toEqual([]);
    expect(seen.commits).toEqual([["b", "enter"]]);
    expect(box).toHaveAttribute("aria-expanded", "false");
  });

  it("forgets the active option when the typed text changes the list", () => {
    const { box, key, active, seen } = setUp();
    key("ArrowDown");
    key("End");
    expect(active()).toBe("Oslo");
    fireEvent.change(box, { target: { value: "as" } });
    expect(active()).toBe("");
    key("Enter");
    expect(seen.picks).toEqual([]);
    expect(seen.commits).toEqual([["as", "enter"]]);
  });

  it("closes with Escape and keeps the text; a second Escape goes back to the choice", () => {
    const { box, key, seen } = setUp();
    fireEvent.change(box, { target: { value: "Os" } });
    key("Escape");
    expect(box).toHaveAttribute("aria-expanded", "false");
    expect(box).toHaveValue("Os");
    key("Escape");
    expect(box).toHaveValue("Bærum");
    expect(seen.commits).toEqual([]);
  });

  it("closes on Tab, and confirms typed text on leaving the box", () => {
    const { box, key, seen } = setUp();
    fireEvent.change(box, { target: { value: "Oslo" } });
    key("Tab");
    expect(box).toHaveAttribute("aria-expanded", "false");
    fireEvent.blur(box);
    expect(seen.commits).toEqual([["Oslo", "leave"]]);
  });

  it("chooses with the mouse without the box losing its focus first", () => {
    const { box, list, seen } = setUp();
    fireEvent.click(box);
    const oslo = within(list).getByRole("option", { name: "Oslo" });
    // The press does not take the focus from the box (which would confirm its text before the click).
    expect(fireEvent.mouseDown(oslo)).toBe(false);
    fireEvent.mouseMove(oslo);
    expect(box).toHaveAttribute("aria-activedescendant", oslo.id);
    fireEvent.click(oslo);
    expect(seen.picks).toEqual(["oslo"]);
    expect(box).toHaveValue("Oslo");
    expect(box).toHaveAttribute("aria-expanded", "false");
  });

  it("says so in one line, not an option to choose, when nothing matches", () => {
    const { box, list, key, seen } = setUp();
    fireEvent.change(box, { target: { value: "Atlantis" } });
    const line = within(list).getByRole("option");
    expect(line).toHaveTextContent("Ingen kommune passer");
    expect(line).toHaveAttribute("aria-disabled", "true");
    key("ArrowDown");
    expect(box).not.toHaveAttribute("aria-activedescendant");
    key("Enter");
    expect(seen.picks).toEqual([]);
    expect(seen.commits).toEqual([["Atlantis", "enter"]]);
  });

  describe("with several choices", () => {
    it("is a multi-selectable list that stays open while options are added and removed, by click or Enter", () => {
      const { box, list, key, active, seen } = setUp({ multiselect: true, initial: ["asker"] });
      key("ArrowDown");
      expect(list).toHaveAttribute("aria-multiselectable", "true");
      // Several choices: the list starts at its top, not at one of them.
      expect(active()).toBe("Asker");
      key("ArrowDown");
      key("Enter");
      fireEvent.click(within(list).getByRole("option", { name: "Oslo" }));
      expect(seen.picks).toEqual(["baerum", "oslo"]);
      expect(box).toHaveAttribute("aria-expanded", "true");
      expect(within(list).getAllByRole("option").filter((o) => o.getAttribute("aria-selected") === "true").map((o) => o.textContent)).toEqual(["✓Asker", "✓Bærum", "✓Oslo"]);
      key("Home");
      key("Enter");
      expect(box).toHaveValue("Bærum, Oslo");
      // The mark is not part of an option's name.
      expect(within(list).getByRole("option", { name: "Bærum" })).toHaveAttribute("aria-selected", "true");
    });
  });
});

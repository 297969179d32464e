/**
 * @jest-environment jsdom
 *
 * The pane's form controls (src/taskpane/controls): the browser's own elements, named by
 * their labels, described by their hints and messages, and reporting changes as Fluent's
 * components did (the event and the new value), so the pickers could move to them as they were.
 */
import "@testing-library/jest-dom";
import { fireEvent, render, screen } from "@testing-library/react";
import { useState } from "react";
import { Caption1, Checkbox, Field, Input, PaneTitle, Radio, RadioGroup, Select, Switch } from "../../../src/taskpane/controls";
import { staticCss } from "../../../src/taskpane/styles";

describe("Field with Select", () => {
  it("names the list by its label, describes it by the message and the hint, and marks an error invalid", () => {
    render(
      <Field label="Tidsserie fra" hint="Første år i tidsserien" validationState="error" validationMessage="Året finnes ikke">
        <Select value="2016" onChange={() => undefined}>
          <option value="2015">2015</option>
          <option value="2016">2016</option>
        </Select>
      </Field>,
    );
    const list = screen.getByRole("combobox", { name: "Tidsserie fra" });
    expect(list.tagName).toBe("SELECT");
    expect(list).toHaveDisplayValue("2016");
    expect(list).toHaveAccessibleDescription("Året finnes ikke Første år i tidsserien");
    expect(list).toHaveAttribute("aria-invalid", "true");
    // The message comes before the hint, as in Fluent's Field; the error is announced as it appears, the hint is not.
    const texts = Array.from(document.querySelectorAll("p")).map((p) => [p.textContent, p.getAttribute("role")]);
    expect(texts).toEqual([
      ["Året finnes ikke", "alert"],
      ["Første år i tidsserien", null],
    ]);
  });

  it("a warning describes the list without marking it invalid; no message, no hint: no description", () => {
    const { rerender } = render(
      <Field label="KOSTRA-gruppe" validationState="warning" validationMessage="Velg en gruppe">
        <Select value="" onChange={() => undefined}>
          <option value="">–</option>
        </Select>
      </Field>,
    );
    const list = screen.getByRole("combobox", { name: "KOSTRA-gruppe" });
    expect(list).toHaveAccessibleDescription("Velg en gruppe");
    expect(list).not.toHaveAttribute("aria-invalid");
    expect(screen.getByRole("alert")).toHaveTextContent("Velg en gruppe");
    rerender(
      <Field label="KOSTRA-gruppe">
        <Select value="" onChange={() => undefined}>
          <option value="">–</option>
        </Select>
      </Field>,
    );
    expect(list).not.toHaveAttribute("aria-describedby");
    expect(screen.queryByRole("alert")).toBeNull();
  });

  it("a message without a validation state describes the control but is not announced", () => {
    render(
      <Field label="Sektormal" validationMessage="Lagret">
        <Select value="a" onChange={() => undefined}>
          <option value="a">A</option>
        </Select>
      </Field>,
    );
    expect(screen.getByRole("combobox", { name: "Sektormal" })).toHaveAccessibleDescription("Lagret");
    expect(screen.queryByRole("alert")).toBeNull();
  });

  it("reports the chosen value as Fluent's Select did, and a disabled list is disabled", () => {
    const chosen: string[] = [];
    const { rerender } = render(
      <Field label="Nettverk">
        <Select value="asss" onChange={(_, data) => chosen.push(data.value)}>
          <option value="asss">ASSS</option>
          <option value="custom">Egne</option>
        </Select>
      </Field>,
    );
    fireEvent.change(screen.getByRole("combobox", { name: "Nettverk" }), { target: { value: "custom" } });
    expect(chosen).toEqual(["custom"]);
    rerender(
      <Field label="Nettverk">
        <Select disabled value="asss" onChange={(_, data) => chosen.push(data.value)}>
          <option value="asss">ASSS</option>
          <option value="custom">Egne</option>
        </Select>
      </Field>,
    );
    expect(screen.getByRole("combobox", { name: "Nettverk" })).toBeDisabled();
    // The arrow is drawn, not read.
    expect(document.querySelector(".kb-select-icon")).toHaveAttribute("aria-hidden", "true");
  });
});

describe("Field with Input", () => {
  it("names the box, marks a required one, and hands the typed text and the ref over", () => {
    const typed: string[] = [];
    let box: HTMLInputElement | null = null;
    function Box() {
      const [text, setText] = useState("");
      return (
        <Field label="Navn på malen" required>
          <Input
            ref={(el) => {
              box = el;
            }}
            value={text}
            onChange={(_, data) => {
              typed.push(data.value);
              setText(data.value);
            }}
          />
        </Field>
      );
    }
    render(<Box />);
    const input = screen.getByRole("textbox", { name: "Navn på malen" });
    expect(input).toBeRequired();
    expect(box).toBe(input);
    fireEvent.change(input, { target: { value: "Skole" } });
    expect(typed.at(-1)).toBe("Skole");
    expect(input).toHaveValue("Skole");
  });
});

describe("Checkbox, RadioGroup and Switch", () => {
  it("a check box is named by its label and reports whether it is checked", () => {
    const seen: boolean[] = [];
    render(<Checkbox label="Landet uten Oslo" checked={false} onChange={(_, data) => seen.push(data.checked)} />);
    // A click on the label is a click on the box.
    fireEvent.click(screen.getByText("Landet uten Oslo"));
    expect(seen).toEqual([true]);
    expect(screen.getByRole("checkbox", { name: "Landet uten Oslo" })).not.toBeChecked();
  });

  it("radio buttons form one group (one name, so the browser gives it one tab stop and the arrow keys) named by the Field's label, and a disabled group takes no choice", () => {
    const chosen: string[] = [];
    function Source({ disabled = false }: { disabled?: boolean }) {
      const [value, setValue] = useState("sample");
      return (
        <Field group label="Datakilde" hint="Hvor tallene kommer fra">
          <RadioGroup
            value={value}
            disabled={disabled}
            onChange={(_, data) => {
              chosen.push(data.value);
              setValue(data.value);
            }}
          >
            <Radio value="sample" label="Eksempeldata" />
            <Radio value="ssb" label="SSB direkte" />
          </RadioGroup>
        </Field>
      );
    }
    const { unmount } = render(<Source />);
    const group = screen.getByRole("radiogroup", { name: "Datakilde" });
    expect(group).toHaveAccessibleDescription("Hvor tallene kommer fra");
    // The group's name is not a label for one element.
    expect(document.querySelector("label[for]")?.textContent).not.toBe("Datakilde");
    const [sample, ssb] = screen.getAllByRole("radio");
    expect(sample).toBeChecked();
    expect((sample as HTMLInputElement).name).toBe((ssb as HTMLInputElement).name);
    fireEvent.click(screen.getByRole("radio", { name: "SSB direkte" }));
    expect(chosen).toEqual(["ssb"]);
    expect(screen.getByRole("radio", { name: "SSB direkte" })).toBeChecked();
    unmount();
    render(<Source disabled />);
    for (const radio of screen.getAllByRole("radio")) expect(radio).toBeDisabled();
  });

  it("a switch is a check box with the switch role, named by its label", () => {
    const seen: boolean[] = [];
    render(<Switch label={<span lang="en">English</span>} checked={false} onChange={(_, data) => seen.push(data.checked)} />);
    const toggle = screen.getByRole("switch", { name: "English" });
    expect(toggle).toHaveAttribute("type", "checkbox");
    fireEvent.click(toggle);
    expect(seen).toEqual([true]);
  });
});

describe("text", () => {
  it("the pane's title is its first-level heading; a caption keeps the element, id and role it is given", () => {
    render(
      <>
        <PaneTitle>KOSTRA Benchmark</PaneTitle>
        <Caption1 as="p" id="why" role="status">
          Ingen data ennå
        </Caption1>
      </>,
    );
    expect(screen.getByRole("heading", { level: 1, name: "KOSTRA Benchmark" })).toBeInTheDocument();
    const caption = screen.getByRole("status");
    expect(caption.tagName).toBe("P");
    expect(caption).toHaveAttribute("id", "why");
  });
});

describe("staticCss", () => {
  it("writes a rule whose key ends in an at-rule inside it, the others as before", () => {
    const css = staticCss("demo", { thumb: "color:red;", "thumb @media (forced-colors: active)": "background:ButtonText;", "thumb:hover": "color:blue;" });
    expect(css.trim().split("\n")).toEqual([
      ".kb-demo-thumb.kb-demo-thumb{color:red;}",
      "@media (forced-colors: active){.kb-demo-thumb.kb-demo-thumb{background:ButtonText;}}",
      ".kb-demo-thumb.kb-demo-thumb:hover{color:blue;}",
    ]);
  });
});

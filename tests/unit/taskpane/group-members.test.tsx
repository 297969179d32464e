/** @jest-environment jsdom */
import "@testing-library/jest-dom";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { fireEvent, render, screen } from "@testing-library/react";
import { useReducer } from "react";
import { SelectionForm } from "../../../src/taskpane/components/SelectionForm";
import { messagesFor } from "../../../src/taskpane/i18n";
import { formReducer, initialForm, type FormState } from "../../../src/taskpane/state/form";

let last: FormState | null = null;

function Harness({ start }: { start: FormState }) {
  const [form, dispatch] = useReducer(formReducer, start);
  last = form;
  return <SelectionForm t={messagesFor("nb")} lang="nb" years={[2020, 2021]} form={form} dispatch={dispatch} />;
}

const renderForm = (over: Partial<FormState>) =>
  render(
    <FluentProvider theme={webLightTheme}>
      <Harness start={{ ...initialForm({ year: 2021 }), ...over }} />
    </FluentProvider>,
  );

describe("the user's own peers from the KOSTRA group", () => {
  it("adds the known members of Bergen's KOSTRA group 12 (all 11 of 11 known), not Bergen itself, once", async () => {
    renderForm({ municipality: "bergen", network: "custom", peers: ["oslo"] });
    // Loaded on demand, when the user's own comparison municipalities are chosen.
    const button = await screen.findByRole("button", { name: "Legg til kjente medlemmer av KOSTRA-gruppe 12 (11)" });
    fireEvent.click(button);
    expect(last?.peers[0]).toBe("oslo");
    expect(last?.peers).toHaveLength(11);
    expect(last?.peers).toEqual(expect.arrayContaining(["stavanger", "trondheim", "baerum", "tromso"]));
    expect(last?.peers).not.toContain("bergen");
    expect(screen.getByRole("button", { name: /Legg til kjente medlemmer/ })).toBeDisabled();
  });

  it("offers nothing where the group's members are not known (Hå) or before 2020", async () => {
    renderForm({ municipality: "ha", network: "custom", kostraGroup: "ekg07" });
    // Group 7 has one known member (Kongsvinger) of its 2020 grouping.
    expect(await screen.findByRole("button", { name: /Legg til kjente medlemmer av KOSTRA-gruppe 7 \(1 av \d+\)/ })).toBeInTheDocument();
    renderForm({ municipality: "bergen", network: "custom", year: 2017, span: { from: 2015, to: 2017 } });
    expect(screen.getAllByRole("button", { name: /Legg til kjente medlemmer/ })).toHaveLength(1);
  });
});

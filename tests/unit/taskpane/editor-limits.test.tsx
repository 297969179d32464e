/** @jest-environment jsdom */
/**
 * The template editor never saves a template that the product would refuse to read back
 * from a workbook's settings or a template file (the same schema decides both).
 */
import "@testing-library/jest-dom";
import { fireEvent, screen, within } from "@testing-library/react";
import { resetUserCatalog, templateById } from "../../../src/kostra/catalog";
import { press, renderPane } from "./renderPane";

afterEach(() => resetUserCatalog());

const KUNST = "Netto driftsutgifter kunstformidling pr. innbygger";

it("refuses a display label longer than settings hold, names it, and keeps the editor open", async () => {
  await renderPane();
  press("Ny mal");
  const dialog = await screen.findByRole("dialog");
  fireEvent.change(within(dialog).getByRole("textbox", { name: /Navn på malen/ }), { target: { value: "Lange navn" } });
  fireEvent.change(within(dialog).getByRole("searchbox", { name: "Søk i katalogen" }), { target: { value: "kunstformidling" } });
  fireEvent.click(within(dialog).getByRole("button", { name: `Legg til «${KUNST}»` }));
  fireEvent.change(await within(dialog).findByRole("textbox", { name: `Visningsnavn for «${KUNST}»` }), { target: { value: "x".repeat(1_001) } });
  press("Lagre malen");
  const alert = await within(dialog).findByRole("alert");
  expect(alert).toHaveTextContent(/«template\.labels\.kunstformidling\.nb» er for lang \(over 1000 tegn\)/);
  expect(templateById("mal-lange-navn")).toBeUndefined();
});

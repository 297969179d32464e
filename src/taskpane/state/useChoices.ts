/**
 * The user's choices, starting where the user left them (./rememberedChoice) and
 * remembered again after every change the user makes. Changes the pane makes on its own —
 * a template workbook opening on its settings — go through `dispatch` and are not
 * remembered: the workbook keeps them, and the next workbook opens on the user's choice.
 */
import { useCallback, useEffect, useReducer, type Dispatch } from "react";
import type { PaneServices } from "../services/types";
import { start } from "../domain";
import { formReducer, initialForm, type FormAction, type FormState } from "./form";

/** Where earlier versions remembered only the municipality; read while no whole choice is stored. */
export const MUNICIPALITY_KEY = "kostra-benchmark:municipality";

function startingForm(services: PaneServices, overrides: Partial<FormState> | undefined): FormState {
  const { CHOICE_KEY, rememberedChoice } = start();
  const legacy = services.storage.get(MUNICIPALITY_KEY);
  const text = services.storage.get(CHOICE_KEY) ?? (legacy === null ? null : JSON.stringify({ municipality: legacy }));
  const remembered = rememberedChoice(text, { now: services.now(), selectionAvailable: Boolean(services.loadSelection) });
  return initialForm({ ...remembered, ...overrides });
}

export interface Choices {
  form: FormState;
  /** A change the user made: applied and remembered. */
  choose: Dispatch<FormAction>;
  /** A change the pane makes on its own: applied, not remembered. */
  dispatch: Dispatch<FormAction>;
}

/** The choices after a change, and whether the user made it (then they are remembered). */
interface Step {
  form: FormState;
  byUser: boolean;
}

const next = (step: Step, change: { action: FormAction; byUser: boolean }): Step => ({ form: formReducer(step.form, change.action), byUser: change.byUser });

export function useChoices(services: PaneServices, overrides?: Partial<FormState>): Choices {
  const [step, change] = useReducer(next, undefined, () => ({ form: startingForm(services, overrides), byUser: false }));
  const choose = useCallback((action: FormAction) => change({ action, byUser: true }), []);
  const dispatch = useCallback((action: FormAction) => change({ action, byUser: false }), []);
  useEffect(() => {
    if (step.byUser) services.storage.set(start().CHOICE_KEY, start().choiceToRemember(step.form));
  }, [services, step]);
  return { form: step.form, choose, dispatch };
}

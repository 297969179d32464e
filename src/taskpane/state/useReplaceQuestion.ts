/**
 * The question before a write replaces sheets this session did not write (see
 * ./workbookWrite): the button pressed, the sheets, and the answer that ends it.
 */
import { useCallback, useState } from "react";
import type { SheetInfo } from "../../excel/apply-plan";
import type { Messages } from "../i18n";

export interface ReplaceQuestion {
  /** The button pressed, named in the question ("Skriv til arbeidsbok"). */
  action: (m: Messages) => string;
  sheets: string[];
  answer: (replace: boolean) => void;
}

export function useReplaceQuestion() {
  const [question, setQuestion] = useState<ReplaceQuestion | null>(null);
  const ask = useCallback(
    (action: (m: Messages) => string, sheets: readonly SheetInfo[]) =>
      new Promise<boolean>((resolve) =>
        setQuestion({
          action,
          sheets: sheets.map((s) => s.name),
          answer: (replace) => {
            setQuestion(null);
            resolve(replace);
          },
        }),
      ),
    [],
  );
  return { question, ask };
}

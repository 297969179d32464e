import { Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle } from "@fluentui/react-components";
import { useEffect, useRef, useState } from "react";
import type { Lang } from "../../kostra/types";
import { quotedSheets, REPLACE_TEXTS } from "../i18n/replace";
import { staticStyles } from "../styles";

const styles = staticStyles("replace", {
  surface: "max-width:min(32rem, calc(100vw - 16px));padding:16px;",
  // Sheet names can be long and many.
  text: "margin:0 0 8px 0;overflow-wrap:anywhere;",
});

export interface ReplaceConfirmProps {
  lang: Lang;
  /** The button the user pressed, named in the question ("Skriv til arbeidsbok"). */
  action: string;
  /** The names of the sheets the write would replace. */
  sheets: readonly string[];
  answer: (replace: boolean) => void;
}

/**
 * Asks before a write replaces sheets this pane did not write itself, as Excel asks before
 * it deletes a sheet: a modal alert dialog naming the sheets, with "Erstatt" and
 * "Avbryt". Focus starts on "Avbryt", the answer that changes nothing (Escape gives the
 * same answer), and goes back where it was when the question closes.
 */
export function ReplaceConfirm({ lang, action, sheets, answer }: ReplaceConfirmProps) {
  const t = REPLACE_TEXTS[lang];
  // Read while rendering, before the dialog moves focus into itself.
  const [returnTo] = useState(() => document.activeElement as HTMLElement | null);
  const cancel = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    cancel.current?.focus();
    return () => returnTo?.focus();
  }, [returnTo]);
  return (
    <Dialog open modalType="alert" onOpenChange={(_, data) => !data.open && answer(false)}>
      <DialogSurface className={styles.surface}>
        <DialogBody>
          <DialogTitle>{t.title}</DialogTitle>
          <DialogContent>
            <p className={styles.text}>{t.question(action, quotedSheets(sheets, lang))}</p>
            <p className={styles.text}>{t.note}</p>
          </DialogContent>
          <DialogActions>
            <Button appearance="primary" onClick={() => answer(true)}>
              {t.accept}
            </Button>
            <Button ref={cancel} onClick={() => answer(false)}>
              {t.cancel}
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}

export default ReplaceConfirm;

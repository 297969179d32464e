import { tokens } from "@fluentui/react-components";
import { Caption1 } from "../controls";
import type { ReactNode } from "react";
import { staticStyles } from "../styles";

const styles = staticStyles("actions", {
  wrap: `display:flex;flex-direction:column;row-gap:${tokens.spacingVerticalXS};`,
  buttons: `display:flex;flex-wrap:wrap;align-items:center;column-gap:${tokens.spacingHorizontalS};row-gap:${tokens.spacingVerticalS};`,
  reason: `color:${tokens.colorNeutralForeground2};`,
});

export interface ActionRowProps {
  /** Why the buttons are unavailable; shown under them and referenced by their aria-describedby. */
  reason?: string | null;
  reasonId: string;
  children: ReactNode;
}

/** A row of buttons that wraps in a narrow pane, with the visible reason when they cannot be used. */
export function ActionRow({ reason, reasonId, children }: ActionRowProps) {
  return (
    <div className={styles.wrap}>
      <div className={styles.buttons}>{children}</div>
      {reason && (
        <Caption1 id={reasonId} className={styles.reason}>
          {reason}
        </Caption1>
      )}
    </div>
  );
}

/** A button's props while `reason` says why it cannot be used: still focusable, and described by the reason. */
export const unavailable = (reason: string | null, reasonId: string) => (reason ? { disabledFocusable: true, "aria-describedby": reasonId } : {});

import { Button, tokens } from "@fluentui/react-components";
import { Caption1 } from "../controls";
import { useId, useRef } from "react";
import { staticStyles } from "../styles";

const styles = staticStyles("file", {
  row: `display:flex;flex-wrap:wrap;align-items:center;column-gap:${tokens.spacingHorizontalS};row-gap:${tokens.spacingVerticalXS};`,
  // Visually hidden, not display:none: the input stays in the page for assistive technology and automation.
  input: "position:absolute;width:1px;height:1px;margin:-1px;padding:0;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap;border:0;",
  status: `color:${tokens.colorNeutralForeground2};overflow-wrap:anywhere;`,
});

export interface FilePickerProps {
  /** The visible button's text. */
  buttonText: string;
  /** The file input's accessible name. */
  inputLabel: string;
  accept: string;
  multiple?: boolean;
  disabled?: boolean;
  /** What is chosen, shown beside the button. */
  status?: string;
  onFiles: (files: File[]) => void;
}

/** A native file input behind a Fluent button: the browser's picker, the product's look. */
export function FilePicker({ buttonText, inputLabel, accept, multiple, disabled, status, onFiles }: FilePickerProps) {
  const input = useRef<HTMLInputElement>(null);
  const statusId = useId();
  return (
    <div className={styles.row}>
      <Button disabled={disabled} aria-describedby={status ? statusId : undefined} onClick={() => input.current?.click()}>
        {buttonText}
      </Button>
      <input
        ref={input}
        className={styles.input}
        type="file"
        tabIndex={-1}
        aria-label={inputLabel}
        accept={accept}
        multiple={multiple}
        disabled={disabled}
        onChange={(event) => {
          const files = Array.from(event.target.files ?? []);
          // Cleared so choosing the same file again is seen as a new choice.
          event.target.value = "";
          if (files.length) onFiles(files);
        }}
      />
      {status && (
        <Caption1 id={statusId} className={styles.status}>
          {status}
        </Caption1>
      )}
    </div>
  );
}

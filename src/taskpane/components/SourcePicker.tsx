import { tokens } from "@fluentui/react-components";
import { Caption1, Field, Radio, RadioGroup } from "../controls";
import type { Messages } from "../i18n";
import type { SourceKind } from "../state/form";
import { staticStyles } from "../styles";
import { FilePicker } from "./FilePicker";

const styles = staticStyles("source", {
  group: `display:flex;flex-direction:column;row-gap:${tokens.spacingVerticalXS};`,
  hint: `color:${tokens.colorNeutralForeground2};`,
});

export interface SourcePickerProps {
  t: Messages;
  value: SourceKind;
  /** "Fra markert område" is offered only inside Excel. */
  selectionAvailable: boolean;
  files: readonly File[];
  disabled: boolean;
  onChange: (source: SourceKind) => void;
  onFiles: (files: File[]) => void;
}

const SOURCES: readonly SourceKind[] = ["sample", "ssb", "file", "selection"];

export function SourcePicker({ t, value, selectionAvailable, files, disabled, onChange, onFiles }: SourcePickerProps) {
  const label: Record<SourceKind, string> = { sample: t.sourceSample, ssb: t.sourceSsb, file: t.sourceFile, selection: t.sourceSelection };
  const offered = SOURCES.filter((s) => s !== "selection" || selectionAvailable);
  return (
    <div className={styles.group}>
      <Field group label={t.sourceLabel}>
        <RadioGroup value={value} disabled={disabled} onChange={(_, data) => onChange(data.value as SourceKind)}>
          {offered.map((s) => (
            <Radio key={s} value={s} label={label[s]} />
          ))}
        </RadioGroup>
      </Field>
      {value === "ssb" && <Caption1 className={styles.hint}>{t.ssbHint}</Caption1>}
      {value === "file" && (
        <>
          <FilePicker
            buttonText={t.fileButton}
            inputLabel={t.fileInputLabel}
            accept=".csv,.txt,.json,text/csv,application/json"
            multiple
            disabled={disabled}
            status={files.length ? t.fileChosen(files.map((f) => f.name).join(", ")) : t.fileNone}
            onFiles={onFiles}
          />
          <Caption1 className={styles.hint}>{t.fileHint}</Caption1>
        </>
      )}
      {value === "selection" && <Caption1 className={styles.hint}>{t.selectionHint}</Caption1>}
    </div>
  );
}

import { Option } from "@fluentui/react-components";
import type { MunicipalityOption } from "../state/municipalityOptions";

export interface MunicipalityOptionListProps {
  shown: readonly MunicipalityOption[];
  label: (o: MunicipalityOption) => string;
  noMatch: string;
}

/** The options of a municipality combobox, or one disabled line saying nothing matches. */
export function MunicipalityOptionList({ shown, label, noMatch }: MunicipalityOptionListProps) {
  return (
    <>
      {shown.map((o) => (
        <Option key={o.id} value={o.id} text={label(o)}>
          {label(o)}
        </Option>
      ))}
      {shown.length === 0 && (
        <Option key="no-match" value="" text="" disabled>
          {noMatch}
        </Option>
      )}
    </>
  );
}

import { Button, Text } from "@fluentui/react-components";
import { useId, type ReactNode } from "react";
import type { PaneData } from "../state/data";
import type { FormState } from "../state/form";
import { ActionRow, unavailable } from "./ActionRow";
import { RunFeedback, type PaneView } from "./RunFeedback";

export interface ReportSectionProps {
  pane: PaneView;
  classNames: { section: string; heading: string; quiet: string };
  form: FormState;
  data: PaneData | null;
}

/** A section under its heading: a row of buttons, why they wait, and the outcome of the last press. */
export function HeadedSection({ classNames, heading, children }: Pick<ReportSectionProps, "classNames"> & { heading: string; children: ReactNode }) {
  const id = useId();
  return (
    <section className={classNames.section} aria-labelledby={id}>
      <Text as="h2" id={id} size={400} weight="semibold" className={classNames.heading}>
        {heading}
      </Text>
      {children}
    </section>
  );
}

/** "Skriv til arbeidsbok" (in Excel) and "Last ned som .xlsx". */
export function ReportSection({ pane, classNames, form, data }: ReportSectionProps) {
  const { t, lang, services, actions, reasons } = pane;
  const reasonId = useId();
  return (
    <HeadedSection classNames={classNames} heading={t.reportHeading}>
      <ActionRow reason={services.writeReport ? reasons.write : reasons.report} reasonId={reasonId}>
        {services.writeReport && (
          <Button appearance="primary" {...unavailable(reasons.write, reasonId)} onClick={() => data && void actions.write("report", data, form, lang, (m) => m.write)}>
            {t.write}
          </Button>
        )}
        <Button {...unavailable(reasons.report, reasonId)} onClick={() => void actions.download()}>
          {t.download}
        </Button>
      </ActionRow>
      <RunFeedback place="report" pane={pane} />
    </HeadedSection>
  );
}

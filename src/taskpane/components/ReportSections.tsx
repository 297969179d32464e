import { Button, Text } from "@fluentui/react-components";
import { Caption1 } from "../controls";
import { useId, type ReactNode } from "react";
import type { PaneData } from "../state/data";
import type { FormState } from "../state/form";
import { ActionRow, unavailable } from "./ActionRow";
import { FilePicker } from "./FilePicker";
import { RunFeedback, type PaneView } from "./RunFeedback";

export interface ReportSectionProps {
  pane: PaneView;
  classNames: { section: string; heading: string; quiet: string };
  form: FormState;
  data: PaneData | null;
}

/** A section under its heading: a row of buttons, why they wait, and the outcome of the last press. */
function HeadedSection({ classNames, heading, children }: Pick<ReportSectionProps, "classNames"> & { heading: string; children: ReactNode }) {
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

/** The choices as a template: saved into the workbook with the report (in Excel), exported to or imported from a file. */
export function TemplateFileSection({ pane, classNames, form, data }: ReportSectionProps) {
  const { t, lang, services, actions, reasons } = pane;
  const reasonId = useId();
  return (
    <HeadedSection classNames={classNames} heading={t.templateHeading}>
      <Caption1 as="p" className={classNames.quiet}>
        {services.writeReport ? `${t.saveTemplateHint} ${t.templateFileHint}` : t.templateFileHint}
      </Caption1>
      <ActionRow reason={reasons.templateFile} reasonId={reasonId}>
        {services.writeReport && (
          <Button {...unavailable(reasons.write, reasonId)} onClick={() => data && void actions.write("templateFile", data, form, lang, (m) => m.saveTemplate)}>
            {t.saveTemplate}
          </Button>
        )}
        <Button {...unavailable(reasons.busy, reasonId)} onClick={() => void actions.exportTemplate()}>
          {t.exportTemplate}
        </Button>
        <FilePicker
          buttonText={t.importTemplate}
          inputLabel={t.templateFileInputLabel}
          accept=".json,application/json"
          disabled={reasons.busy !== null}
          onFiles={(picked) => void actions.importTemplate(picked[0])}
        />
      </ActionRow>
      <RunFeedback place="templateFile" pane={pane} />
    </HeadedSection>
  );
}

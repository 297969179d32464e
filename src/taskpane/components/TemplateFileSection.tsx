import { Button, Caption1 } from "@fluentui/react-components";
import { useId } from "react";
import { ActionRow, unavailable } from "./ActionRow";
import { FilePicker } from "./FilePicker";
import { HeadedSection, type ReportSectionProps } from "./ReportSections";
import { RunFeedback } from "./RunFeedback";

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

export default TemplateFileSection;

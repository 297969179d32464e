import { Caption1 } from "../controls";

export interface HostStatusProps {
  inExcel: boolean;
  outsideExcelText: string;
}

/** One line saying the pane runs outside Excel (and therefore cannot write to a workbook). */
export function HostStatus({ inExcel, outsideExcelText }: HostStatusProps) {
  if (inExcel) return null;
  return <Caption1 role="status">{outsideExcelText}</Caption1>;
}

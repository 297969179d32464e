/**
 * A proxy address for SSB found in a workbook's settings or a template file is a proposal,
 * never a choice made for the user: anyone can write a workbook, and an address there would
 * otherwise send every "Oppdater" through a host of the sender's choosing. The pane shows the
 * address and uses it only after the user accepts; one that `checkBaseUrl` refuses (not
 * https except to this machine, a user name in it, a query) is shown with the reason and
 * can only be dismissed.
 */
import type { BaseUrlCheck } from "../../sources/ssb/base-url";
import { checkBaseUrl } from "../../sources/ssb/base-url";
import { ssbAddress } from "../services/ssbAddress";
import type { TemplateSettings } from "../../report/template-settings";

export interface ProxyProposal {
  /** Where the address was found. */
  from: "workbook" | "file";
  /** The address as it was found (shown quoted, never as a link). */
  address: string;
  /** Whether it may be used, and the address to use; or why not. */
  check: BaseUrlCheck;
}

/** The address the pane asks SSB through now ("" is this build's default), in checkBaseUrl's normal form. */
function inUse(baseUrl: string): string {
  const check = checkBaseUrl(ssbAddress(baseUrl));
  return check.ok ? check.url : baseUrl.trim();
}

/**
 * The proxy address a template's source proposes, or null when there is nothing to ask:
 * no SSB source, no address, or the address already in use.
 */
export function proxyProposalFor(source: TemplateSettings["source"], current: string, from: ProxyProposal["from"]): ProxyProposal | null {
  if (source.kind !== "ssb" || source.baseUrl === undefined || source.baseUrl.trim() === "") return null;
  const check = checkBaseUrl(source.baseUrl);
  if (check.ok && check.url === inUse(current)) return null;
  return { from, address: source.baseUrl, check };
}

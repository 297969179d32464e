import { Button } from "@fluentui/react-components";
import type { Dispatch } from "react";
import type { Lang } from "../../kostra/types";
import type { Messages } from "../i18n";
import type { FormAction, FormState } from "../state/form";
import { kostraGroupFor } from "../state/profile";
import { registry } from "../domain";

/**
 * Adds the members of the municipality's KOSTRA group that the product knows (SSB's
 * grouping is known only in part) to the user's own peers; says how many it knows.
 */
export function GroupMembersButton({ t, lang, form, dispatch }: { t: Messages; lang: Lang; form: FormState; dispatch: Dispatch<FormAction> }) {
  const group = kostraGroupFor(form);
  if (!group) return null;
  const { members, count } = registry().kostraGroupMembers(group, form.year);
  const known = members.filter((m) => m !== form.municipality);
  const missing = known.filter((m) => !form.peers.includes(m));
  if (known.length === 0) return null;
  const name = registry().aggregateLabel(group, form.year, lang) ?? group;
  return (
    <Button
      size="small"
      appearance="subtle"
      disabled={missing.length === 0}
      onClick={() => dispatch({ type: "peers", peers: [...form.peers, ...missing] })}
    >
      {t.addGroupMembers(name, members.length, count)}
    </Button>
  );
}

export default GroupMembersButton;

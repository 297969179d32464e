/**
 * The proxy proposal the pane is asking about, if any, and the user's answer: "use" sets the
 * address as the pane's SSB address (as if typed under "Avanserte valg"), "ignore" leaves the
 * address in use as it is. See ./proxyProposal.
 */
import { useCallback, useState, type Dispatch } from "react";
import type { FormAction } from "./form";
import type { ProxyProposal } from "./proxyProposal";

export type ProxyQuestion =
  | { kind: "asking"; proposal: ProxyProposal }
  /** Answered: said once where the question was, so the user (and a screen reader) knows what happened. */
  | { kind: "answered"; proposal: ProxyProposal; used: boolean };

export interface ProxyProposalState {
  question: ProxyQuestion | null;
  /**
   * The address asked about and not yet answered (when it may be used at all). Unused
   * meanwhile; a template written meanwhile keeps it, so it is still proposed later.
   */
  pending: string | undefined;
  /** Ask about a proposal (null: nothing to ask; a question not yet answered is dropped). */
  propose: (proposal: ProxyProposal | null) => void;
  answer: (use: boolean) => void;
}

export function useProxyProposal(dispatch: Dispatch<FormAction>): ProxyProposalState {
  const [question, setQuestion] = useState<ProxyQuestion | null>(null);
  const propose = useCallback((proposal: ProxyProposal | null) => setQuestion(proposal ? { kind: "asking", proposal } : null), []);
  const answer = useCallback(
    (use: boolean) => {
      if (question?.kind !== "asking") return;
      const { proposal } = question;
      const used = use && proposal.check.ok;
      if (used && proposal.check.ok) dispatch({ type: "options", options: { baseUrl: proposal.check.url } });
      setQuestion({ kind: "answered", proposal, used });
    },
    [question, dispatch],
  );
  const pending = question?.kind === "asking" && question.proposal.check.ok ? question.proposal.check.url : undefined;
  return { question, pending, propose, answer };
}

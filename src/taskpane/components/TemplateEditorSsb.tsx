import { Button, MessageBar, MessageBarBody, MessageBarTitle, Text, tokens } from "@fluentui/react-components";
import { Caption1, Field, Input, Select } from "../controls";
import { useEffect, useRef, useState, type FormEvent, type RefObject } from "react";
import { KostraError } from "../../kostra/errors";
import type { Indicator, Lang } from "../../kostra/types";
import type { Messages } from "../i18n";
import type { PaneServices, SsbTableDimensions, SsbTableHit } from "../services/types";
import { firstCodes, indicatorFromPick, pickableDimensions, suggestedLabel, unitOf } from "../state/editor";
import { staticStyles } from "../styles";

const styles = staticStyles("template-editor-ssb", {
  box: `display:flex;flex-direction:column;row-gap:${tokens.spacingVerticalS};`,
  search: `display:grid;grid-template-columns:minmax(0, 1fr) auto;column-gap:${tokens.spacingHorizontalS};align-items:end;`,
  list: `list-style:none;margin:0;padding:0;display:flex;flex-direction:column;row-gap:${tokens.spacingVerticalXS};max-height:16rem;overflow-y:auto;`,
  item: `display:grid;grid-template-columns:minmax(0, 1fr) auto;column-gap:${tokens.spacingHorizontalS};align-items:center;`,
  text: "display:flex;flex-direction:column;min-width:0;overflow-wrap:anywhere;",
  pick: `display:flex;flex-direction:column;row-gap:${tokens.spacingVerticalS};padding:${tokens.spacingVerticalS};border:1px solid ${tokens.colorNeutralStroke2};border-radius:${tokens.borderRadiusMedium};`,
  row: `display:flex;flex-wrap:wrap;column-gap:${tokens.spacingHorizontalS};row-gap:${tokens.spacingVerticalXS};`,
  heading: "margin:0;overflow-wrap:anywhere;",
  quiet: `color:${tokens.colorNeutralForeground2};margin:0;`,
});

type Phase =
  | { kind: "idle" }
  | { kind: "searching" }
  | { kind: "hits"; query: string; tables: SsbTableHit[] }
  | { kind: "reading"; query: string; tables: SsbTableHit[]; table: string }
  | { kind: "picking"; query: string; tables: SsbTableHit[]; meta: SsbTableDimensions; codes: Record<string, string>; name: string | null };

export interface TemplateEditorSsbProps {
  t: Messages;
  lang: Lang;
  services: PaneServices;
  baseUrl: string;
  chosen: readonly string[];
  onAdd: (indicator: Indicator) => boolean;
}

/**
 * Add an indicator from any SSB table: search SSB's tables, choose one, pick one value per
 * dimension from its metadata, name it and add it. Failures show in a message bar with
 * what SSB said; the search and the list stay, so the user can try again.
 */
export function TemplateEditorSsb({ t, lang, services, baseUrl, chosen, onAdd }: TemplateEditorSsbProps) {
  const [query, setQuery] = useState("");
  const [phase, setPhase] = useState<Phase>({ kind: "idle" });
  const [error, setError] = useState<{ title: string; message: string } | null>(null);
  const [note, setNote] = useState("");
  const abort = useRef<AbortController | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const pickHeading = useRef<HTMLElement>(null);
  const [focusTable, setFocusTable] = useState<string | null>(null);
  const listBox = useRef<HTMLUListElement>(null);

  useEffect(() => () => abort.current?.abort(), []);
  useEffect(() => {
    if (phase.kind === "picking") pickHeading.current?.focus();
  }, [phase.kind]);
  useEffect(() => {
    if (!focusTable || phase.kind !== "hits") return;
    Array.from(listBox.current?.querySelectorAll<HTMLElement>("[data-table]") ?? [])
      .find((el) => el.dataset.table === focusTable)
      ?.focus();
    setFocusTable(null);
  }, [focusTable, phase.kind]);

  const explain = (e: unknown) => (e instanceof KostraError ? e.messageIn(lang) : e instanceof Error ? e.message : String(e));
  const ask = () => {
    abort.current?.abort();
    abort.current = new AbortController();
    return { signal: abort.current.signal, baseUrl, lang };
  };

  async function search(e?: FormEvent) {
    e?.preventDefault();
    const q = query.trim();
    if (!q || !services.searchSsbTables) return;
    setError(null);
    setNote("");
    setPhase({ kind: "searching" });
    try {
      const tables = await services.searchSsbTables(q, ask());
      setPhase({ kind: "hits", query: q, tables });
    } catch (err) {
      setPhase({ kind: "idle" });
      setError({ title: t.editorSsbSearchFailed, message: explain(err) });
    }
  }

  async function choose(tables: SsbTableHit[], q: string, table: string) {
    if (!services.ssbTableMetadata) return;
    setError(null);
    setNote("");
    setPhase({ kind: "reading", query: q, tables, table });
    try {
      const meta = await services.ssbTableMetadata(table, ask());
      setPhase({ kind: "picking", query: q, tables, meta, codes: firstCodes(meta), name: null });
    } catch (err) {
      setPhase({ kind: "hits", query: q, tables });
      setError({ title: t.editorSsbTableFailed, message: explain(err) });
      setFocusTable(table);
    }
  }

  const back = (p: Extract<Phase, { kind: "picking" }>) => {
    setPhase({ kind: "hits", query: p.query, tables: p.tables });
    setFocusTable(p.meta.id);
  };

  const tables = phase.kind === "hits" || phase.kind === "reading" ? phase.tables : [];
  return (
    <div className={styles.box}>
      <form className={styles.search} onSubmit={(e) => void search(e)} role="search" aria-label={t.editorSsbLabel}>
        <Field label={t.editorSsbLabel} hint={t.editorSsbHint}>
          <Input ref={input} type="search" value={query} onChange={(_, data) => setQuery(data.value)} />
        </Field>
        <Button type="submit" disabledFocusable={phase.kind === "searching" || !query.trim()}>
          {t.editorSsbSearch}
        </Button>
      </form>
      <Caption1 as="p" role="status" className={styles.quiet}>
        {phase.kind === "searching"
          ? t.editorSsbSearching
          : phase.kind === "reading"
            ? t.editorSsbLoadingTable
            : phase.kind === "hits"
              ? phase.tables.length === 0
                ? t.editorSsbNoHits(phase.query)
                : t.editorSsbHits(phase.tables.length)
              : note}
      </Caption1>
      {error && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{error.title}</MessageBarTitle> {error.message}
          </MessageBarBody>
        </MessageBar>
      )}
      {tables.length > 0 && (
        <ul ref={listBox} className={styles.list} aria-label={t.editorSsbLabel}>
          {tables.map((table) => (
            <li key={table.id} className={styles.item}>
              <span className={styles.text}>
                <span>{table.label.startsWith(table.id) ? table.label : `${table.id}: ${table.label}`}</span>
                {(table.firstPeriod || table.lastPeriod) && (
                  <Caption1 className={styles.quiet}>{[table.firstPeriod, table.lastPeriod].filter(Boolean).join("–")}</Caption1>
                )}
              </span>
              <Button
                size="small"
                data-table={table.id}
                aria-label={t.editorSsbChooseNamed(table.id)}
                disabledFocusable={phase.kind === "reading"}
                onClick={() => phase.kind === "hits" && void choose(phase.tables, phase.query, table.id)}
              >
                {t.editorSsbChoose}
              </Button>
            </li>
          ))}
        </ul>
      )}
      {phase.kind === "picking" && <Pick t={t} phase={phase} headingRef={pickHeading} chosen={chosen} services={services} setPhase={setPhase} onBack={() => back(phase)} onAdded={(label) => {
        setNote(t.editorAdded(label));
        setPhase({ kind: "hits", query: phase.query, tables: phase.tables });
        input.current?.focus();
      }} onAdd={onAdd} />}
    </div>
  );
}

interface PickProps {
  t: Messages;
  phase: Extract<Phase, { kind: "picking" }>;
  headingRef: RefObject<HTMLElement>;
  chosen: readonly string[];
  services: PaneServices;
  setPhase: (phase: Phase) => void;
  onBack: () => void;
  onAdded: (label: string) => void;
  onAdd: (indicator: Indicator) => boolean;
}

/** One value per dimension of the chosen table, the indicator's name, and "add". */
function Pick({ t, phase, headingRef, chosen, services, setPhase, onBack, onAdded, onAdd }: PickProps) {
  const { meta, codes } = phase;
  const name = phase.name ?? suggestedLabel(meta, codes);
  const { unit } = unitOf(meta, codes);
  const indicator = indicatorFromPick(meta, codes, name, services.now().toISOString().slice(0, 10));
  const already = chosen.includes(indicator.id);
  return (
    <div className={styles.pick}>
      <Text as="h4" size={300} weight="semibold" className={styles.heading} ref={headingRef} tabIndex={-1}>
        {t.editorSsbTable(meta.id, meta.label ?? "")}
      </Text>
      <Caption1 as="p" className={styles.quiet}>
        {t.editorSsbPickHint}
      </Caption1>
      {pickableDimensions(meta).map((d) => (
        <Field key={d.id} label={d.label}>
          <Select value={codes[d.id]} onChange={(_, data) => setPhase({ ...phase, codes: { ...codes, [d.id]: data.value } })}>
            {d.values.map((v) => (
              <option key={v.code} value={v.code}>
                {v.label === v.code ? v.code : `${v.label} (${v.code})`}
              </option>
            ))}
          </Select>
        </Field>
      ))}
      <Field label={t.editorSsbName} hint={unit ? t.editorSsbUnit(unit) : undefined}>
        <Input value={name} onChange={(_, data) => setPhase({ ...phase, name: data.value })} />
      </Field>
      {already && (
        <Caption1 as="p" role="status" className={styles.quiet}>
          {t.editorSsbAlready}
        </Caption1>
      )}
      <div className={styles.row}>
        <Button
          appearance="primary"
          disabledFocusable={already || !name.trim()}
          onClick={() => {
            if (!already && name.trim() && onAdd(indicator)) onAdded(indicator.label.nb);
          }}
        >
          {t.editorSsbAdd}
        </Button>
        <Button onClick={onBack}>{t.editorSsbBack}</Button>
      </div>
    </div>
  );
}

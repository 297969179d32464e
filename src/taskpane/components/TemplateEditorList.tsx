import { Button, Text, tokens } from "@fluentui/react-components";
import { Caption1, Input, Select } from "../controls";
import { ArrowDown20Regular, ArrowUp20Regular, Delete20Regular } from "@fluentui/react-icons";
import { useEffect, useRef, useState, type Dispatch } from "react";
import type { Lang } from "../../kostra/types";
import type { Messages } from "../i18n";
import { MAX_DECIMALS, type EditorAction, type EditorState } from "../state/editor";
import { staticStyles } from "../styles";

const styles = staticStyles("template-editor-list", {
  list: `list-style:none;margin:0;padding:0;display:flex;flex-direction:column;row-gap:${tokens.spacingVerticalS};`,
  item: `display:flex;flex-direction:column;row-gap:${tokens.spacingVerticalXXS};padding:${tokens.spacingVerticalXS} 0;border-bottom:1px solid ${tokens.colorNeutralStroke2};`,
  top: `display:grid;grid-template-columns:auto minmax(0, 1fr);column-gap:${tokens.spacingHorizontalS};align-items:center;`,
  bottom: `display:flex;flex-wrap:wrap;align-items:center;column-gap:${tokens.spacingHorizontalS};row-gap:${tokens.spacingVerticalXXS};`,
  meta: `color:${tokens.colorNeutralForeground2};flex:1 1 8rem;min-width:0;`,
  decimals: "width:4.5rem;",
  // A block with space under it, so the heading never runs into the list or the empty note.
  heading: `display:block;margin:0 0 ${tokens.spacingVerticalS};`,
  empty: `color:${tokens.colorNeutralForeground2};margin:0;`,
});

const DECIMAL_CHOICES = Array.from({ length: MAX_DECIMALS + 1 }, (_, i) => i);

export interface TemplateEditorListProps {
  t: Messages;
  lang: Lang;
  state: EditorState;
  dispatch: Dispatch<EditorAction>;
  /** Tell the user (through the editor's status line) what a move or removal did. */
  onStatus: (text: string) => void;
}

/**
 * The template's indicators in order, each with its display label, decimals and buttons to
 * move it up or down and remove it. After a move the focus stays on the button pressed (on
 * the moved indicator); after a removal it goes to the next indicator, so the keyboard
 * user never loses their place.
 */
export function TemplateEditorList({ t, lang, state, dispatch, onStatus }: TemplateEditorListProps) {
  const box = useRef<HTMLDivElement>(null);
  const [focus, setFocus] = useState<string | null>(null);
  const headingId = "kb-template-editor-indicators";

  useEffect(() => {
    if (!focus) return;
    const target = Array.from(box.current?.querySelectorAll<HTMLElement>("[data-focus-key]") ?? []).find((el) => el.dataset.focusKey === focus);
    target?.focus();
    setFocus(null);
  }, [focus, state.items]);

  const n = state.items.length;
  return (
    <div ref={box}>
      <Text as="h3" id={headingId} size={300} weight="semibold" className={styles.heading}>
        {t.editorIndicatorsHeading}
      </Text>
      {n === 0 ? (
        <Caption1 as="p" className={styles.empty} tabIndex={-1} data-focus-key="empty">
          {t.editorEmpty}
        </Caption1>
      ) : (
        <ol className={styles.list} aria-labelledby={headingId}>
          {state.items.map((item, i) => {
            // Buttons are named by the label as shown; the label's own box by the indicator's own label, which does not change.
            const name = item.label.trim() || item.base.label[lang];
            const move = (by: -1 | 1, key: string) => {
              dispatch({ type: "move", id: item.id, by });
              setFocus(`${item.id}:${key}`);
              onStatus(t.editorMoved(name, i + 1 + by, n));
            };
            return (
              <li key={item.id} className={styles.item}>
                <div className={styles.top}>
                  <Text weight="semibold" aria-hidden>
                    {i + 1}.
                  </Text>
                  <Input
                    aria-label={t.editorDisplayLabel(item.base.label[lang])}
                    value={item.label}
                    onChange={(_, data) => dispatch({ type: "label", id: item.id, label: data.value })}
                  />
                </div>
                <div className={styles.bottom}>
                  <Caption1 className={styles.meta}>{[item.unit.nb, item.origin].filter(Boolean).join(" · ")}</Caption1>
                  <Select
                    className={styles.decimals}
                    aria-label={t.editorDecimals(name)}
                    value={String(item.decimals)}
                    onChange={(_, data) => dispatch({ type: "decimals", id: item.id, decimals: Number(data.value) })}
                  >
                    {DECIMAL_CHOICES.map((d) => (
                      <option key={d} value={d}>
                        {d}
                      </option>
                    ))}
                  </Select>
                  <Button
                    size="small"
                    appearance="subtle"
                    icon={<ArrowUp20Regular />}
                    aria-label={t.editorMoveUp(name)}
                    data-focus-key={`${item.id}:up`}
                    disabledFocusable={i === 0}
                    onClick={() => i > 0 && move(-1, "up")}
                  />
                  <Button
                    size="small"
                    appearance="subtle"
                    icon={<ArrowDown20Regular />}
                    aria-label={t.editorMoveDown(name)}
                    data-focus-key={`${item.id}:down`}
                    disabledFocusable={i === n - 1}
                    onClick={() => i < n - 1 && move(1, "down")}
                  />
                  <Button
                    size="small"
                    appearance="subtle"
                    icon={<Delete20Regular />}
                    aria-label={t.editorRemove(name)}
                    data-focus-key={`${item.id}:remove`}
                    onClick={() => {
                      const next = state.items[i + 1] ?? state.items[i - 1];
                      dispatch({ type: "remove", id: item.id });
                      setFocus(next ? `${next.id}:remove` : "empty");
                      onStatus(t.editorRemoved(name));
                    }}
                  />
                </div>
              </li>
            );
          })}
        </ol>
      )}
    </div>
  );
}

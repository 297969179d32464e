import { tokens } from "@fluentui/react-components";
import { Field, Input } from "../controls";
import { useEffect, useId, useState, type KeyboardEvent } from "react";
import { cx, shared, staticStyles } from "../styles";

/*
 * A text box with a list of suggestions under it, after the WAI-ARIA Authoring Practices'
 * combobox pattern (editable, list autocomplete): the box keeps the focus, the list's
 * active option is announced through aria-activedescendant. The list opens in the page's
 * flow under the box, in the box's own width: no positioning library, so the first view
 * stays light and the list can never stick out of a 320 px pane.
 */
const styles = staticStyles("combobox", {
  anchor: "position:relative;min-width:0;",
  input: "width:100%;min-width:0;box-sizing:border-box;",
  list: `position:absolute;z-index:10;top:calc(100% + 2px);left:0;right:0;max-height:min(18rem, 60vh);overflow-y:auto;box-sizing:border-box;padding:${tokens.spacingVerticalXS} 0;background:${tokens.colorNeutralBackground1};border:1px solid ${tokens.colorNeutralStroke1};border-radius:${tokens.borderRadiusMedium};box-shadow:${tokens.shadow16};`,
  option: `display:flex;column-gap:${tokens.spacingHorizontalXS};padding:${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS};cursor:pointer;color:${tokens.colorNeutralForeground1};font-size:${tokens.fontSizeBase300};line-height:${tokens.lineHeightBase300};`,
  "option:hover": `background:${tokens.colorNeutralBackground1Hover};`,
  // The active option carries an outline too: in forced colours a background alone is not shown.
  active: `background:${tokens.colorNeutralBackground1Selected};outline:2px solid ${tokens.colorStrokeFocus2};outline-offset:-2px;`,
  chosen: `font-weight:${tokens.fontWeightSemibold};`,
  mark: "flex:none;width:1em;",
  note: `padding:${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS};color:${tokens.colorNeutralForeground2};font-size:${tokens.fontSizeBase300};line-height:${tokens.lineHeightBase300};`,
});

export interface ComboboxOption {
  id: string;
  label: string;
}

export interface SearchComboboxProps {
  label: string;
  hint?: string;
  placeholder: string;
  /** The box's text while the user is not typing (the choice). */
  display: string;
  /** What the user has typed, or null while the box shows the choice. */
  query: string | null;
  onQuery: (query: string | null) => void;
  /** The options the list shows now (narrowed by the query). */
  options: readonly ComboboxOption[];
  /** Ids of the chosen options. */
  selected: readonly string[];
  /** Several choices: picking an option adds or removes it, and the list stays open. */
  multiselect?: boolean;
  /** The list's one line when it has no options: nothing matches, "Mente du Bærum?", or still loading. */
  emptyLine: string;
  onPick: (id: string) => void;
  /** The typed text, when the user confirms it with Enter while no option is active, or leaves the box. */
  onCommit: (text: string, how: "enter" | "leave") => void;
  /** Why the typed text was not accepted. */
  error?: string | null;
  /** The user has started to use the box (focus or typing): the moment to fetch what the search needs. */
  onUse?: () => void;
}

/** Where Down/Up move the active option from `at` among `count` options (wrapping), or where they start when none is active. */
function moved(at: number | null, count: number, step: 1 | -1, start: number): number | null {
  if (count === 0) return null;
  if (at === null) return start;
  return (at + step + count) % count;
}

export function SearchCombobox(props: SearchComboboxProps) {
  const { label, hint, placeholder, display, query, onQuery, options, selected, multiselect = false, emptyLine, onPick, onCommit, error, onUse } = props;
  const listId = useId();
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState<number | null>(null);
  const activeOption = open && active !== null ? options[active] : undefined;
  const optionId = (o: ComboboxOption) => `${listId}-${o.id}`;

  // The options change as the user types: an active option that is gone is no longer active.
  useEffect(() => {
    if (active !== null && active >= options.length) setActive(null);
  }, [active, options.length]);

  useEffect(() => {
    if (activeOption) document.getElementById(optionId(activeOption))?.scrollIntoView?.({ block: "nearest" });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [activeOption?.id]);

  const close = () => {
    setOpen(false);
    setActive(null);
  };

  const pick = (o: ComboboxOption) => {
    onPick(o.id);
    if (!multiselect) close();
  };

  /** Where the list starts when opened by a key: at the choice (one choice) or the first / last option. */
  const startAt = (step: 1 | -1): number => {
    const chosen = multiselect ? -1 : options.findIndex((o) => selected.includes(o.id));
    return chosen >= 0 ? chosen : step === 1 ? 0 : options.length - 1;
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    const step = event.key === "ArrowDown" ? 1 : -1;
    switch (event.key) {
      case "ArrowDown":
      case "ArrowUp":
        event.preventDefault();
        onUse?.();
        if (!open) {
          setOpen(true);
          if (!event.altKey) setActive(moved(null, options.length, step, startAt(step)));
        } else if (!event.altKey) setActive(moved(active, options.length, step, startAt(step)));
        return;
      case "Home":
      case "End":
        // With an option active they move in the list; otherwise they move the caret in the text.
        if (activeOption) {
          event.preventDefault();
          setActive(event.key === "Home" ? 0 : options.length - 1);
        }
        return;
      case "Enter":
        if (activeOption) {
          event.preventDefault();
          pick(activeOption);
        } else if (query !== null) {
          event.preventDefault();
          close();
          onCommit(query, "enter");
        }
        return;
      case "Escape":
        if (open) {
          event.preventDefault();
          close();
        } else if (query !== null) {
          event.preventDefault();
          onQuery(null);
        }
        return;
      case "Tab":
        close();
        return;
    }
  };

  return (
    <Field label={label} hint={hint} validationState={error ? "error" : "none"} validationMessage={error || undefined}>
      <div className={styles.anchor}>
        <Input
          className={cx(shared.narrow, styles.input)}
          role="combobox"
          aria-autocomplete="list"
          aria-expanded={open}
          aria-controls={listId}
          aria-activedescendant={activeOption ? optionId(activeOption) : undefined}
          autoComplete="off"
          placeholder={placeholder}
          value={query ?? display}
          onChange={(_, data) => {
            onUse?.();
            onQuery(data.value);
            setOpen(true);
            setActive(null);
          }}
          onClick={() => {
            onUse?.();
            if (open) close();
            else setOpen(true);
          }}
          onFocus={onUse}
          onKeyDown={onKeyDown}
          onBlur={() => {
            close();
            if (query !== null) onCommit(query, "leave");
          }}
        />
        <div id={listId} role="listbox" aria-label={label} aria-multiselectable={multiselect || undefined} className={styles.list} hidden={!open}>
          {/* The options exist only while the list is open: hundreds of hidden ones would weigh on every render of the form. */}
          {open &&
            options.map((o, i) => {
              const isChosen = selected.includes(o.id);
              return (
                <div
                  key={o.id}
                  id={optionId(o)}
                  role="option"
                  aria-selected={isChosen}
                  className={cx(styles.option, i === active && styles.active, isChosen && styles.chosen)}
                  // The box keeps the focus (and so does not commit its text) while an option is clicked.
                  onMouseDown={(event) => event.preventDefault()}
                  onMouseMove={() => i !== active && setActive(i)}
                  onClick={() => pick(o)}
                >
                  {/* Several choices: a mark says which are chosen (one choice is set in bold only). */}
                  {multiselect && (
                    <span aria-hidden="true" className={styles.mark}>
                      {isChosen ? "✓" : ""}
                    </span>
                  )}
                  <span>{o.label}</span>
                </div>
              );
            })}
          {open && options.length === 0 && (
            <div role="option" aria-disabled="true" aria-selected={false} className={styles.note}>
              {emptyLine}
            </div>
          )}
        </div>
      </div>
    </Field>
  );
}

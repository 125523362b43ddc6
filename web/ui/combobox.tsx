import { type KeyboardEvent, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FieldNotes, type Option } from './field.tsx';

interface ComboboxProps {
  label: string;
  /** The chosen options, in order; labels come from the caller, who knows the records. */
  selected: Option[];
  onChange: (selected: Option[]) => void;
  /** Asked for matches as the user types; the caller searches the server, so no list is capped. */
  loadOptions: (query: string, signal: AbortSignal) => Promise<Option[]>;
  /** At most one choice: picking replaces it (for a single reference such as an agreement). */
  isSingle?: boolean;
  error?: string | undefined;
  hint?: string | undefined;
  name?: string;
}

const searchDelayMs = 150;

/**
 * A labelled multi-select following the WAI-ARIA combobox pattern: type to filter, arrows to
 * move, Enter to pick, Escape to close, Backspace on an empty box to drop the last choice.
 * Choices show as removable chips above the box. The list closes on a pick, on blur and on Escape.
 */
export function Combobox({
  label,
  selected,
  onChange,
  loadOptions,
  isSingle,
  error,
  hint,
  name,
}: ComboboxProps) {
  const { t } = useTranslation();
  const id = useId();
  const listId = `${id}-list`;
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const [query, setQuery] = useState('');
  const [isOpen, setIsOpen] = useState(false);
  const [options, setOptions] = useState<Option[]>([]);
  const [isLoading, setIsLoading] = useState(false);
  const [activeIndex, setActiveIndex] = useState(0);
  const inputRef = useRef<HTMLInputElement>(null);
  const listRef = useRef<HTMLDivElement>(null);
  // The latest loader without re-running the search effect each render (callers pass closures).
  const loadRef = useRef(loadOptions);
  loadRef.current = loadOptions;

  useEffect(() => {
    if (!isOpen) return;
    const controller = new AbortController();
    setIsLoading(true);
    const timer = setTimeout(() => {
      loadRef.current(query.trim(), controller.signal).then(
        (found) => {
          setOptions(found);
          setActiveIndex(0);
          setIsLoading(false);
        },
        () => {
          // An aborted or failed search leaves the previous matches; typing again retries.
          if (!controller.signal.aborted) setIsLoading(false);
        },
      );
    }, searchDelayMs);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [query, isOpen]);

  const chosen = new Set(selected.map((option) => option.value));
  const visible = options.filter((option) => !chosen.has(option.value));
  const active = visible[Math.min(activeIndex, visible.length - 1)];
  const optionId = (index: number) => `${id}-option-${index}`;

  // Picking closes the list even in a multi-select: an open list hangs over what follows (the
  // form's Save among it), and typing or ArrowDown brings it back for the next choice.
  function pick(option: Option) {
    onChange(isSingle ? [option] : [...selected, option]);
    setQuery('');
    setIsOpen(false);
    inputRef.current?.focus();
  }

  function remove(value: string) {
    onChange(selected.filter((option) => option.value !== value));
    inputRef.current?.focus();
  }

  function handleKey(event: KeyboardEvent<HTMLInputElement>) {
    switch (event.key) {
      case 'ArrowDown':
        event.preventDefault();
        if (!isOpen) setIsOpen(true);
        else setActiveIndex((index) => Math.min(index + 1, Math.max(visible.length - 1, 0)));
        break;
      case 'ArrowUp':
        event.preventDefault();
        setActiveIndex((index) => Math.max(index - 1, 0));
        break;
      case 'Enter':
        // Enter picks while the list is open; otherwise it submits the form as usual.
        if (isOpen && active) {
          event.preventDefault();
          pick(active);
        }
        break;
      case 'Escape':
        if (isOpen) {
          event.preventDefault();
          setIsOpen(false);
        }
        break;
      case 'Backspace': {
        const last = selected.at(-1);
        if (query === '' && last) remove(last.value);
        break;
      }
    }
  }

  const activeVisibleIndex = active ? visible.indexOf(active) : -1;

  // The list is bounded in height, so arrowing past its edge must scroll the active option in.
  useEffect(() => {
    if (isOpen && activeVisibleIndex >= 0)
      listRef.current?.children[activeVisibleIndex]?.scrollIntoView({ block: 'nearest' });
  }, [isOpen, activeVisibleIndex]);

  return (
    <div className={error ? 'field field-invalid combobox' : 'field combobox'}>
      <label htmlFor={id}>{label}</label>
      {selected.length > 0 && (
        <ul className="chips" aria-label={t('combobox.selected', { label })}>
          {selected.map((option) => (
            <li key={option.value}>
              <span>{option.label}</span>
              <button
                type="button"
                className="chip-remove"
                aria-label={t('combobox.remove', { label: option.label })}
                onClick={() => remove(option.value)}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className="combobox-box">
        <input
          ref={inputRef}
          id={id}
          name={name}
          type="text"
          role="combobox"
          autoComplete="off"
          aria-autocomplete="list"
          aria-expanded={isOpen}
          aria-controls={listId}
          aria-activedescendant={isOpen && activeVisibleIndex >= 0 ? optionId(activeVisibleIndex) : undefined}
          aria-invalid={error ? true : undefined}
          aria-describedby={[hintId, errorId].filter(Boolean).join(' ') || undefined}
          placeholder={t('combobox.placeholder')}
          value={query}
          onChange={(event) => {
            setQuery(event.target.value);
            setIsOpen(true);
          }}
          // Opens on typing, ArrowDown or a click, not on focus: tabbing through a form must not
          // drop a list over the fields and buttons below.
          onClick={() => setIsOpen(true)}
          onBlur={() => setIsOpen(false)}
          onKeyDown={handleKey}
        />
        <div
          ref={listRef}
          id={listId}
          role="listbox"
          aria-label={label}
          className="combobox-list"
          hidden={!isOpen}
        >
          {visible.map((option, index) => (
            <div
              key={option.value}
              id={optionId(index)}
              role="option"
              // Focus stays in the text box (aria-activedescendant); -1 only satisfies focusability.
              tabIndex={-1}
              aria-selected={index === activeVisibleIndex}
              className={index === activeVisibleIndex ? 'is-active' : undefined}
              // mousedown, not click: the input's blur would close the list before a click lands.
              onMouseDown={(event) => {
                event.preventDefault();
                pick(option);
              }}
            >
              {option.label}
            </div>
          ))}
        </div>
        {isOpen && visible.length === 0 && (
          <p className="combobox-empty muted" role="status">
            {isLoading ? t('app.loading') : t('combobox.noMatches')}
          </p>
        )}
      </div>
      <FieldNotes hint={hint} hintId={hintId} error={error} errorId={errorId} />
    </div>
  );
}

/**
 * A choice shown as the document prints it: the chosen value is laid out as text (wrapping, bold, on
 * several lines — what a `<select>` cannot show), and a transparent `<select>` over it opens the list when
 * the text is clicked or the field is reached with the keyboard. Used for the signature's authority line
 * and a tally row's award form.
 */
import type { ReactNode } from 'react';

/** One choice. */
export interface SelectOption {
  value: string;
  label: string;
}

/** Choices under a heading (`<optgroup>`). */
export interface SelectGroup {
  label: string;
  options: readonly SelectOption[];
}

/** Props of {@link OverlaySelect}. */
export interface OverlaySelectProps {
  value: string;
  onChange(value: string): void;
  /** Grouped choices; a group with an empty label is listed without a heading. */
  groups: readonly SelectGroup[];
  disabled?: boolean;
  label: string;
  testId?: string;
  className?: string;
  /** What the document shows for the current value. */
  children: ReactNode;
}

/** See the module comment. */
export function OverlaySelect({ value, onChange, groups, disabled = false, label, testId, className = '', children }: OverlaySelectProps) {
  return (
    <span className={`overlay-select ${disabled ? 'is-disabled' : ''} ${className}`}>
      <span className="overlay-select-text">{children}</span>
      <select
        className="overlay-select-control"
        value={value}
        disabled={disabled}
        aria-label={label}
        title={label}
        data-testid={testId}
        onChange={(event) => onChange(event.target.value)}
      >
        {groups.map((group, index) =>
          group.label === '' ? (
            group.options.map((option) => (
              <option key={option.value} value={option.value}>
                {option.label}
              </option>
            ))
          ) : (
            <optgroup key={`${index}-${group.label}`} label={group.label}>
              {group.options.map((option) => (
                <option key={option.value} value={option.value}>
                  {option.label}
                </option>
              ))}
            </optgroup>
          ),
        )}
      </select>
    </span>
  );
}

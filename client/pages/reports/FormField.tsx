import { useId, type ReactNode } from 'react';

export interface ControlProps {
  id: string;
  'aria-invalid': boolean;
  'aria-describedby': string | undefined;
}

interface FormFieldProps {
  label: string;
  hint?: string;
  /** Shown under the control, which is then marked invalid. */
  error?: string | null;
  className?: string;
  children: (control: ControlProps) => ReactNode;
}

/** A labelled control with its hint and its error next to it, both read with the control. */
export function FormField({ label, hint, error, className, children }: FormFieldProps) {
  const id = useId();
  const described = [hint && `${id}-hint`, error && `${id}-error`].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`reports-field${error ? ' reports-field--invalid' : ''}${className ? ` ${className}` : ''}`}>
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <p id={`${id}-hint`} className="reports-field__hint">
          {hint}
        </p>
      ) : null}
      {children({ id, 'aria-invalid': !!error, 'aria-describedby': described })}
      {error ? (
        <p id={`${id}-error`} className="reports-field__error">
          {error}
        </p>
      ) : null}
    </div>
  );
}

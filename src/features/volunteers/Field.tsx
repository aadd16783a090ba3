import { useId, type ReactNode } from 'react';

/** A labelled form control: the label names the control (by `for`), and nothing else does. */
export function Field({ label, children }: { label: string; children: (id: string) => ReactNode }) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {children(id)}
    </div>
  );
}

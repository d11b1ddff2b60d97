import { inputClass } from "./styles";

type FieldProps = {
  name: string;
  /** Distinguishes ids when two forms on one page have a field of the same name. */
  form?: string;
  label: string;
  error?: string;
  /** May hold markup: code and names a translation leaves alone (translate="no"). */
  hint?: React.ReactNode;
  children?: (props: { id: string; "aria-invalid": boolean; "aria-describedby"?: string; className: string }) => React.ReactNode;
} & Omit<React.InputHTMLAttributes<HTMLInputElement>, "children">;

/** A labelled control whose error is tied to it with aria-describedby, as screen readers expect. */
export function Field({ name, form = "field", label, error, hint, children, ...input }: FieldProps) {
  const id = `${form}-${name}`;
  const describedBy = [error ? `${id}-error` : null, hint ? `${id}-hint` : null].filter(Boolean).join(" ") || undefined;
  const controlProps = { id, "aria-invalid": Boolean(error), "aria-describedby": describedBy, className: inputClass };
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-sm font-medium">
        {label}
      </label>
      {children ? children(controlProps) : <input name={name} {...controlProps} {...input} />}
      {hint ? (
        <p id={`${id}-hint`} className="text-xs text-muted">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={`${id}-error`} className="text-sm text-danger">
          {error}
        </p>
      ) : null}
    </div>
  );
}

/* eslint-disable no-restricted-syntax, react/jsx-no-literals -- issue 19: this file's UI text is not yet in the message catalogs */
import { Field } from "./field";

/** The service chooser every form uses (declare incident, record deployment, file a change). */
export function ServiceField({
  form,
  services,
  value,
  error,
  onChange,
}: {
  form: string;
  services: { slug: string; name: string }[];
  value?: string;
  error?: string;
  /** For a form whose other fields follow the service (the declare form's suggested lead). */
  onChange?: (slug: string) => void;
}) {
  return (
    <Field form={form} name="service" label="Service" error={error}>
      {(props) => (
        <select name="service" defaultValue={value ?? ""} onChange={onChange && ((e) => onChange(e.target.value))} {...props}>
          <option value="" disabled>
            Choose a service
          </option>
          {services.map((s) => (
            <option key={s.slug} value={s.slug}>
              {s.name}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

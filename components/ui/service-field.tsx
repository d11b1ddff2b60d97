import { Field } from "./field";

/** The service chooser every form uses (declare incident, record deployment, file a change). */
export function ServiceField({ form, services, value, error }: { form: string; services: { slug: string; name: string }[]; value?: string; error?: string }) {
  return (
    <Field form={form} name="service" label="Service" error={error}>
      {(props) => (
        <select name="service" defaultValue={value ?? ""} {...props}>
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

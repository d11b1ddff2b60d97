import { useTranslations } from "next-intl";
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
  const t = useTranslations();
  return (
    <Field form={form} name="service" label={t("Terms.nouns.service")} error={error}>
      {(props) => (
        <select name="service" defaultValue={value ?? ""} onChange={onChange && ((e) => onChange(e.target.value))} {...props}>
          <option value="" disabled>
            {t("UI.chooseService")}
          </option>
          {services.map((s) => (
            <option key={s.slug} value={s.slug} translate="no">
              {s.name}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

/** A select of the departments an account may belong to: active ones, and the current one even if disabled. */
import type { Department } from '../../../../common/account.js';
import { useT } from '../../i18n/locale.js';

interface DepartmentSelectProps {
  departments: readonly Department[];
  /** The chosen department's id; '' for none. */
  value: string;
  onChange(value: string): void;
  required?: boolean;
  disabled?: boolean;
  testId: string;
  label: string;
}

/** "— Không thuộc phòng nào —" then the departments. */
export function DepartmentSelect({ departments, value, onChange, required, disabled, testId, label }: DepartmentSelectProps) {
  const t = useT();
  const options = departments.filter((department) => !department.disabled || department.id === value);
  return (
    <select data-testid={testId} aria-label={label} value={value} required={required} disabled={disabled} onChange={(event) => onChange(event.target.value)}>
      <option value="">{t.admin.users.noDepartment}</option>
      {options.map((department) => (
        <option key={department.id} value={department.id} disabled={department.disabled}>
          {department.name}
        </option>
      ))}
    </select>
  );
}

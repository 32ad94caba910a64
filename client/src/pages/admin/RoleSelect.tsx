/** A select of the four roles, named in the person's language. */
import { ROLES, type Role } from '../../../../common/access.js';
import { useT } from '../../i18n/locale.js';

interface RoleSelectProps {
  value: Role;
  onChange(value: Role): void;
  disabled?: boolean;
  testId: string;
}

function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

/** Quản trị, Văn phòng, Chuyên viên, Chủ tịch. */
export function RoleSelect({ value, onChange, disabled, testId }: RoleSelectProps) {
  const t = useT();
  return (
    <select
      data-testid={testId}
      aria-label={t.admin.users.role}
      value={value}
      disabled={disabled}
      onChange={(event) => {
        if (isRole(event.target.value)) onChange(event.target.value);
      }}
    >
      {ROLES.map((role) => (
        <option key={role} value={role}>
          {t.account.roles[role]}
        </option>
      ))}
    </select>
  );
}

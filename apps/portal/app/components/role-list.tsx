import { roleLabel } from '../i18n/roles';
import { useTranslation } from '../i18n/use-translation';

export interface RoleView {
  id: number;
  role: string;
  focusArea?: string | null | undefined;
  focusAreaName?: string | null | undefined;
  associationId?: number | null | undefined;
  associationName: string | null;
}

/** "Tovholder (Kvinder)" and the like. */
export function useRoleText() {
  const { t } = useTranslation();
  return (grant: RoleView) => {
    const scope =
      grant.focusAreaName ??
      grant.focusArea ??
      grant.associationName ??
      (grant.associationId ? `#${grant.associationId}` : null);
    return scope ? `${t(roleLabel(grant.role))} (${scope})` : t(roleLabel(grant.role));
  };
}

export function RoleList({ roles }: { roles: readonly RoleView[] }) {
  const { t } = useTranslation();
  const roleText = useRoleText();
  if (roles.length === 0) return <>{t('roles.none')}</>;
  return (
    <ul className="nobullet-list">
      {roles.map((grant) => (
        <li key={grant.id}>{roleText(grant)}</li>
      ))}
    </ul>
  );
}

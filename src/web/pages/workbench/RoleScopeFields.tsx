import { Form, Radio, Select } from 'antd';
import type { FormListFieldData } from 'antd';
import { useLocale, useT } from '../../i18n/index.tsx';
import { roleName } from '../../i18n/format.ts';
import { roles, type Role } from '../../../common/roles.ts';
import type { Me } from '../../api/types.ts';
import { useOrganizationOptions } from '../../api/org.ts';
import { RegionTreeSelect } from '../../components/RegionTreeSelect.tsx';

export interface RoleScopeValue {
  role: Exclude<Role, 'applicant'>;
  scope: 'region' | 'organization';
  regionId?: number;
  organizationId?: number;
}

/** The API's role input: a role and the region or organization it covers. */
export function toRoleInput(v: RoleScopeValue) {
  if (v.role === 'sys_admin') return { role: v.role };
  return v.scope === 'region' ? { role: v.role, regionId: v.regionId } : { role: v.role, organizationId: v.organizationId };
}

/** Roles an administrator may hand out: every staff role; system administrator only by another. */
export function assignableRoles(me: Me): Exclude<Role, 'applicant'>[] {
  const isSysAdmin = me.roles.some((r) => r.role === 'sys_admin');
  return roles.filter((r): r is Exclude<Role, 'applicant'> => r !== 'applicant' && (r !== 'sys_admin' || isSysAdmin));
}

/** Role, scope kind and scope picker; `prefix` places them inside a Form.List row. */
export function RoleScopeFields({ me, field }: { me: Me; field?: FormListFieldData }) {
  const t = useT();
  const { locale } = useLocale();
  const organizations = useOrganizationOptions();
  const name = (n: string) => (field ? [field.name, n] : n);
  const path = (n: string) => (field ? ['roles', field.name, n] : n);
  return (
    <>
      <Form.Item name={name('role')} label={t('staff.role')} rules={[{ required: true, message: t('form.required', { label: t('staff.role') }) }]}>
        <Select options={assignableRoles(me).map((r) => ({ value: r, label: roleName(r, locale) }))} style={{ minWidth: 180 }} />
      </Form.Item>
      <Form.Item noStyle dependencies={[path('role'), path('scope')]}>
        {({ getFieldValue }) => {
          const role = getFieldValue(path('role'));
          if (role === 'sys_admin') return <div className="form-note">{t('staff.sysAdminScope')}</div>;
          const scope = getFieldValue(path('scope'));
          return (
            <>
              <Form.Item name={name('scope')} label={t('staff.scope')}>
                <Radio.Group
                  options={[
                    { value: 'region', label: t('staff.scopeRegion') },
                    { value: 'organization', label: t('staff.scopeOrganization') },
                  ]}
                />
              </Form.Item>
              {scope === 'organization' ? (
                <Form.Item
                  name={name('organizationId')}
                  label={t('staff.scopeOrganization')}
                  rules={[{ required: true, message: t('form.required', { label: t('staff.scopeOrganization') }) }]}
                >
                  <Select showSearch={{ optionFilterProp: 'label' }} options={(organizations.data ?? []).map((o) => ({ value: o.id, label: o.name }))} />
                </Form.Item>
              ) : (
                <Form.Item
                  name={name('regionId')}
                  label={t('staff.scopeRegion')}
                  rules={[{ required: true, message: t('form.required', { label: t('staff.scopeRegion') }) }]}
                >
                  <RegionTreeSelect />
                </Form.Item>
              )}
            </>
          );
        }}
      </Form.Item>
    </>
  );
}

import { Button, Divider, Form, Modal, Popconfirm, Typography } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useT } from '../../i18n/index.tsx';
import { useFeedback } from '../../components/feedback-context.tsx';
import { api } from '../../api/client.ts';
import { useMe } from '../../api/auth.ts';
import { orgKeys } from '../../api/org.ts';
import type { StaffView } from '../../api/types.ts';
import { useIdempotencyKey } from '../../components/forms.ts';
import { RoleTag } from '../../components/RoleTags.tsx';
import { EmptyHint } from '../../components/PageState.tsx';
import { RoleScopeFields, toRoleInput, type RoleScopeValue } from './RoleScopeFields.tsx';

/** A staff member's roles: take one away, or give one in a region or organization. */
export function StaffRolesModal({ staff, onClose }: { staff: StaffView; onClose: () => void }) {
  const t = useT();
  const { message } = useFeedback();
  const me = useMe().data!;
  const [form] = Form.useForm<RoleScopeValue>();
  const queryClient = useQueryClient();
  const [key, renewKey] = useIdempotencyKey();
  const refresh = () => queryClient.invalidateQueries({ queryKey: orgKeys.staff });
  const add = useMutation({
    mutationFn: (v: RoleScopeValue) => api.post<StaffView>(`/org/staff/${staff.accountId}/roles`, toRoleInput(v), { idempotencyKey: key }),
    onSuccess: async () => {
      message.success(t('staff.roleAdded'));
      renewKey();
      form.resetFields();
      await refresh();
    },
  });
  const remove = useMutation({
    mutationFn: (roleId: number) => api.delete<StaffView>(`/org/staff/${staff.accountId}/roles/${roleId}`),
    onSuccess: async () => {
      message.success(t('staff.roleRemoved'));
      await refresh();
    },
  });
  return (
    <Modal
      open
      width={560}
      title={t('staff.rolesOf', { name: staff.name })}
      onCancel={onClose}
      footer={<Button onClick={onClose}>{t('action.close')}</Button>}
      destroyOnHidden
    >
      {staff.roles.length === 0 ? (
        <EmptyHint text={t('staff.noRoles')} />
      ) : (
        <div className="role-rows">
          {staff.roles.map((r) => (
            <div className="role-row" key={r.id}>
              <RoleTag role={r} />
              <Popconfirm title={t('staff.removeRoleConfirm')} onConfirm={() => remove.mutate(r.id)} disabled={staff.roles.length === 1}>
                <Button type="link" danger size="small" disabled={staff.roles.length === 1} loading={remove.isPending && remove.variables === r.id}>
                  {t('action.remove')}
                </Button>
              </Popconfirm>
            </div>
          ))}
          {staff.roles.length === 1 && <Typography.Text type="secondary">{t('staff.lastRoleHint')}</Typography.Text>}
        </div>
      )}
      <Divider titlePlacement="start">{t('staff.addRole')}</Divider>
      <Form form={form} layout="vertical" initialValues={{ role: 'clerk', scope: 'region' }} onFinish={(v) => add.mutate(v)}>
        <RoleScopeFields me={me} />
        <Button type="primary" htmlType="submit" loading={add.isPending}>
          {t('staff.addRole')}
        </Button>
      </Form>
    </Modal>
  );
}

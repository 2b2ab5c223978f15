import { Button, Card, Drawer, Form, Input, Select, Space } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useT } from '../../i18n/index.tsx';
import { useFeedback } from '../../components/feedback-context.tsx';
import { api } from '../../api/client.ts';
import { useMe } from '../../api/auth.ts';
import { orgKeys, useOrganizationOptions } from '../../api/org.ts';
import type { StaffView } from '../../api/types.ts';
import { nullIfEmpty, rules, showFieldError, useIdempotencyKey } from '../../components/forms.ts';
import { RoleScopeFields, toRoleInput, type RoleScopeValue } from './RoleScopeFields.tsx';

interface StaffForm {
  username: string;
  password: string;
  name: string;
  organizationId: number;
  title?: string;
  phone?: string;
  roles: RoleScopeValue[];
}

/** Add a staff account with its organization, an initial password and one or more scoped roles. */
export function StaffDrawer({ onClose }: { onClose: () => void }) {
  const t = useT();
  const { message } = useFeedback();
  const me = useMe().data!;
  const [form] = Form.useForm<StaffForm>();
  const queryClient = useQueryClient();
  const organizations = useOrganizationOptions();
  const [key] = useIdempotencyKey();
  const save = useMutation({
    mutationFn: (v: StaffForm) =>
      api.post<StaffView>(
        '/org/staff',
        {
          username: v.username.trim(),
          password: v.password,
          name: v.name.trim(),
          organizationId: v.organizationId,
          title: nullIfEmpty(v.title),
          phone: nullIfEmpty(v.phone),
          roles: v.roles.map(toRoleInput),
        },
        { idempotencyKey: key },
      ),
    onSuccess: async (s) => {
      message.success(t('staff.created', { name: s.name }));
      await queryClient.invalidateQueries({ queryKey: orgKeys.staff });
      onClose();
    },
    onError: (error) => showFieldError(form, error),
  });

  return (
    <Drawer
      open
      size={600}
      title={t('staff.create')}
      onClose={onClose}
      destroyOnHidden
      extra={
        <Space>
          <Button onClick={onClose}>{t('action.cancel')}</Button>
          <Button type="primary" loading={save.isPending} onClick={() => form.submit()}>
            {t('action.save')}
          </Button>
        </Space>
      }
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ organizationId: me.staff?.organizationId, roles: [{ role: 'clerk', scope: 'region' }] }}
        onFinish={(v) => save.mutate(v)}
        scrollToFirstError
      >
        <Form.Item name="name" label={t('staff.name')} rules={[rules.required(t, t('staff.name'))]}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item
          name="username"
          label={t('auth.username')}
          extra={t('register.usernameHint')}
          rules={[rules.required(t, t('auth.username')), rules.username(t)]}
        >
          <Input maxLength={64} autoComplete="off" />
        </Form.Item>
        <Form.Item
          name="password"
          label={t('staff.initialPassword')}
          extra={t('form.passwordPolicy')}
          dependencies={['username']}
          rules={[rules.required(t, t('staff.initialPassword')), rules.password(t, () => form.getFieldValue('username'))]}
        >
          <Input.Password maxLength={128} autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          name="organizationId"
          label={t('staff.organization')}
          rules={[{ required: true, message: t('form.required', { label: t('staff.organization') }) }]}
        >
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            loading={organizations.isPending}
            options={(organizations.data ?? []).map((o) => ({ value: o.id, label: o.name }))}
          />
        </Form.Item>
        <Form.Item name="title" label={t('staff.title')}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="phone" label={t('staff.phone')} rules={[rules.phone(t)]}>
          <Input maxLength={20} />
        </Form.Item>
        <Form.List name="roles">
          {(fields, { add, remove }) => (
            <>
              {fields.map((field, i) => (
                <Card
                  key={field.key}
                  size="small"
                  className="block-gap"
                  title={t('staff.roleN', { n: i + 1 })}
                  extra={
                    fields.length > 1 && (
                      <Button type="text" danger icon={<DeleteOutlined />} onClick={() => remove(field.name)} aria-label={t('action.remove')} />
                    )
                  }
                >
                  <RoleScopeFields me={me} field={field} />
                </Card>
              ))}
              <Button type="dashed" block icon={<PlusOutlined />} onClick={() => add({ role: 'clerk', scope: 'region' })} disabled={fields.length >= 10}>
                {t('staff.addRole')}
              </Button>
            </>
          )}
        </Form.List>
      </Form>
    </Drawer>
  );
}

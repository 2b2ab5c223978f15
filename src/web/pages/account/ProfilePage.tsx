import { Button, Card, Col, Descriptions, Form, Input, Row } from 'antd';
import { LogoutOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { useT } from '../../i18n/index.tsx';
import { useFeedback } from '../../components/feedback-context.tsx';
import { api } from '../../api/client.ts';
import { useLogout, useMe } from '../../api/auth.ts';
import { rules, showFieldError } from '../../components/forms.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { RoleTags } from '../../components/RoleTags.tsx';
import { SessionsTable } from './SessionsTable.tsx';

interface PasswordForm {
  currentPassword: string;
  newPassword: string;
  confirm: string;
}

/** 个人设置: who I am (masked), change password (ends my other sessions), my sessions, sign out. */
export function ProfilePage() {
  const t = useT();
  const { message } = useFeedback();
  const me = useMe().data!;
  const navigate = useNavigate();
  const logout = useLogout();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<PasswordForm>();
  const change = useMutation({
    mutationFn: (v: PasswordForm) => api.post('/auth/password', { currentPassword: v.currentPassword, newPassword: v.newPassword }),
    onSuccess: () => {
      message.success(t('profile.passwordChanged'));
      form.resetFields();
      void queryClient.invalidateQueries({ queryKey: ['sessions'] });
    },
    onError: (error) => showFieldError(form, error),
  });
  const a = me.applicant;
  const items = [
    { key: 'name', label: t('profile.displayName'), children: me.displayName },
    { key: 'username', label: t('auth.username'), children: <span className="mono">{me.username}</span> },
    { key: 'kind', label: t('profile.accountKind'), children: me.kind === 'staff' ? t('profile.kindStaff') : t('profile.kindApplicant') },
    ...(me.staff
      ? [
          { key: 'org', label: t('staff.organization'), children: [me.staff.organizationName, me.staff.title].filter(Boolean).join(' · ') },
          { key: 'phone', label: t('staff.phone'), children: <span className="mono">{me.staff.phone ?? '—'}</span> },
        ]
      : []),
    ...(a
      ? [
          { key: 'id', label: a.kind === 'enterprise' ? t('register.creditCode') : t('register.idCard'), children: <span className="mono">{a.idNumber}</span> },
          { key: 'aphone', label: t('register.phone'), children: <span className="mono">{a.phone ?? '—'}</span> },
        ]
      : []),
    { key: 'roles', label: t('home.rolesAndScopes'), children: <RoleTags roles={me.roles} />, span: 2 },
  ];
  return (
    <div className="account-page" data-testid="profile-page">
      <PageHeader
        title={t('profile.title')}
        extra={
          <Button danger icon={<LogoutOutlined />} loading={logout.isPending} onClick={() => logout.mutate(undefined, { onSettled: () => navigate('/') })}>
            {t('auth.logout')}
          </Button>
        }
      />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={14}>
          <Card title={t('profile.basic')} className="full-height">
            <Descriptions column={{ xs: 1, md: 2 }} items={items} />
          </Card>
        </Col>
        <Col xs={24} xl={10}>
          <Card title={t('profile.changePassword')} className="full-height">
            <Form form={form} layout="vertical" onFinish={(v) => change.mutate(v)}>
              <Form.Item name="currentPassword" label={t('profile.currentPassword')} rules={[rules.required(t, t('profile.currentPassword'))]}>
                <Input.Password autoComplete="current-password" maxLength={128} />
              </Form.Item>
              <Form.Item
                name="newPassword"
                label={t('profile.newPassword')}
                extra={t('form.passwordPolicy')}
                rules={[rules.required(t, t('profile.newPassword')), rules.password(t, () => me.username)]}
              >
                <Input.Password autoComplete="new-password" maxLength={128} />
              </Form.Item>
              <Form.Item
                name="confirm"
                label={t('register.confirmPassword')}
                dependencies={['newPassword']}
                rules={[
                  rules.required(t, t('register.confirmPassword')),
                  ({ getFieldValue }) => ({
                    validator: (_r, value) =>
                      !value || value === getFieldValue('newPassword') ? Promise.resolve() : Promise.reject(new Error(t('form.passwordMismatch'))),
                  }),
                ]}
              >
                <Input.Password autoComplete="new-password" maxLength={128} />
              </Form.Item>
              <Button type="primary" htmlType="submit" loading={change.isPending}>
                {t('profile.changePassword')}
              </Button>
            </Form>
          </Card>
        </Col>
        <Col xs={24}>
          <Card title={t('sessions.title')}>
            <SessionsTable />
          </Card>
        </Col>
      </Row>
    </div>
  );
}

import { Alert, Button, Card, Form, Input, Tag, Typography } from 'antd';
import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router';
import { useLocale, useT } from '../../i18n/index.tsx';
import { formatDateTime } from '../../i18n/format.ts';
import { homeOf, useLogin, useMe } from '../../api/auth.ts';
import { isApiError } from '../../api/client.ts';
import { usePageTitle } from '../../components/usePageTitle.ts';

const demoAccounts = ['clerk1', 'centeradmin', 'supervisor1', 'approver1', 'citizen1', 'enterprise1'];
const showDemoHint = import.meta.env.VITE_DEMO_HINT !== 'off';

/** Only same-site paths: `?next=https://evil.example` must not redirect away. */
export function safeNext(next: string | null): string | null {
  return next && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/\\') ? next : null;
}

export function LoginPage() {
  const t = useT();
  const { locale } = useLocale();
  usePageTitle(t('auth.login'));
  const me = useMe();
  const login = useLogin();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [form] = Form.useForm<{ username: string; password: string }>();
  const next = safeNext(params.get('next'));

  if (me.data && !login.isSuccess) return <Navigate to={next ?? homeOf(me.data)} replace />;

  const onFinish = (values: { username: string; password: string }) =>
    login.mutate(
      { username: values.username.trim(), password: values.password },
      { onSuccess: (reply) => navigate(next ?? homeOf(reply.user), { replace: true }) },
    );

  const error = login.error;
  const lockedUntil = isApiError(error, 'ACCOUNT_LOCKED') ? (error.details as { lockedUntil?: string } | null)?.lockedUntil : undefined;

  return (
    <div className="auth-page">
      <Card className="auth-card" title={<span className="auth-card-title">{t('auth.loginTitle')}</span>}>
        <Typography.Paragraph type="secondary">{t('auth.loginIntro')}</Typography.Paragraph>
        {error && (
          <Alert
            type="error"
            showIcon
            className="auth-alert"
            data-testid="login-error"
            title={error.message}
            description={lockedUntil ? t('auth.lockedUntil', { time: formatDateTime(lockedUntil, locale) }) : undefined}
          />
        )}
        <Form form={form} layout="vertical" onFinish={onFinish} requiredMark={false} size="large">
          <Form.Item name="username" label={t('auth.username')} rules={[{ required: true, whitespace: true, message: t('auth.usernameRequired') }]}>
            <Input prefix={<UserOutlined />} autoComplete="username" autoFocus placeholder={t('auth.usernamePlaceholder')} />
          </Form.Item>
          <Form.Item name="password" label={t('auth.password')} rules={[{ required: true, message: t('auth.passwordRequired') }]}>
            <Input.Password prefix={<LockOutlined />} autoComplete="current-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={login.isPending} data-testid="login-submit">
            {t('auth.login')}
          </Button>
        </Form>
        <div className="auth-footer">
          {t('auth.noAccount')} <Link to="/register">{t('auth.registerNow')}</Link>
        </div>
        {showDemoHint && (
          <Alert
            className="auth-demo"
            type="info"
            title={t('auth.demoHint')}
            description={
              <div>
                <div className="auth-demo-text">{t('auth.demoAccounts')}</div>
                {demoAccounts.map((u) => (
                  <Tag key={u} className="auth-demo-tag" onClick={() => form.setFieldsValue({ username: u })}>
                    {u}
                  </Tag>
                ))}
              </div>
            }
          />
        )}
      </Card>
    </div>
  );
}

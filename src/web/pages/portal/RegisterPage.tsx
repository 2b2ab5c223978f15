import { Alert, Button, Card, Form, Input, Radio, Typography } from 'antd';
import { useMutation } from '@tanstack/react-query';
import { Link, useNavigate } from 'react-router';
import { useT } from '../../i18n/index.tsx';
import { api } from '../../api/client.ts';
import { useLogin } from '../../api/auth.ts';
import { nullIfEmpty, rules, showFieldError, useIdempotencyKey } from '../../components/forms.ts';
import { usePageTitle } from '../../components/usePageTitle.ts';

interface RegisterForm {
  kind: 'person' | 'enterprise';
  name: string;
  idNumber: string;
  legalRepresentative?: string;
  phone?: string;
  username: string;
  password: string;
  confirm: string;
}

/** 实名注册: a person with an ID card number or an enterprise with its unified social credit code. */
export function RegisterPage() {
  const t = useT();
  usePageTitle(t('auth.registerTitle'));
  const navigate = useNavigate();
  const [form] = Form.useForm<RegisterForm>();
  const kind = Form.useWatch('kind', form) ?? 'person';
  const [key, renewKey] = useIdempotencyKey();
  const login = useLogin();
  const register = useMutation({
    mutationFn: (v: RegisterForm) =>
      api.post<{ accountId: number; applicantId: number }>(
        '/auth/register',
        {
          kind: v.kind,
          name: v.name.trim(),
          idNumber: v.idNumber.trim().toUpperCase(),
          legalRepresentative: v.kind === 'enterprise' ? nullIfEmpty(v.legalRepresentative) : null,
          phone: nullIfEmpty(v.phone),
          username: v.username.trim(),
          password: v.password,
        },
        { idempotencyKey: key },
      ),
    onError: (error) => showFieldError(form, error),
  });

  const onFinish = (v: RegisterForm) =>
    register.mutate(v, {
      onSuccess: () => {
        renewKey();
        login.mutate({ username: v.username.trim(), password: v.password }, { onSuccess: () => navigate('/my', { replace: true }) });
      },
    });

  return (
    <div className="auth-page">
      <Card className="auth-card auth-card-wide" title={<span className="auth-card-title">{t('auth.registerTitle')}</span>}>
        <Typography.Paragraph type="secondary">{t('auth.registerIntro')}</Typography.Paragraph>
        {login.isError && <Alert type="warning" showIcon className="auth-alert" title={t('auth.registeredLoginFailed')} />}
        <Form form={form} layout="vertical" onFinish={onFinish} initialValues={{ kind: 'person' }} scrollToFirstError>
          <Form.Item name="kind" label={t('register.kind')}>
            <Radio.Group optionType="button" buttonStyle="solid">
              <Radio.Button value="person">{t('register.person')}</Radio.Button>
              <Radio.Button value="enterprise">{t('register.enterprise')}</Radio.Button>
            </Radio.Group>
          </Form.Item>
          <Form.Item
            name="name"
            label={kind === 'person' ? t('register.personName') : t('register.enterpriseName')}
            rules={[rules.required(t, kind === 'person' ? t('register.personName') : t('register.enterpriseName'))]}
          >
            <Input maxLength={200} />
          </Form.Item>
          <Form.Item
            name="idNumber"
            label={kind === 'person' ? t('register.idCard') : t('register.creditCode')}
            extra={kind === 'person' ? t('register.idCardHint') : t('register.creditCodeHint')}
            rules={[
              rules.required(t, kind === 'person' ? t('register.idCard') : t('register.creditCode')),
              kind === 'person' ? rules.idCard(t) : rules.creditCode(t),
            ]}
          >
            <Input maxLength={18} className="mono" />
          </Form.Item>
          {kind === 'enterprise' && (
            <Form.Item name="legalRepresentative" label={t('register.legalRepresentative')} rules={[rules.required(t, t('register.legalRepresentative'))]}>
              <Input maxLength={100} />
            </Form.Item>
          )}
          <Form.Item name="phone" label={t('register.phone')} extra={t('register.phoneHint')} rules={[rules.phone(t)]}>
            <Input maxLength={20} />
          </Form.Item>
          <Form.Item
            name="username"
            label={t('auth.username')}
            extra={t('register.usernameHint')}
            rules={[rules.required(t, t('auth.username')), rules.username(t)]}
          >
            <Input autoComplete="username" maxLength={64} />
          </Form.Item>
          <Form.Item
            name="password"
            label={t('auth.password')}
            extra={t('form.passwordPolicy')}
            dependencies={['username']}
            rules={[rules.required(t, t('auth.password')), rules.password(t, () => form.getFieldValue('username'))]}
          >
            <Input.Password autoComplete="new-password" maxLength={128} />
          </Form.Item>
          <Form.Item
            name="confirm"
            label={t('register.confirmPassword')}
            dependencies={['password']}
            rules={[
              rules.required(t, t('register.confirmPassword')),
              ({ getFieldValue }) => ({
                validator: (_r, value) =>
                  !value || value === getFieldValue('password') ? Promise.resolve() : Promise.reject(new Error(t('form.passwordMismatch'))),
              }),
            ]}
          >
            <Input.Password autoComplete="new-password" maxLength={128} />
          </Form.Item>
          <Button type="primary" htmlType="submit" block size="large" loading={register.isPending || login.isPending} data-testid="register-submit">
            {t('auth.registerSubmit')}
          </Button>
        </Form>
        <div className="auth-footer">
          {t('auth.haveAccount')} <Link to="/login">{t('auth.login')}</Link>
        </div>
      </Card>
    </div>
  );
}

import { Button } from 'antd';
import { GlobalOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { useLocale, useT } from '../i18n/index.tsx';
import { api } from '../api/client.ts';
import { meKey } from '../api/auth.ts';
import type { Me } from '../api/types.ts';

/** 中文 ⇄ English. Remembered in this browser and, when signed in, on the account (SMS language). */
export function LanguageSwitch() {
  const { locale, setLocale } = useLocale();
  const t = useT();
  const queryClient = useQueryClient();
  const next = locale === 'en' ? 'zh-CN' : 'en';
  const onClick = () => {
    setLocale(next);
    if (queryClient.getQueryData<Me | null>(meKey)) void api.patch('/auth/me', { locale: next }).catch(() => {});
    // server texts (errors, validation) come back in the new language
    void queryClient.invalidateQueries({ predicate: (q) => q.state.status === 'error' });
  };
  return (
    <Button type="text" icon={<GlobalOutlined />} onClick={onClick} aria-label={t('lang.switch')} data-testid="language-switch">
      <span className="lang-switch-label">{locale === 'en' ? '中文' : 'English'}</span>
    </Button>
  );
}

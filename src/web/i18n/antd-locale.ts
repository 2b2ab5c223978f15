import type { ConfigProviderProps } from 'antd';
import zhCNModule from 'antd/es/locale/zh_CN.js';
import enUSModule from 'antd/es/locale/en_US.js';
import type { Locale } from '../../common/errors.ts';

type AntdLocale = NonNullable<ConfigProviderProps['locale']>;

/** antd's locale files are ES modules but typed as CommonJS under NodeNext resolution: accept either shape. */
const unwrap = (m: unknown): AntdLocale => (m as { default?: AntdLocale }).default ?? (m as AntdLocale);

export const antdLocales: Record<Locale, AntdLocale> = { 'zh-CN': unwrap(zhCNModule), en: unwrap(enUSModule) };

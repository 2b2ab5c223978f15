import type { ThemeConfig } from 'antd';

const cjkFonts = '"PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", "Source Han Sans SC"';
const latinFonts = '"Segoe UI", Roboto, "Helvetica Neue", Arial';

/** Government blue with the center's red mark; CJK-first font stack. */
export const theme: ThemeConfig = {
  token: {
    colorPrimary: '#1a5fb4',
    colorLink: '#1a5fb4',
    borderRadius: 6,
    fontFamily: `-apple-system, BlinkMacSystemFont, ${cjkFonts}, ${latinFonts}, sans-serif`,
  },
  components: {
    Layout: { headerBg: '#ffffff', headerHeight: 64, headerPadding: '0 24px', siderBg: '#ffffff', bodyBg: '#f3f5f8', footerBg: '#1f2d3d' },
  },
};

/**
 * The theme for the page's language, and for a person who asked their system for less motion
 * (prefers-reduced-motion): then antd's opening, closing and sliding animations are left out, and dialogs and
 * menus appear at once. In English the Latin fonts come first: a CJK font draws ’ and “ ” full-width, as in
 * Chinese text; the CJK fonts still draw the names and data in Chinese.
 */
export function themeFor(locale: 'zh-CN' | 'en', still: boolean): ThemeConfig {
  if (locale === 'zh-CN' && !still) return theme;
  return {
    ...theme,
    token: {
      ...theme.token,
      ...(still ? { motion: false } : {}),
      // "Latin quotes" (styles.css): the quotes and apostrophes of a Latin font where none of these is installed
      ...(locale === 'en' ? { fontFamily: `-apple-system, BlinkMacSystemFont, ${latinFonts}, "Latin quotes", ${cjkFonts}, sans-serif` } : {}),
    },
  };
}

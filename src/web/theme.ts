import type { ThemeConfig } from 'antd';

/** Government blue with the center's red mark; CJK-first font stack. */
export const theme: ThemeConfig = {
  token: {
    colorPrimary: '#1a5fb4',
    colorLink: '#1a5fb4',
    borderRadius: 6,
    fontFamily:
      '-apple-system, BlinkMacSystemFont, "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", "Source Han Sans SC", "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
  },
  components: {
    Layout: { headerBg: '#ffffff', headerHeight: 64, headerPadding: '0 24px', siderBg: '#ffffff', bodyBg: '#f3f5f8', footerBg: '#1f2d3d' },
  },
};

/**
 * The theme for a person who asked their system for less motion (prefers-reduced-motion): antd's opening,
 * closing and sliding animations are left out, and dialogs and menus appear at once.
 */
export const stillTheme: ThemeConfig = { ...theme, token: { ...theme.token, motion: false } };

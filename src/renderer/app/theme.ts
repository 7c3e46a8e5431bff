import { webLightTheme, type Theme } from '@fluentui/react-components';
import { consoleFontFamily } from '../grid/grid-theme';

/**
 * Fluent's light theme at the ConfigMgr console's density: 9 pt (12 px) body text instead of
 * Fluent's 14 px, in Segoe UI where available.
 */
export const consoleTheme: Theme = {
  ...webLightTheme,
  fontFamilyBase: consoleFontFamily,
  fontSizeBase100: '10px',
  fontSizeBase200: '11px',
  fontSizeBase300: '12px',
  fontSizeBase400: '14px',
  lineHeightBase100: '12px',
  lineHeightBase200: '14px',
  lineHeightBase300: '16px',
  lineHeightBase400: '20px',
};

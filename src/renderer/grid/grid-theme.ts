import { themeBalham } from 'ag-grid-community';

/** The console font: Segoe UI where it exists (Windows), then metric-compatible fallbacks. */
export const consoleFontFamily =
  "'Segoe UI', 'Segoe UI Web (West European)', -apple-system, BlinkMacSystemFont, Roboto, 'Helvetica Neue', Arial, 'Liberation Sans', sans-serif";

/**
 * Dense rows like the ConfigMgr result list: 24 px rows, 12 px text, no zebra stripes,
 * Explorer-style light blue selection.
 */
export const consoleGridTheme = themeBalham.withParams({
  fontFamily: consoleFontFamily,
  fontSize: 12,
  headerFontSize: 12,
  headerFontWeight: 400,
  rowHeight: 24,
  headerHeight: 26,
  spacing: 4,
  cellHorizontalPadding: 6,
  accentColor: '#0f6cbd',
  foregroundColor: '#242424',
  headerTextColor: '#424242',
  headerBackgroundColor: '#f5f5f5',
  borderColor: '#e0e0e0',
  oddRowBackgroundColor: '#ffffff',
  rowHoverColor: '#e5f3ff',
  selectedRowBackgroundColor: '#cce8ff',
  wrapperBorder: false,
  wrapperBorderRadius: 0,
  headerColumnBorder: true,
  headerColumnResizeHandleColor: 'transparent',
});

export const gridHeaderHeight = 26;

import { FluentProvider } from '@fluentui/react-components';
import { ConsoleShell } from '../shell/ConsoleShell';
import type { ConsoleRoot } from './console-root';
import { consoleTheme } from './theme';

export function App({ root }: { root: ConsoleRoot }) {
  return (
    <FluentProvider theme={consoleTheme} style={{ height: '100%' }}>
      <ConsoleShell shell={root.shell} />
    </FluentProvider>
  );
}

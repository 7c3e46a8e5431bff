import { app, dialog, Menu, type MenuItemConstructorOptions } from 'electron';

/** File, View and Help: the console's own ribbon does the real work, so the menu stays small. */
export function installApplicationMenu(): void {
  const template: MenuItemConstructorOptions[] = [
    // macOS puts Quit, Hide and friends under the application's name.
    ...(process.platform === 'darwin' ? [{ role: 'appMenu' } as const] : []),
    { label: '&File', submenu: [{ role: 'quit', label: 'E&xit' }] },
    {
      label: '&View',
      submenu: [
        { role: 'reload' },
        { role: 'toggleDevTools' },
        { type: 'separator' },
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
      ],
    },
    {
      label: '&Help',
      submenu: [
        {
          label: 'About Patchbay',
          click: () =>
            void dialog.showMessageBox({
              type: 'info',
              title: 'About Patchbay',
              message: `Patchbay ${app.getVersion()}`,
              detail: 'A console for software update management.',
            }),
        },
      ],
    },
  ];
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}

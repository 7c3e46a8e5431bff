import type { Locator, Page } from 'playwright-core';

/** The console as an admin sees it: workspaces, nodes, lists, ribbon, jobs panel. */
export class ConsolePage {
  constructor(readonly page: Page) {}

  async open(url: string): Promise<void> {
    await this.page.goto(url);
    await this.statusBar.getByText('Connected').waitFor();
  }

  get statusBar(): Locator {
    return this.page.getByRole('contentinfo', { name: 'Status bar' });
  }

  get navigation(): Locator {
    return this.page.getByRole('navigation', { name: 'Navigation' });
  }

  get jobsPanel(): Locator {
    return this.page.getByRole('complementary', { name: 'Jobs' });
  }

  get detailsPane(): Locator {
    return this.page.getByTestId('details-pane');
  }

  get emptyList(): Locator {
    return this.page.getByTestId('empty-list');
  }

  async chooseWorkspace(title: string): Promise<void> {
    await this.navigation.getByRole('tab', { name: title }).click();
  }

  async openNode(title: string): Promise<void> {
    await this.navigation.getByRole('treeitem', { name: title, exact: true }).first().click();
    await this.resultTitle(title).waitFor();
  }

  resultTitle(title: string): Locator {
    return this.page.getByRole('heading', { level: 1, name: title, exact: true });
  }

  async treeNodeTitles(): Promise<string[]> {
    const items = this.navigation.locator('[role="treeitem"] .fui-TreeItemLayout__main');
    return (await items.allInnerTexts()).map((text) => text.trim());
  }

  /** The grid's column headers, left to right (the icon column has no text). */
  async columnHeaders(): Promise<string[]> {
    await this.page.locator('.ag-header-cell').first().waitFor();
    const texts = await this.page.locator('.ag-header-cell .ag-header-cell-text').allInnerTexts();
    return texts.map((text) => text.trim()).filter((text) => text !== '');
  }

  ribbonButton(label: string): Locator {
    return this.page.getByRole('toolbar', { name: 'Home' }).getByRole('button', { name: label });
  }

  gridRows(): Locator {
    // ag-grid 36 renders data rows as .ag-row (no center-cols container any more).
    return this.page.locator('.ag-row');
  }

  async itemCount(): Promise<number> {
    const text = await this.page.getByTestId('item-count').innerText();
    return Number(text.replace(/[^0-9]/g, ''));
  }

  /** The Jobs panel starts closed; the ribbon's Jobs Panel button opens it. */
  async openJobsPanel(): Promise<void> {
    if (await this.jobsPanel.isVisible()) return;
    await this.ribbonButton('Jobs Panel').click();
    await this.jobsPanel.waitFor();
  }

  jobCard(title: string): Locator {
    return this.jobsPanel.getByRole('listitem').filter({ hasText: title }).first();
  }

  async screenshot(name: string): Promise<void> {
    await this.page.screenshot({ path: `test-results/screenshots/${name}.png` });
  }
}

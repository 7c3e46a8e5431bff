import { makeAutoObservable, observable } from 'mobx';
import type { NodeRegistry } from '../nodes/registry';
import type { AnyRow, ConsoleNode, ListNode, ListScope, WorkspaceId } from '../nodes/types';
import type { ConsoleServices } from './console-services';
import { ListStore } from './list-store';
import { ShellLayout } from './shell-layout';

/**
 * Which workspace and node the admin is looking at, the tree's open folders, and the result
 * list stores of the nodes visited so far.
 */
export class ShellStore {
  workspaceId: WorkspaceId;
  readonly layout: ShellLayout;
  readonly expandedNodeIds = observable.set<string>();
  isPropertiesOpen = false;
  /** Ribbon actions still running, so their buttons stay disabled until they finish. */
  readonly runningActionIds = observable.set<string>();
  private readonly nodeByWorkspace = observable.map<WorkspaceId, string>();
  private readonly lists = new Map<string, ListStore<AnyRow>>();
  private stopCurrentList: (() => void) | null = null;

  constructor(
    readonly registry: NodeRegistry,
    readonly services: ConsoleServices,
    initial: { workspaceId: WorkspaceId; nodeId?: string },
  ) {
    this.layout = new ShellLayout(services.preferences);
    this.workspaceId = initial.workspaceId;
    makeAutoObservable<ShellStore, 'lists' | 'stopCurrentList'>(this, {
      registry: false,
      services: false,
      layout: false,
      lists: false,
      stopCurrentList: false,
    });
    for (const workspace of registry.workspaces) this.expandPathTo(workspace.startNodeId);
    this.selectNode(initial.nodeId ?? registry.workspace(initial.workspaceId).startNodeId);
  }

  get workspace() {
    return this.registry.workspace(this.workspaceId);
  }

  get currentNodeId(): string {
    return this.nodeByWorkspace.get(this.workspaceId) ?? this.workspace.startNodeId;
  }

  get currentNode(): ConsoleNode {
    const node = this.registry.get(this.currentNodeId);
    if (!node) throw new Error(`Unknown console node ${this.currentNodeId}.`);
    return node;
  }

  get currentList(): ListStore<AnyRow> | null {
    const node = this.currentNode;
    return node.kind === 'list' ? this.listFor(node) : null;
  }

  get path(): ConsoleNode[] {
    return this.registry.path(this.currentNodeId);
  }

  selectWorkspace(id: WorkspaceId): void {
    this.workspaceId = id;
    this.selectNode(this.currentNodeId);
  }

  selectNode(id: string): void {
    const node = this.registry.get(id);
    if (!node) return;
    this.workspaceId = node.workspace;
    this.nodeByWorkspace.set(node.workspace, id);
    this.expandPathTo(node.parentId);
    this.isPropertiesOpen = false;
    this.stopCurrentList?.();
    this.stopCurrentList = node.kind === 'list' ? this.listFor(node).start() : null;
  }

  /** Opens a node from an action; a list node's scope is set first, so it reads once. */
  openNode(id: string, scope?: ListScope | null): void {
    const node = this.registry.get(id);
    if (!node) return;
    if (node.kind === 'list' && scope !== undefined) this.listFor(node).setScope(scope);
    this.selectNode(id);
  }

  toggleExpanded(id: string, isOpen: boolean): void {
    if (isOpen) this.expandedNodeIds.add(id);
    else this.expandedNodeIds.delete(id);
  }

  /** Whether Properties can open for the selection: one row, or several where the node allows it. */
  get canOpenProperties(): boolean {
    const list = this.currentList;
    if (!list) return false;
    if (list.node.properties) return list.selection.length >= 1;
    return list.selection.length === 1 && list.node.details !== undefined;
  }

  /** Double-click or Enter on a row: the node's own open (a report runs), else Properties. */
  openSelected(): void {
    const list = this.currentList;
    if (list?.node.open) {
      list.node.open({ selection: list.selection, services: this.services, list });
      return;
    }
    this.openProperties();
  }

  openProperties(): void {
    if (this.canOpenProperties) this.isPropertiesOpen = true;
  }

  closeProperties(): void {
    this.isPropertiesOpen = false;
  }

  /** Runs a ribbon action once at a time; a failure becomes a sentence under the ribbon. */
  async runAction(id: string, label: string, run: () => void | Promise<void>): Promise<void> {
    if (this.runningActionIds.has(id)) return;
    this.runningActionIds.add(id);
    try {
      await run();
    } catch (error) {
      this.services.notices.showError(`${label} failed`, error);
    } finally {
      this.finishAction(id);
    }
  }

  private finishAction(id: string): void {
    this.runningActionIds.delete(id);
  }

  refreshCurrent(): void {
    this.currentList?.refresh();
  }

  private listFor(node: ListNode<AnyRow>): ListStore<AnyRow> {
    let list = this.lists.get(node.id);
    if (!list) {
      list = new ListStore(node, this.services);
      this.lists.set(node.id, list);
    }
    return list;
  }

  private expandPathTo(id: string | null): void {
    for (const node of id ? this.registry.path(id) : []) this.expandedNodeIds.add(node.id);
  }
}

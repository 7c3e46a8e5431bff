import type { FluentIcon } from '@fluentui/react-icons';
import type { ConsoleNode, WorkspaceId } from './types';

export interface Workspace {
  readonly id: WorkspaceId;
  readonly title: string;
  readonly icon: FluentIcon;
  /** The node opened when the workspace is chosen for the first time. */
  readonly startNodeId: string;
}

/**
 * Every node of the navigation tree, by id. The tree's shape is the `parentId` links; children
 * keep the order in which they were added. A feature adds its node with one `add` call (see
 * nodes/index.ts) and the tree, ribbon, result list and details pane follow.
 */
export class NodeRegistry {
  private readonly nodes = new Map<string, ConsoleNode>();
  private readonly childIds = new Map<string | null, string[]>();
  private readonly workspaceList: Workspace[] = [];

  addWorkspace(workspace: Workspace): this {
    this.workspaceList.push(workspace);
    return this;
  }

  add(...nodes: ConsoleNode[]): this {
    for (const node of nodes) {
      if (this.nodes.has(node.id)) throw new Error(`Console node ${node.id} is declared twice.`);
      if (node.parentId !== null && !this.nodes.has(node.parentId)) {
        throw new Error(`Console node ${node.id} names parent ${node.parentId}, declared later.`);
      }
      this.nodes.set(node.id, node);
      const siblings = this.childIds.get(node.parentId) ?? [];
      siblings.push(node.id);
      this.childIds.set(node.parentId, siblings);
    }
    return this;
  }

  get workspaces(): readonly Workspace[] {
    return this.workspaceList;
  }

  workspace(id: WorkspaceId): Workspace {
    const workspace = this.workspaceList.find((candidate) => candidate.id === id);
    if (!workspace) throw new Error(`Unknown workspace ${id}.`);
    return workspace;
  }

  get(id: string): ConsoleNode | undefined {
    return this.nodes.get(id);
  }

  children(parentId: string): ConsoleNode[] {
    return (this.childIds.get(parentId) ?? []).flatMap((id) => this.nodes.get(id) ?? []);
  }

  /** The workspace's top nodes (normally one: "Overview"). */
  roots(workspace: WorkspaceId): ConsoleNode[] {
    return (this.childIds.get(null) ?? [])
      .flatMap((id) => this.nodes.get(id) ?? [])
      .filter((node) => node.workspace === workspace);
  }

  /** From the workspace root down to the node, for the address bar. */
  path(id: string): ConsoleNode[] {
    const path: ConsoleNode[] = [];
    for (
      let node = this.nodes.get(id);
      node;
      node = node.parentId ? this.nodes.get(node.parentId) : undefined
    ) {
      path.unshift(node);
    }
    return path;
  }

  get all(): ConsoleNode[] {
    return [...this.nodes.values()];
  }
}

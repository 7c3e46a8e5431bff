import { describe, expect, it } from 'vitest';
import { buildNodeRegistry } from './index';
import type { ConsoleNode } from './types';
import type { WorkspaceId } from './types';

const workspaces: WorkspaceId[] = ['assets', 'library', 'monitoring', 'administration'];

function everyNode(): ConsoleNode[] {
  const registry = buildNodeRegistry();
  const walk = (nodes: ConsoleNode[]): ConsoleNode[] =>
    nodes.flatMap((node) => [node, ...walk(registry.children(node.id))]);
  return workspaces.flatMap((workspace) => walk(registry.roots(workspace)));
}

describe('The console tree', () => {
  it('gives every list that reads from the site a search bar', () => {
    const lists = everyNode().filter((node) => node.kind === 'list');
    const unsearchable = lists
      .filter((node) => node.kind === 'list' && node.source && !node.searchHint)
      .map((node) => node.title);
    expect(unsearchable).toEqual([]);
    expect(lists.length).toBeGreaterThan(8);
  });

  it('says what a node of a later feature will hold', () => {
    const planned = everyNode().filter((node) => node.kind === 'list' && !node.source);
    for (const node of planned)
      expect(node.kind === 'list' && node.plannedContent, node.title).toMatch(/\w{3,}.*\./);
  });
});

import type { RegionLevel, RegionNode } from './types.ts';

export interface RegionTreeNode extends RegionNode {
  children: RegionTreeNode[];
  /** Organizations here and in every region below. */
  totalOrganizations: number;
  /** `/1/4/9/`: ids from the root, for scope checks. */
  path: string;
}

/** Build the tree from the flat list the API returns. */
export function buildRegionTree(nodes: readonly RegionNode[]): RegionTreeNode[] {
  const byId = new Map<number, RegionTreeNode>();
  for (const n of nodes) byId.set(n.id, { ...n, children: [], totalOrganizations: n.organizationCount, path: '' });
  const roots: RegionTreeNode[] = [];
  for (const node of byId.values()) {
    const parent = node.parentId === null ? undefined : byId.get(node.parentId);
    if (parent) parent.children.push(node);
    else roots.push(node);
  }
  const walk = (node: RegionTreeNode, prefix: string): number => {
    node.path = `${prefix}${node.id}/`;
    node.totalOrganizations = node.organizationCount + node.children.reduce((sum, c) => sum + walk(c, node.path), 0);
    return node.totalOrganizations;
  };
  for (const r of roots) walk(r, '/');
  return roots;
}

export function flattenTree(roots: readonly RegionTreeNode[]): RegionTreeNode[] {
  const out: RegionTreeNode[] = [];
  const visit = (n: RegionTreeNode) => {
    out.push(n);
    n.children.forEach(visit);
  };
  roots.forEach(visit);
  return out;
}

/** GB/T 2260 digits a child's code must share with its parent (city 4, district 6, street 9). */
export const significantDigits: Record<RegionLevel, number> = { city: 4, district: 6, street: 9, community: 12 };
export const childLevel: Record<RegionLevel, RegionLevel | null> = { city: 'district', district: 'street', street: 'community', community: null };

/** A form value for antd TreeSelect. */
export interface RegionOption {
  value: number;
  title: string;
  children?: RegionOption[];
}

export function regionOptions(roots: readonly RegionTreeNode[]): RegionOption[] {
  return roots.map((n) => ({ value: n.id, title: n.name, children: n.children.length ? regionOptions(n.children) : undefined }));
}

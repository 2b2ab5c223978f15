import { useMemo } from 'react';
import { TreeSelect } from 'antd';
import { useRegions } from '../api/org.ts';
import { buildRegionTree, regionOptions } from '../api/regions.ts';

/** Pick a region from the tree (search by name). Works as a Form.Item control. */
export function RegionTreeSelect(props: {
  value?: number;
  onChange?: (value: number | undefined) => void;
  placeholder?: string;
  allowClear?: boolean;
  style?: React.CSSProperties;
  id?: string;
}) {
  const regions = useRegions();
  const options = useMemo(() => regionOptions(buildRegionTree(regions.data ?? [])), [regions.data]);
  return (
    <TreeSelect
      id={props.id}
      value={props.value}
      onChange={(v: number | undefined) => props.onChange?.(v ?? undefined)}
      treeData={options}
      loading={regions.isPending}
      placeholder={props.placeholder}
      allowClear={props.allowClear}
      showSearch={{ treeNodeFilterProp: 'title' }}
      treeDefaultExpandAll
      style={props.style}
      popupMatchSelectWidth={false}
    />
  );
}

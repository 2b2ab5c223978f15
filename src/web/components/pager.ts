import type { TablePaginationConfig } from 'antd';

/**
 * A list's pagination as the workbench's lists show it: the page, a page size to pick, the total in words, and back
 * to the first page when the size changes.
 */
export function pagerOf(p: {
  page: number;
  pageSize: number;
  total: number;
  setPage: (page: number) => void;
  setPageSize: (size: number) => void;
  totalText: (total: number) => string;
}): TablePaginationConfig {
  return {
    current: p.page,
    pageSize: p.pageSize,
    total: p.total,
    showSizeChanger: true,
    showTotal: p.totalText,
    onChange: (page, size) => {
      p.setPage(size !== p.pageSize ? 1 : page);
      p.setPageSize(size);
    },
  };
}

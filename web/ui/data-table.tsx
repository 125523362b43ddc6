import type { ReactNode } from 'react';

export interface Column<Row> {
  key: string;
  header: string;
  render: (row: Row) => ReactNode;
  /** The `sort` value the API understands; absent when the column cannot be sorted. */
  sortKey?: string;
}

interface DataTableProps<Row> {
  caption: string;
  columns: Array<Column<Row>>;
  rows: Row[];
  getRowKey: (row: Row) => string;
  sort?: string | undefined;
  order?: 'asc' | 'desc' | undefined;
  onSort?: (sortKey: string) => void;
  sortLabel?: (header: string) => string;
}

export function DataTable<Row>(props: DataTableProps<Row>) {
  const { caption, columns, rows, getRowKey, sort, order, onSort, sortLabel } = props;
  return (
    <div className="table-scroll">
      <table className="data-table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            {columns.map((column) => {
              const isSorted = column.sortKey !== undefined && column.sortKey === sort;
              const ariaSort = isSorted ? (order === 'desc' ? 'descending' : 'ascending') : undefined;
              return (
                <th key={column.key} scope="col" aria-sort={ariaSort}>
                  {column.sortKey && onSort ? (
                    <button
                      type="button"
                      className="sort-button"
                      title={sortLabel?.(column.header)}
                      onClick={() => onSort(column.sortKey ?? column.key)}
                    >
                      {column.header}
                      <span aria-hidden="true">{isSorted ? (order === 'desc' ? ' ▼' : ' ▲') : ' ↕'}</span>
                    </button>
                  ) : (
                    column.header
                  )}
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={getRowKey(row)}>
              {columns.map((column) => (
                <td key={column.key}>{column.render(row)}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/**
 * Arrow table → plain row objects, column by column (one typed vector read per column rather than a
 * StructRow proxy and toJSON per row); 64-bit integers become numbers.
 */
export function tableRows(table: { numRows: number; schema: { fields: { name: string }[] }; getChildAt(i: number): { get(i: number): unknown } | null }): Record<string, unknown>[] {
  const n = table.numRows;
  const rows: Record<string, unknown>[] = new Array(n);
  for (let i = 0; i < n; i++) rows[i] = {};
  table.schema.fields.forEach((f, c) => {
    const col = table.getChildAt(c);
    for (let i = 0; i < n; i++) {
      const v = col ? col.get(i) : null;
      rows[i][f.name] = typeof v === 'bigint' ? Number(v) : v ?? null;
    }
  });
  return rows;
}

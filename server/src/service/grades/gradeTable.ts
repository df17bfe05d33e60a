import defaultTable from '../data/grade-table.json';

export interface GradeRow {
  readonly grade: number;
  readonly management: readonly string[];
  readonly individual: readonly string[];
}

export interface GradeTableData {
  readonly page: string;
  readonly tables: readonly { readonly id: string; readonly name: string; readonly anchor: string; readonly rows: readonly GradeRow[] }[];
}

/** The job-grade tables of the compensation calculator, as data a handbook can override. */
export class GradeTable {
  readonly data: GradeTableData;
  readonly #valid: ReadonlySet<number>;

  constructor(data: GradeTableData = defaultTable) {
    this.data = data;
    this.#valid = new Set(data.tables.flatMap((t) => t.rows.map((r) => r.grade)));
  }

  get page(): string {
    return this.data.page;
  }

  get anchors(): readonly string[] {
    return this.data.tables.map((t) => t.anchor);
  }

  get general(): GradeTableData['tables'][number] {
    return this.data.tables[0]!;
  }

  exists(grade: number): boolean {
    return this.#valid.has(grade);
  }

  get grades(): readonly number[] {
    return [...this.#valid].sort((a, b) => a - b);
  }

  /** Rows for a grade in every table that has it. */
  rows(grade: number): { table: GradeTableData['tables'][number]; row: GradeRow }[] {
    return this.data.tables.flatMap((table) => table.rows.filter((r) => r.grade === grade).map((row) => ({ table, row })));
  }

  /** The link target the handbook uses for a table's anchor. */
  link(anchor = this.general.anchor): string {
    return `${this.page}#${anchor}`;
  }

  /** "Senior", "Product Manager" for 7 in the general table. */
  titles(grade: number): string[] {
    const row = this.general.rows.find((r) => r.grade === grade);
    return row ? [...row.individual, ...row.management] : [];
  }

  /** The general-table grade whose title best matches a level title ("Senior Backend Engineer" → 7). */
  gradeForTitle(title: string): number | undefined {
    const t = ` ${title.toLowerCase().replace(/[(),]/g, ' ').replace(/\s+/g, ' ')} `;
    let best: { grade: number; len: number } | undefined;
    for (const row of this.general.rows) {
      for (const name of [...row.individual, ...row.management]) {
        const n = name.toLowerCase();
        if (t.includes(` ${n} `) && (!best || n.length > best.len)) best = { grade: row.grade, len: n.length };
      }
    }
    return best?.grade;
  }
}

export function isGradeTableData(value: unknown): value is GradeTableData {
  if (!isRecord(value) || typeof value.page !== 'string' || !Array.isArray(value.tables)) return false;
  return value.tables.every(
    (t: unknown) =>
      isRecord(t) &&
      typeof t.id === 'string' &&
      typeof t.name === 'string' &&
      typeof t.anchor === 'string' &&
      Array.isArray(t.rows) &&
      t.rows.every((r: unknown) => isRecord(r) && Number.isInteger(r.grade) && Array.isArray(r.management) && Array.isArray(r.individual)),
  );
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null;
}

/** A grade's rows of the grade table, for hovers and completion details (Markdown). */
export function gradeDoc(grades: GradeTable, g: number): string {
  const rows = grades.rows(g);
  if (!rows.length) return `Grade ${g} is not in the grade table.`;
  return rows
    .map(({ table, row }) => {
      const lines = [`**Grade ${g}**, ${table.name}`];
      if (row.individual.length) lines.push(`Individual contributor: ${row.individual.join(', ')}`);
      if (row.management.length) lines.push(`Management: ${row.management.join(', ')}`);
      // Two trailing spaces: a line break in Markdown, without the spacing of a list.
      return lines.join('  \n');
    })
    .join('\n\n');
}

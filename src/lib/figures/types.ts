import type { Codebook } from '../codebook/types.ts';
import type { Lang } from '../../i18n/index.ts';

/** What a control chooses; its options come from the codebook's allowed values. */
export type ControlKind = 'county' | 'dept_type' | 'group' | 'competency' | 'dimension' | 'sample';

export interface FigureParam {
  /** SQL parameter name (`$name`) and URL key (`<figure id>.<name>`) */
  name: string;
  label: string;
  kind: ControlKind;
  default: string;
}

export interface TableColumn {
  key: string;
  label: string;
  /** number of decimals for numbers; codes are shown with their codebook label when `labelOf` is set */
  digits?: number;
  /** codebook variable whose value labels translate this column's codes ('$param' = the variable a parameter names) */
  labelOf?: string;
}

export interface SpecContext {
  width: number;
  codebook: Codebook;
  document: Document;
  params: Record<string, string>;
  k: number;
  /** the page's language: codebook labels and Intl formats follow it */
  lang: Lang;
  /** the figure's own text in the page's language: an English string of the spec → its translation (figureText) */
  t: (en: string) => string;
}

/**
 * A figure's text in another language, kept beside it in src/figures/<id>/text.ts. Keys of `params`
 * are parameter names, of `columns` column keys; `strings` translates every other English string
 * the spec draws (axis titles, legends, notes, row values that the SQL spells out).
 */
export interface FigureText {
  title: string;
  caption: string;
  alt: string;
  source?: string;
  params?: Record<string, string>;
  columns?: Record<string, string>;
  strings?: Record<string, string>;
}

/**
 * One figure: its SQL (named parameters only; must return an integer column `n`, the
 * respondents behind each row), the columns that are aggregates (nulled when n < k), and a
 * chart spec from rows to an SVG/HTML element. The same definition serves the static build,
 * the browser, the table, the downloads, the URL and the reproduce tools.
 */
export interface FigureDef {
  id: string;
  title: string;
  caption: string;
  alt: string;
  source?: string;
  /** fixed, or a function of the published codebook (lists of barriers, scales, … read from it); read through figureSQL (sql.ts) */
  sql: string | ((cb: Codebook) => string);
  params: FigureParam[];
  columns: TableColumn[];
  /** measurements the figure reads from groups.parquet by name (in string literals, which the SQL check cannot see) */
  measures?: string[] | ((cb: Codebook) => string[]);
  /** key columns (what a row is about); every other column of a row with n < k is withheld (suppression by default) */
  keys: string[];
  /** 'table' when the spec draws an HTML table rather than a chart (it is then read by screen readers as is) */
  kind?: 'chart' | 'table';
  /** how the figure's total n is told: rows are disjoint groups ('sum') or the same people ('max') */
  nMode?: 'sum' | 'max';
  /**
   * published columns the figure cannot be drawn without; when the survey did not measure one of
   * them, the figure says "not measured in this survey" (see lib/figures/needs.ts). Measurements
   * its SQL reads are checked too: when none of them was measured, it says so as well.
   */
  needs?: string[];
  spec: (rows: Row[], ctx: SpecContext) => Element;
  /** the Chinese edition's text (src/figures/<id>/text.ts) */
  zh?: FigureText;
  /**
   * URL migrations (lib/figures/state.ts): when a parameter is renamed or a value recoded, add a step
   * `{ to: N, … }` (versions 2, 3, … in order) so that links written before still open the same view.
   * The figure's URL version is the last step's `to` (1 without migrations); links carry it as `<id>.v`.
   */
  migrations?: FigureMigration[];
}

/** One step of a figure's URL migrations: upgrades the parameters of a version `to - 1` link to version `to`. */
export interface FigureMigration {
  to: number;
  /** what changed and why (shown in docs and tests) */
  note: string;
  /** raw URL parameters of the older version → the same view in version `to` (never throws) */
  up: (params: Record<string, string>) => Record<string, string>;
}

export type Row = Record<string, any>;

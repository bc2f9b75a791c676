/**
 * The codebook is the one source of truth for every variable, scale and
 * competency. It is written by hand as `data/codebook.yaml`, validated by
 * `loadCodebook()` and published as `public/data/codebook.json`.
 *
 * Everything downstream (generator, importer, anonymiser, statistics CLI,
 * figures, the data page) reads these types rather than hard-coding names.
 */

/** Every human-facing text exists in English and Simplified Chinese. */
export interface Label {
  en: string;
  zh: string;
}

/**
 * What a variable is for, which decides whether it may be published:
 * - direct_identifier: never leaves the build (name, ID card, phone, e-mail, IP, exact timestamp, free text);
 * - quasi_identifier: published only generalised and k-anonymised (gender, age, education, rank, …);
 * - frame: sampling frame (city, county, township, department type, year, sample); published, and
 *   county/township are part of the quasi-identifier set checked for k-anonymity;
 * - analysis: item answers and scores; published as is;
 * - meta: bookkeeping added by the build (respondent id, weights).
 */
export type Role = 'direct_identifier' | 'quasi_identifier' | 'frame' | 'analysis' | 'meta';

/**
 * - likert: integer within [min, max] with value labels at the ends at least;
 * - categorical: one code from `values` (codes are short ASCII strings);
 * - boolean: 0/1 (used for each option of a multi-select question);
 * - integer / number: numeric within optional [min, max];
 * - text / datetime / string: free text and identifiers (never published).
 */
export type VarType = 'likert' | 'categorical' | 'boolean' | 'integer' | 'number' | 'text' | 'datetime' | 'string';

export interface ValueLabel {
  code: string | number;
  label: Label;
  /** for nested frame codes (township → county, county → city): the parent's code. */
  parent?: string;
}

export interface Variable {
  /** snake_case column name, identical in raw CSV, Parquet and SQL. */
  name: string;
  /** id of a `Section`. */
  section: string;
  /** id of the construct the item measures (a scale or competency id), if any. */
  construct?: string;
  /** short name. */
  label: Label;
  /** short item wording, in our own words (no copyrighted item text). */
  wording?: Label;
  type: VarType;
  /** allowed codes for categorical/likert/boolean (and their labels). */
  values?: ValueLabel[];
  min?: number;
  max?: number;
  /** codes that mean "no answer" for this variable (e.g. -9, 99); counted as missing, never as values. */
  missing?: (string | number)[];
  /** item is reverse-keyed within its scale: scored (min + max) − x. */
  reverse?: boolean;
  role: Role;
  /** true when a respondent may leave it empty (e.g. questions routed away). */
  optional?: boolean;
  /** for multi-select questions: the id of the question this 0/1 option column belongs to. */
  multiselect?: string;
  /**
   * For quasi-identifiers: how the anonymiser generalises it before publishing, e.g.
   * `{ to: 'age_band', bands: [[18,29,'18-29'], …] }`. The published column is `to`.
   */
  generalise?: Generalisation;
  /** set in the published (effective) codebook when this survey did not ask it: the column is all NULL, "not measured", not "missing". */
  absent?: boolean;
}

export interface Generalisation {
  /** name of the published (generalised) column. */
  to: string;
  /** numeric bands [lo, hi, code] inclusive; or `map` from raw codes to coarser codes. */
  bands?: [number, number, string][];
  map?: Record<string, string>;
  /** labels of the published codes. */
  values: ValueLabel[];
  /** name of the published variable (e.g. "Age" for age_band); defaults to the variable's own label. */
  label?: Label;
}

export interface Section {
  id: string;
  label: Label;
}

/** A multi-item scale. Score = mean of items after reverse keying, NULL if any item missing. */
export interface Scale {
  id: string;
  label: Label;
  section: string;
  items: string[];
  /** subset of items that are reverse-keyed (duplicates `Variable.reverse` for convenience). */
  reverse: string[];
  min: number;
  max: number;
  /** published score column name: `score_<id>`. */
  score: string;
  /** effective codebook only, when this survey asked a subset of `items`: the items it asked (the score is their mean). */
  asked?: string[];
  /** effective codebook only: no item of the scale was asked; the score column is all NULL. */
  absent?: boolean;
  /** ids of the figures that show this scale (src/figures/<id>), e.g. dept-scales, career-by-group. */
  figures?: string[];
}

/** Dimension of the competency model (e.g. political quality, working skills). */
export interface Dimension {
  id: string;
  label: Label;
}

/**
 * A competency rated twice by each respondent: current proficiency and importance
 * for the job, each a scale of 2–4 items on 1–5.
 */
export interface Competency {
  id: string;
  label: Label;
  dimension: string;
  /** 'general' (national framework), 'grassroots' or 'petition'. */
  group: 'general' | 'grassroots' | 'petition';
  /** scale ids */
  proficiency: string;
  importance: string;
  /** effective codebook only: its proficiency or importance scale was not asked. */
  absent?: boolean;
}

export interface Codebook {
  id: string;
  version: string;
  title: Label;
  /** minimum group size for publication and display (k-anonymity and small-cell suppression). */
  k: number;
  sections: Section[];
  variables: Variable[];
  scales: Scale[];
  dimensions: Dimension[];
  competencies: Competency[];
  /** published codebook only: SQL of the views derived from the published files (src/lib/db/params.ts, DERIVED_VIEWS), written by the build */
  views?: Record<string, string>;
  /** the declared disclosure scenario (src/lib/codebook/disclosure.ts); absent = none declared */
  disclosure?: import('./disclosure.ts').DisclosureScenario;
  /** survey-wide codes that mean "no answer" (e.g. -9, -8); each variable may add its own. */
  missing?: (string | number)[];
  /**
   * Grouping variables (published names, e.g. age_band), in menu order: each gets a protected
   * breakdown in groups.parquet; those with `menu: false` are not offered as a "Compare by" group.
   * Read through src/lib/codebook/groups.ts.
   */
  groups?: GroupVariable[];
  /**
   * What /compare/ and the county briefs compare groups on, besides proficiency per competency
   * dimension (always derived from `dimensions` and `competencies`). Absent = every scale that is
   * not a competency rating (src/lib/compare/measures.ts).
   */
  compare?: CompareMeasureDef[];
}

/**
 * One /compare/ measure, declared in the codebook: the mean of a variable (a 0/1 variable gives a
 * share), the share of respondents whose variable `equals` a value, or the mean of one or more scale
 * scores. A measure disappears when the survey did not ask what it reads.
 */
export interface CompareMeasureDef {
  id: string;
  variable?: string;
  equals?: number;
  scales?: string[];
  /** which direction is better, for the plain-word verdict; omitted = say only higher/lower */
  better?: 'higher' | 'lower';
  /** needed when the variable's or single scale's own label does not fit */
  label?: Label;
  /** one of the (up to five) headline numbers of the county brief */
  headline?: boolean;
}

export interface GroupVariable {
  name: string;
  /** offered in "Compare by" menus (default true); false: a breakdown in groups.parquet only */
  menu?: boolean;
}

/**
 * The competency cubes (issue #13): small published tables of sums drawn FROM the published competency
 * long table (competency.parquet), so the competency figures re-query a few thousand rows instead of
 * scanning one row per respondent × competency (1.5 million rows at 100k respondents). They disclose
 * nothing the long table does not: each row is a sum over its published rows. Means are sum / n;
 * a sample standard deviation is sqrt((sumsq − sum² / n) / (n − 1)).
 *
 * - `competency_cube`: one row per county × dept_type × competency (NULL = withheld is a value of its
 *   own, as in the long table), over the rows where proficiency and importance are both answered
 *   (then gap = importance − proficiency is too).
 * - `dimension_cube`: one row per county × dept_type × dimension, over respondents: each respondent's
 *   mean proficiency and mean gap over the competencies of the dimension he or she rated (both answered),
 *   summed; n counts respondents. County-vs-rest compares these per-respondent means.
 *
 * The same SQL (with `competency` a view of competency.parquet) builds the files and is given in
 * docs/architecture.md; src/lib/data/cube.test.ts checks the figures against the long table.
 * No Node imports.
 */
export const COMPETENCY_CUBE_SQL = `SELECT county, dept_type, competency, any_value(dimension) AS dimension,
       count(*)::INTEGER AS n,
       sum(proficiency) AS proficiency_sum, sum(proficiency * proficiency) AS proficiency_sumsq,
       sum(importance) AS importance_sum,
       sum(gap) AS gap_sum
FROM competency
WHERE proficiency IS NOT NULL AND importance IS NOT NULL
GROUP BY county, dept_type, competency
ORDER BY county, dept_type, competency`;

/** `dimension_cube`; `dimension`: one dimension's rows only (an SQL literal), as the build writes it (see CUBES) */
export const dimensionCubeSQL = (dimension?: string) => `WITH person AS (
  SELECT rid, county, dept_type, dimension, avg(proficiency) AS p, avg(gap) AS g
  FROM competency WHERE proficiency IS NOT NULL AND importance IS NOT NULL${dimension ? ` AND dimension = ${dimension}` : ''}
  GROUP BY rid, county, dept_type, dimension
)
SELECT county, dept_type, dimension,
       count(*)::INTEGER AS n,
       sum(p) AS proficiency_sum,
       sum(g) AS gap_sum, sum(g * g) AS gap_sumsq
FROM person
GROUP BY county, dept_type, dimension
ORDER BY county, dept_type, dimension`;

export const DIMENSION_CUBE_SQL = dimensionCubeSQL();

/**
 * the cube files, their SQL (over the view `competency`). The build writes `dimension_cube` one dimension at a
 * time (`perDimension`): the same rows, but the grouping by respondent holds one dimension's respondents at
 * once, not all five (at a million respondents 0.57 GB RSS instead of 1.03 GB, the same CPU).
 */
export const CUBES: { name: string; file: string; sql: string; perDimension?: (dimension: string) => string }[] = [
  { name: 'competency_cube', file: 'competency_cube.parquet', sql: COMPETENCY_CUBE_SQL },
  { name: 'dimension_cube', file: 'dimension_cube.parquet', sql: DIMENSION_CUBE_SQL, perDimension: dimensionCubeSQL },
];

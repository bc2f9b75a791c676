/**
 * The competency cubes (issue #13): small published tables of sums drawn FROM the competency long table
 * (the view `competency` of respondents.parquet), so the competency figures re-query a few thousand rows instead of
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
 * The same SQL (over the view `competency`, src/lib/db/params.ts) builds competency_cube and is given in
 * docs/architecture.md and on /data/; dimension_cube is built from the wide rows (same rows);
 * src/lib/data/cube.test.ts checks both files against this SQL and the figures against the long table.
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

/** `dimension_cube` over the view `competency` (the build computes the same rows from the wide respondents table: src/lib/data/effective.ts, dimensionCubeFromRespondentsSQL) */
export const DIMENSION_CUBE_SQL = `WITH person AS (
  SELECT rid, county, dept_type, dimension, avg(proficiency) AS p, avg(gap) AS g
  FROM competency WHERE proficiency IS NOT NULL AND importance IS NOT NULL
  GROUP BY rid, county, dept_type, dimension
)
SELECT county, dept_type, dimension,
       count(*)::INTEGER AS n,
       sum(p) AS proficiency_sum,
       sum(g) AS gap_sum, sum(g * g) AS gap_sumsq
FROM person
GROUP BY county, dept_type, dimension
ORDER BY county, dept_type, dimension`;

/** the cube files and their SQL (over the view `competency`) */
export const CUBES: { name: string; file: string; sql: string }[] = [
  { name: 'competency_cube', file: 'competency_cube.parquet', sql: COMPETENCY_CUBE_SQL },
  { name: 'dimension_cube', file: 'dimension_cube.parquet', sql: DIMENSION_CUBE_SQL },
];

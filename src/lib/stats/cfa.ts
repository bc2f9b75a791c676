/**
 * Confirmatory factor analysis by maximum likelihood, for simple-structure models (each indicator
 * loads on exactly one factor, factors correlate freely, unique variances diagonal) — the form of
 * lavaan's `cfa(model, std.lv = TRUE)`. Also composite reliability and AVE (Fornell & Larcker 1981),
 * the Fornell–Larcker criterion and HTMT (Henseler, Ringle & Sarstedt 2015).
 *
 * Estimation: Fisher scoring on the ML discrepancy F = log|Σ| + tr(SΣ⁻¹) − log|S| − p, with step
 * halving so that F does not increase; converged when the scoring step (or the gradient) vanishes.
 * χ² = N·F (N = number of respondents, as lavaan's default normal likelihood), baseline = the
 * independence model. Input S is a covariance or correlation matrix (the standardised solution and
 * the fit indices are the same for both: the model is scale invariant).
 */
import { chiSquareCdf, chiSquareUpper, logGamma } from './distributions.ts';
import { inverse, logDet, type Matrix } from './matrix.ts';

/** maxIter: scoring steps; converged when the largest gradient element is below tol or the largest parameter change below stepTol */
export interface CfaOptions { maxIter?: number; tol?: number; stepTol?: number }

export interface CfaFactor {
  /** indicator indices (rows of S) */
  indicators: number[];
  /** unstandardised loadings (factor variance fixed to 1) */
  loadings: number[];
  /** completely standardised loadings (lavaan's std.all) */
  std: number[];
  /** composite reliability (ρc) from standardised loadings: (Σλ)² / ((Σλ)² + Σ(1 − λ²)) */
  cr: number;
  /** Raykov's ω of the raw sum of the indicators: (Σλ)² / ((Σλ)² + Σθ), unstandardised (semTools::compRelSEM(obs.var = FALSE)) */
  omega: number;
  /** average variance extracted: mean λ² */
  ave: number;
}

export interface CfaResult {
  n: number;
  p: number;
  converged: boolean;
  iterations: number;
  /** ML discrepancy at the solution */
  fmin: number;
  chi2: number;
  df: number;
  pValue: number;
  baseline: { chi2: number; df: number };
  cfi: number;
  tli: number;
  rmsea: number;
  /** 90% confidence interval of the RMSEA */
  rmseaLo: number;
  rmseaHi: number;
  srmr: number;
  factors: CfaFactor[];
  /** factor correlations */
  phi: Matrix;
  /** unique variances, one per indicator */
  theta: number[];
  /** model-implied covariance matrix */
  sigma: Matrix;
  /** indicators with a negative unique variance or a standardised loading above 1 (Heywood cases) */
  heywood: number[];
  /** pairs of factors whose estimated correlation is 1 or more in absolute value (an improper solution) */
  improperPhi: { i: number; j: number; r: number }[];
  /** Fornell–Larcker: for each pair of factors, is √AVE of both larger than their correlation? */
  fornellLarcker: { i: number; j: number; r: number; ok: boolean }[];
}

const mul = (a: Matrix, b: Matrix): Matrix => {
  const n = a.length, m = b[0].length, k = b.length;
  const out: Matrix = Array.from({ length: n }, () => new Array(m).fill(0));
  for (let i = 0; i < n; i++)
    for (let q = 0; q < k; q++) {
      const v = a[i][q];
      if (v === 0) continue;
      const bq = b[q], oi = out[i];
      for (let j = 0; j < m; j++) oi[j] += v * bq[j];
    }
  return out;
};
/** tr(AB) for square A, B */
const trProd = (a: Matrix, b: Matrix) => {
  let s = 0;
  for (let i = 0; i < a.length; i++) for (let j = 0; j < a.length; j++) s += a[i][j] * b[j][i];
  return s;
};

/**
 * Fits the model. `groups[f]` lists the indicator indices of factor f; an indicator may appear in one
 * group only. Throws when the model is not identified (a factor with fewer than two indicators, or
 * fewer moments than parameters) or S is not positive definite.
 */
export function cfa(S: Matrix, n: number, groups: number[][], { maxIter = 500, tol = 1e-10, stepTol = 1e-10 }: CfaOptions = {}): CfaResult {
  const p = S.length;
  const k = groups.length;
  const factorOf = new Array<number>(p).fill(-1);
  groups.forEach((g, f) => {
    if (g.length < 2) throw new Error(`factor ${f + 1} has ${g.length} indicator(s): a factor needs at least two to be identified`);
    for (const i of g) {
      if (i < 0 || i >= p) throw new Error(`indicator ${i} is outside the matrix`);
      if (factorOf[i] !== -1) throw new Error(`indicator ${i} is in two factors`);
      factorOf[i] = f;
    }
  });
  if (factorOf.some((f) => f === -1)) throw new Error('every indicator must belong to a factor');
  if (k === 1 && p < 3) throw new Error('a one-factor model needs at least three indicators');
  const logDetS = logDet(S);
  if (!Number.isFinite(logDetS)) throw new Error('the covariance matrix is not positive definite');

  // parameters: loadings (p), factor correlations (k(k−1)/2), unique variances (p)
  const pairs: [number, number][] = [];
  for (let f = 0; f < k; f++) for (let g = f + 1; g < k; g++) pairs.push([f, g]);
  const q = 2 * p + pairs.length;
  const df = (p * (p + 1)) / 2 - q;
  if (df < 0) throw new Error(`the model has more parameters (${q}) than moments (${(p * (p + 1)) / 2})`);

  // starting values: each indicator's share of its factor from the average within-factor correlation
  const lambda = new Array<number>(p), theta = new Array<number>(p);
  for (let i = 0; i < p; i++) {
    const others = groups[factorOf[i]].filter((j) => j !== i);
    const rbar = others.reduce((s, j) => s + S[i][j] / Math.sqrt(S[i][i] * S[j][j]), 0) / others.length;
    const l = Math.sqrt(Math.min(Math.max(rbar, 0.1), 0.9));
    lambda[i] = l * Math.sqrt(S[i][i]);
    theta[i] = (1 - l * l) * S[i][i];
  }
  let phi: Matrix = Array.from({ length: k }, (_, f) => Array.from({ length: k }, (_, g) => (f === g ? 1 : 0)));
  pairs.forEach(([f, g]) => {
    const a = groups[f], b = groups[g];
    let s = 0;
    for (const i of a) for (const j of b) s += S[i][j] / (lambda[i] * lambda[j]);
    const r = Math.max(-0.9, Math.min(0.9, s / (a.length * b.length)));
    phi[f][g] = phi[g][f] = r;
  });

  const implied = (lam: number[], ph: Matrix, th: number[]): Matrix =>
    Array.from({ length: p }, (_, i) => Array.from({ length: p }, (_, j) => lam[i] * lam[j] * ph[factorOf[i]][factorOf[j]] + (i === j ? th[i] : 0)));
  const discrepancy = (sig: Matrix) => {
    const ld = logDet(sig);
    if (!Number.isFinite(ld)) return Infinity;
    const inv = inverse(sig);
    return ld + trProd(S, inv) - logDetS - p;
  };
  const unpack = (x: number[]) => {
    const lam = x.slice(0, p);
    const ph = phi.map((r) => [...r]);
    pairs.forEach(([f, g], m) => (ph[f][g] = ph[g][f] = x[p + m]));
    return { lam, ph, th: x.slice(p + pairs.length) };
  };
  let x = [...lambda, ...pairs.map(([f, g]) => phi[f][g]), ...theta];
  let sigma = implied(lambda, phi, theta);
  let F = discrepancy(sigma);
  let converged = false;
  let it = 0;
  for (; it < maxIter; it++) {
    const { lam, ph } = unpack(x);
    const Si = inverse(sigma);
    const W = mul(mul(Si, sigma.map((r, i) => r.map((v, j) => v - S[i][j]))), Si);
    // derivatives of Σ with respect to each parameter
    const dS: Matrix[] = [];
    for (let i = 0; i < p; i++) {
      const d = Array.from({ length: p }, (_, j) => lam[j] * ph[factorOf[j]][factorOf[i]]);
      const D = Array.from({ length: p }, () => new Array(p).fill(0));
      for (let j = 0; j < p; j++) {
        D[i][j] += d[j];
        D[j][i] += d[j];
      }
      dS.push(D);
    }
    for (const [f, g] of pairs) {
      const D = Array.from({ length: p }, (_, i) => Array.from({ length: p }, (_, j) =>
        (factorOf[i] === f && factorOf[j] === g) || (factorOf[i] === g && factorOf[j] === f) ? lam[i] * lam[j] : 0));
      dS.push(D);
    }
    for (let i = 0; i < p; i++) {
      const D = Array.from({ length: p }, () => new Array(p).fill(0));
      D[i][i] = 1;
      dS.push(D);
    }
    const grad = dS.map((D) => trProd(W, D));
    const maxG = Math.max(...grad.map(Math.abs));
    if (maxG < tol) {
      converged = true;
      break;
    }
    const A = dS.map((D) => mul(Si, D));
    const H: Matrix = A.map((a, r) => A.map((b, c) => (c < r ? 0 : trProd(a, b))));
    for (let r = 0; r < q; r++) for (let c = 0; c < r; c++) H[r][c] = H[c][r];
    let step: number[];
    try {
      const Hi = inverse(H);
      step = Hi.map((row) => -row.reduce((s, v, c) => s + v * grad[c], 0));
    } catch {
      step = grad.map((g) => -g); // singular information: fall back to steepest descent
    }
    // near the optimum F is flat to rounding: the scoring step, not F, says when to stop
    if (Math.max(...step.map(Math.abs)) < stepTol) {
      x = x.map((v, m) => v + step[m]);
      const u = unpack(x);
      sigma = implied(u.lam, u.ph, u.th);
      F = discrepancy(sigma);
      converged = true;
      break;
    }
    let alpha = 1, improved = false;
    for (let h = 0; h < 40; h++) {
      const xt = x.map((v, m) => v + alpha * step[m]);
      const u = unpack(xt);
      const st = implied(u.lam, u.ph, u.th);
      const Ft = discrepancy(st);
      if (Ft <= F + 1e-13 * Math.max(1, Math.abs(F))) {
        x = xt;
        sigma = st;
        F = Ft;
        improved = true;
        break;
      }
      alpha /= 2;
    }
    if (!improved) break;
  }
  const { lam, ph, th } = unpack(x);
  // sign convention: each factor's loadings sum to a positive number
  for (let f = 0; f < k; f++) {
    if (groups[f].reduce((s, i) => s + lam[i], 0) < 0) {
      for (const i of groups[f]) lam[i] = -lam[i];
      for (let g = 0; g < k; g++) if (g !== f) ph[f][g] = ph[g][f] = -ph[f][g];
    }
  }
  sigma = implied(lam, ph, th);
  const chi2 = n * F;
  const logDiag = S.reduce((s, r, i) => s + Math.log(r[i]), 0);
  const baseline = { chi2: n * (logDiag - logDetS), df: (p * (p - 1)) / 2 };
  const d = Math.max(chi2 - df, 0), dB = Math.max(baseline.chi2 - baseline.df, 0);
  const cfi = Math.max(d, dB) === 0 ? 1 : 1 - d / Math.max(d, dB);
  const tli = df === 0 ? NaN : (baseline.chi2 / baseline.df - chi2 / df) / (baseline.chi2 / baseline.df - 1);
  const rmsea = df === 0 ? 0 : Math.sqrt(Math.max(chi2 - df, 0) / (df * n));
  const [rmseaLo, rmseaHi] = df === 0 ? [0, 0] : rmseaInterval(chi2, df, n);
  // SRMR (Bentler): residuals scaled by the observed standard deviations, over the p(p+1)/2 moments
  let ss = 0;
  for (let i = 0; i < p; i++)
    for (let j = 0; j <= i; j++) ss += ((S[i][j] - sigma[i][j]) / Math.sqrt(S[i][i] * S[j][j])) ** 2;
  const srmr = Math.sqrt(ss / ((p * (p + 1)) / 2));
  const factors: CfaFactor[] = groups.map((g) => {
    const std = g.map((i) => lam[i] / Math.sqrt(sigma[i][i]));
    const sum = std.reduce((s, v) => s + v, 0);
    const err = std.reduce((s, v) => s + (1 - v * v), 0);
    const raw = g.reduce((s, i) => s + lam[i], 0), rawErr = g.reduce((s, i) => s + th[i], 0);
    return {
      indicators: g, loadings: g.map((i) => lam[i]), std,
      cr: (sum * sum) / (sum * sum + err), omega: (raw * raw) / (raw * raw + rawErr),
      ave: std.reduce((s, v) => s + v * v, 0) / std.length,
    };
  });
  const heywood = Array.from({ length: p }, (_, i) => i).filter((i) => th[i] < 0 || Math.abs(lam[i]) / Math.sqrt(sigma[i][i]) > 1);
  const fornellLarcker = pairs.map(([f, g]) => ({ i: f, j: g, r: ph[f][g], ok: Math.sqrt(Math.min(factors[f].ave, factors[g].ave)) > Math.abs(ph[f][g]) }));
  return {
    n, p, converged, iterations: it, fmin: F, chi2, df, pValue: df === 0 ? NaN : chiSquareUpper(chi2, df), baseline, cfi, tli, rmsea, rmseaLo, rmseaHi, srmr,
    factors, phi: ph, theta: th, sigma, heywood, fornellLarcker,
    improperPhi: pairs.filter(([f, g]) => Math.abs(ph[f][g]) >= 1).map(([f, g]) => ({ i: f, j: g, r: ph[f][g] })),
  };
}

/** CDF of the noncentral χ² (Poisson mixture of central χ², summed outward from the mode). */
export function noncentralChiSquareCdf(x: number, df: number, ncp: number): number {
  if (ncp === 0) return chiSquareCdf(x, df);
  if (x <= 0) return 0;
  const mu = ncp / 2;
  const mode = Math.floor(mu);
  const pois = (j: number) => Math.exp(-mu + j * Math.log(mu) - logGamma(j + 1));
  let s = 0;
  for (let j = mode; ; j++) {
    const w = pois(j);
    s += w * chiSquareCdf(x, df + 2 * j);
    if (w < 1e-17 && j > mu) break;
  }
  for (let j = mode - 1; j >= 0; j--) {
    const w = pois(j);
    s += w * chiSquareCdf(x, df + 2 * j);
    if (w < 1e-17) break;
  }
  return Math.min(1, s);
}

/** 90% interval of the RMSEA by inverting the noncentral χ² in its noncentrality (as lavaan). */
export function rmseaInterval(chi2: number, df: number, n: number): [number, number] {
  const solve = (target: number) => {
    // find λ with P(χ²; df, λ) = target; the CDF decreases in λ
    if (noncentralChiSquareCdf(chi2, df, 0) < target) return 0;
    let lo = 0, hi = Math.max(1, chi2);
    while (noncentralChiSquareCdf(chi2, df, hi) > target) hi *= 2;
    for (let i = 0; i < 100 && hi - lo > 1e-10 * Math.max(1, hi); i++) {
      const mid = (lo + hi) / 2;
      if (noncentralChiSquareCdf(chi2, df, mid) > target) lo = mid;
      else hi = mid;
    }
    return (lo + hi) / 2;
  };
  return [Math.sqrt(solve(0.95) / (n * df)), Math.sqrt(solve(0.05) / (n * df))];
}

/**
 * Heterotrait–monotrait ratio (Henseler et al. 2015) from an indicator correlation matrix: the mean
 * absolute correlation between the indicators of two factors over the geometric mean of the
 * factors' mean absolute within-factor correlations (semTools::htmt(htmt2 = FALSE)). With
 * `geometric`, HTMT2 (Roemer, Schuberth & Henseler 2021): geometric instead of arithmetic means
 * (semTools' default). Each factor needs ≥ 2 indicators (else NaN).
 */
export function htmt(R: Matrix, groups: number[][], { geometric = false } = {}): Matrix {
  const avg = (xs: number[]) => (geometric ? Math.exp(xs.reduce((s, v) => s + Math.log(v), 0) / xs.length) : xs.reduce((s, v) => s + v, 0) / xs.length);
  const mono = groups.map((g) => {
    if (g.length < 2) return NaN;
    const xs: number[] = [];
    for (let a = 0; a < g.length; a++) for (let b = a + 1; b < g.length; b++) xs.push(Math.abs(R[g[a]][g[b]]));
    return avg(xs);
  });
  return groups.map((g, f) => groups.map((h, e) => {
    if (f === e) return 1;
    const xs: number[] = [];
    for (const i of g) for (const j of h) xs.push(Math.abs(R[i][j]));
    return avg(xs) / Math.sqrt(mono[f] * mono[e]);
  }));
}

/** Covariance matrix with divisor N (the ML estimate lavaan fits) of complete rows. */
export function mlCovariance(rows: number[][]): Matrix {
  const n = rows.length, p = rows[0].length;
  const m = Array.from({ length: p }, (_, j) => rows.reduce((s, r) => s + r[j], 0) / n);
  const S: Matrix = Array.from({ length: p }, () => new Array(p).fill(0));
  for (const r of rows) for (let i = 0; i < p; i++) for (let j = 0; j <= i; j++) S[i][j] += (r[i] - m[i]) * (r[j] - m[j]);
  for (let i = 0; i < p; i++) for (let j = 0; j <= i; j++) S[j][i] = S[i][j] = S[i][j] / n;
  return S;
}

export const covToCor = (S: Matrix): Matrix => S.map((r, i) => r.map((v, j) => v / Math.sqrt(S[i][i] * S[j][j])));

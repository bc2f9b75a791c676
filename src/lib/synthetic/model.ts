/**
 * The synthetic survey's true parameters, designed after the studies the report follows
 * (see shared notes, domain.md). Everything the generator does is driven from here, and
 * this object is written beside the data as truth.json so analyses can be checked for
 * recovery. Effects are on the latent scale (1 unit ≈ 1 Likert point before rounding).
 */
export const MODEL = {
  /** share of respondents per sample; G District is fixed at 93 respondents when n ≥ 930. */
  samples: {
    township_cadres: 0.5,
    z_petition: 0.12,
    training_needs: 0.38,
    g_district_n: 93,
  },
  /** where each sample's respondents work: counties with weights, townships per county, dept mix. */
  frame: {
    township_cadres: {
      city: 'a_city',
      counties: { h_county: 0.4, l_county: 0.3, q_county: 0.3 } as Record<string, number>,
      dept: { township_office: 0.75, county_bureau: 0.25 } as Record<string, number>,
      year: 2025,
    },
    z_petition: { city: 'z_city', counties: { z_urban: 1 }, dept: { petition_office: 1 }, year: 2024 },
    g_district: { city: 'g_city', counties: { g_district: 1 }, dept: { township_office: 0.7, county_bureau: 0.3 }, year: 2025 },
    /** 12 townships in 6 cities */
    training_needs: {
      counties: { l_county: 1, b_county: 1, c_county: 1, d_county: 1, e_county: 1, f_county: 1 } as Record<string, number>,
      townships: ['l_t1', 'l_t2', 'b_t1', 'b_t2', 'c_t1', 'c_t2', 'd_t1', 'd_t2', 'e_t1', 'e_t2', 'f_t1', 'f_t2'],
      dept: { township_office: 1 } as Record<string, number>,
      year: 2025,
    },
  },
  /** mean latent proficiency and importance per competency (Likert scale centre 3). */
  competencyMeans: {
    political: { pro: 3.7, imp: 4.4 },
    law: { pro: 3.4, imp: 4.3 },
    service: { pro: 3.5, imp: 4.3 },
    research: { pro: 3.1, imp: 3.9 },
    learning: { pro: 3.3, imp: 4.0 },
    communication: { pro: 3.4, imp: 4.2 },
    innovation: { pro: 2.9, imp: 3.7 },
    emergency: { pro: 3.0, imp: 4.3 },
    psych_adjust: { pro: 3.2, imp: 3.8 },
    mass_work: { pro: 3.4, imp: 4.4 },
    rural_dev: { pro: 3.0, imp: 4.1 },
    digital: { pro: 2.8, imp: 3.9 },
    petition_law: { pro: 3.0, imp: 3.6 },
    mediation: { pro: 3.1, imp: 4.0 },
    resilience: { pro: 3.0, imp: 3.7 },
  } as Record<string, { pro: number; imp: number }>,
  /** petition staff rate petition competencies as more important and are better at them. */
  petitionStaff: { impBoost: { petition_law: 0.7, mediation: 0.5, resilience: 0.6 }, proBoost: { petition_law: 0.6, mediation: 0.3 } } as {
    impBoost: Record<string, number>;
    proBoost: Record<string, number>;
  },
  /** H County: medium overall, weakest in working skills and motivation (dimension shifts on proficiency). */
  hCounty: { overall: -0.1, dimensions: { working_skills: -0.45, motivation: -0.5 } as Record<string, number> },
  /** Z City petition department: weak public-service knowledge, low enthusiasm, high turnover intention. */
  zPetition: { competencies: { service: -0.6 } as Record<string, number>, enthusiasm: -0.7, turnover: 0.6 },
  /** demographic effects on proficiency (per competency, latent units) */
  demographics: {
    /** per decade of age above 40 (negative for younger) */
    agePerDecade: { mass_work: 0.15, emergency: 0.1, digital: -0.2, learning: -0.1, innovation: -0.1 } as Record<string, number>,
    /** bachelor's or postgraduate vs. below */
    higherEducation: { research: 0.3, digital: 0.3, innovation: 0.2, law: 0.15 } as Record<string, number>,
    /** per 10 years of service */
    servicePer10: { mass_work: 0.2, law: 0.1, political: 0.1 } as Record<string, number>,
  },
  /** latent structure of items: item = true score + noise; true score = mean + effects + loading·factor + unique */
  measurement: { generalLoading: 0.45, dimensionLoading: 0.35, uniqueSd: 0.3, itemNoiseSd: 0.55, importanceFactorSd: 0.45, importanceUniqueSd: 0.35, importanceNoiseSd: 0.38 },
  /**
   * Career model: latent standardised factors. Turnover intention (latent) =
   * coefficients · predictors + noise. Need satisfaction, fairness and fit lower it;
   * younger and better-educated staff more often intend to leave.
   */
  turnover: {
    intercept: 2.4,
    needSatisfaction: -0.35,
    justice: -0.25,
    fit: -0.25,
    exhaustion: 0.3,
    under30: 0.35,
    higherEducation: 0.2,
    townshipOffice: 0.15,
    noiseSd: 0.5,
  },
  /** training: mean trainings per year by sample/county, barrier probabilities */
  training: {
    meanCount: { default: 3.2, h_county: 2.2, z_urban: 2.6 } as Record<string, number>,
    barriers: {
      bar_few_opportunities: 0.58,
      bar_no_time: 0.52,
      bar_weak_teachers: 0.34,
      bar_irrelevant: 0.41,
      bar_proxy: 0.11,
      bar_little_professional: 0.47,
      bar_no_link: 0.33,
    } as Record<string, number>,
    /** levels decline from reaction to results, as in most Kirkpatrick evaluations */
    kirkpatrick: { kirk_reaction: 3.8, kirk_learning: 3.5, kirk_behaviour: 3.1, kirk_results: 2.8 } as Record<string, number>,
  },
  missingRate: 0.012,
} as const;

export type Model = typeof MODEL;

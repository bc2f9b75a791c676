/**
 * Competency-based training design: for each competency, the training content, the format that
 * suits it and the Kirkpatrick level at which to evaluate it (after the H County four-step model:
 * needs analysis → design → delivery and transfer → evaluation).
 */
export const PLAN: Record<string, { content: string; format: string; evaluate: string }> = {
  political: { content: 'Policy interpretation and political risk cases', format: 'Classroom seminars with case discussion', evaluate: 'Level 2 learning (case test)' },
  law: { content: 'Administrative law, enforcement procedure, legal reasoning', format: 'Case teaching with mock enforcement', evaluate: 'Level 3 behaviour (file audit)' },
  service: { content: 'Entitlements catalogue, explaining policy to residents', format: 'On-site teaching at service centres', evaluate: 'Level 4 results (resident satisfaction)' },
  research: { content: 'Field research methods and report writing', format: 'Project-based learning with a real topic', evaluate: 'Level 3 behaviour (report quality)' },
  learning: { content: 'Self-directed learning plans and online courses', format: 'Online courses with study groups', evaluate: 'Level 1 reaction and course completion' },
  communication: { content: 'Cross-department coordination and meeting skills', format: 'Role play and secondment', evaluate: 'Level 3 behaviour (360° feedback)' },
  innovation: { content: 'Problem solving and piloting new methods', format: 'Exchange visits to model townships', evaluate: 'Level 4 results (adopted improvements)' },
  emergency: { content: 'Contingency plans, incident command, crisis communication', format: 'Simulation drills on site', evaluate: 'Level 3 behaviour (drill performance)' },
  psych_adjust: { content: 'Stress management and work–life balance', format: 'Small-group workshops, counselling', evaluate: 'Level 1 reaction and burnout follow-up' },
  mass_work: { content: 'Village visits, mobilisation and trust building', format: 'Mentoring by experienced cadres in villages', evaluate: 'Level 3 behaviour (resident feedback)' },
  rural_dev: { content: 'Agricultural policy, industry projects, collective assets', format: 'On-site teaching bases and study tours', evaluate: 'Level 4 results (project outcomes)' },
  digital: { content: 'Government platforms, data for decisions, online services', format: 'Hands-on computer labs, online modules', evaluate: 'Level 2 learning (skills test)' },
  petition_law: { content: 'Petition regulations, case routing, time limits', format: 'Case teaching with real files', evaluate: 'Level 3 behaviour (case audit)' },
  mediation: { content: 'De-escalation and negotiated solutions', format: 'Role play with feedback, mentoring', evaluate: 'Level 3 behaviour (case outcomes)' },
  resilience: { content: 'Coping with hostility and repeated visits', format: 'Peer-support groups, supervision', evaluate: 'Level 1 reaction and exhaustion follow-up' },
};

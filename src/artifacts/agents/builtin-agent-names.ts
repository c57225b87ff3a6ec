/**
 * The built-in agents Kairos ships (DESIGN.md section 8), by the name an agents.yaml executor uses:
 * `executor: {type: builtin, name: planner}`.
 */
export const BuiltinAgentName = {
  /** Product Owner: turns milestones and the backlog into sprint plans. */
  Planner: 'planner',
  /** QA: reads JUnit XML and coverage reports into test evidence. */
  QaValidator: 'qa-validator',
  /** DevOps: checks pipeline and environment readiness. */
  DevopsReadiness: 'devops-readiness',
  /** Security: validates the sprint's security policy and trace spans. */
  SecurityPolicyValidator: 'security-policy-validator',
  /** Test generation: scaffolds Gherkin scenarios from acceptance criteria. */
  BddScaffolder: 'bdd-scaffolder',
} as const;
export type BuiltinAgentName = (typeof BuiltinAgentName)[keyof typeof BuiltinAgentName];

/** Every built-in agent name. */
export const builtinAgentNames: readonly BuiltinAgentName[] = Object.values(BuiltinAgentName);

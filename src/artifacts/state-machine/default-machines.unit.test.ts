import { beforeAll, describe, expect, it } from 'vitest';
import { compileMachine } from '../../domain/fsm/compile-machine.js';
import type { CompiledMachine } from '../../domain/fsm/compiled-machine.js';
import { MachineId } from '../../domain/fsm/machine-id.js';
import { given } from '../../domain/fsm/testing/given-machine.js';
import { validateMachineDefinition } from '../../domain/fsm/validate-machine-definition.js';
import { loadDefaultMachine } from './load-machines.js';

const load = async (id: MachineId): Promise<CompiledMachine> => compileMachine(await loadDefaultMachine(id));

describe('default machines', () => {
  it.each(Object.values(MachineId))('%s has no problem at all, not even a warning', async (id) => {
    const definition = await loadDefaultMachine(id);
    expect(definition.id).toBe(id);
    expect(definition.version).toMatch(/^[0-9a-f]{16}$/);
    expect(validateMachineDefinition(definition)).toEqual([]);
  });

  describe('sprint', () => {
    let sprint: CompiledMachine;
    beforeAll(async () => {
      sprint = await load(MachineId.Sprint);
    });
    const toActive = ['SprintPlanned', 'SprintTestPlanReady', 'SprintInfraReady', 'SprintReadyToStart'];
    const toVerifying = [...toActive, 'SprintOutputsReady'];
    const open = ['Planning', 'ValidatingScope', 'ValidatingInfra', 'Ready', 'Active', 'Verifying', 'RetryPhase'];
    // The events that lead from Planning to each open state.
    const pathTo: Record<string, string[]> = {
      Planning: [],
      ValidatingScope: toActive.slice(0, 1),
      ValidatingInfra: toActive.slice(0, 2),
      Ready: toActive.slice(0, 3),
      Active: toActive,
      Verifying: toVerifying,
      RetryPhase: [...toVerifying, 'GateFailed'],
    };

    it('walks Planning → ValidatingScope → ValidatingInfra → Ready → Active → Verifying → Closed', () => {
      const states = ['ValidatingScope', 'ValidatingInfra', 'Ready', 'Active', 'Verifying', 'Closed'];
      const events = [...toVerifying, 'AllTraceChecksPassed'];
      events.forEach((event, index) => given(sprint, ...events.slice(0, index)).when(event).thenState(states[index] as string));
    });

    it('starts agents and appends events on entry', () => {
      expect(given(sprint).when('SprintPlanned').result).toMatchObject({ activate: ['qa'], emit: [] });
      expect(given(sprint, 'SprintPlanned').when('SprintTestPlanReady').result).toMatchObject({ activate: ['devops-engineer'] });
      expect(given(sprint, ...toActive.slice(0, 3)).when('SprintReadyToStart').result).toMatchObject({ emit: ['SprintStarted'], activate: ['backend-developer', 'test-generator'] });
      expect(given(sprint, ...toVerifying).when('AllTraceChecksPassed').result).toMatchObject({ emit: ['SprintClosed'] });
    });

    it('retries: Verifying →(GateFailed) RetryPhase →(PatchEmitted) Active, or →(ManualApproval) Closed', () => {
      expect(given(sprint, ...toVerifying).when('GateFailed').thenState('RetryPhase').result).toMatchObject({ emit: ['RetryPhaseEntered'], activate: ['backend-developer'] });
      given(sprint, ...toVerifying, 'GateFailed').when('PatchEmitted').thenState('Active');
      given(sprint, ...toVerifying, 'GateFailed', 'PatchEmitted', 'SprintOutputsReady').when('AllTraceChecksPassed').thenState('Closed');
      expect(given(sprint, ...toVerifying, 'GateFailed').when('ManualApproval').thenState('Closed').result).toMatchObject({ emit: ['SprintClosed'] });
    });

    it('a security policy violation sends an Active or Verifying sprint to RetryPhase, and nothing else', () => {
      given(sprint, ...toActive).when('SecurityPolicyViolation').thenState('RetryPhase');
      given(sprint, ...toVerifying).when('SecurityPolicyViolation').thenState('RetryPhase');
      given(sprint, 'SprintPlanned').when('SecurityPolicyViolation').thenNotApplicable('no-transition');
    });

    it.each(open)('pauses from %s and resumes to it', (state) => {
      given(sprint, ...(pathTo[state] as string[])).when('SprintPaused').thenState('Paused');
      given(sprint, ...(pathTo[state] as string[]), 'SprintPaused').when('SprintResumed').thenState(state);
    });

    it('does not pause a paused sprint, and takes no work event while paused', () => {
      given(sprint, 'SprintPaused').when('SprintPaused').thenNotApplicable('no-transition');
      given(sprint, 'SprintPaused').when('SprintPlanned').thenNotApplicable('no-transition');
    });

    it.each([...open, 'Paused'])('aborts from %s', (state) => {
      const path = state === 'Paused' ? ['SprintPlanned', 'SprintPaused'] : (pathTo[state] as string[]);
      given(sprint, ...path).when('SprintAborted').thenState('Aborted');
    });

    it('rewinds only to a state the sprint has been in, keeping its history', () => {
      const outcome = given(sprint, ...toVerifying).when({ type: 'SprintRewound', target: 'ValidatingScope' }).thenState('ValidatingScope');
      expect(outcome.instance.transitions).toBe(6);
      given(sprint, ...toVerifying, { type: 'SprintRewound', target: 'ValidatingScope' }).when({ type: 'SprintRewound', target: 'Active' }).thenState('Active');
      given(sprint, ...toActive).when({ type: 'SprintRewound', target: 'Verifying' }).thenRefused(/Verifying is not a state this instance has been in/);
      given(sprint, ...toActive).when({ type: 'SprintRewound', target: 'RetryPhase' }).thenRefused(/a rewind only returns to an earlier state/);
      given(sprint, ...toActive, 'SprintPaused').when({ type: 'SprintRewound', target: 'Ready' }).thenState('Ready');
    });

    it.each(['Closed', 'Aborted'])('%s is final: it refuses every event', (state) => {
      const path = state === 'Closed' ? [...toVerifying, 'AllTraceChecksPassed'] : ['SprintAborted'];
      for (const event of ['SprintResumed', 'SprintRewound', 'SprintAborted', 'SprintPaused', 'PatchEmitted']) given(sprint, ...path).when(event).thenNotApplicable('terminal');
    });
  });

  describe('milestone', () => {
    let milestone: CompiledMachine;
    beforeAll(async () => {
      milestone = await load(MachineId.Milestone);
    });

    it('Pending →(MilestoneStarted) Active →(allSprintsClosed) GateCheck →(gatesPassed) Completed, announcing it', () => {
      given(milestone).when('MilestoneStarted').thenState('Active');
      given(milestone, 'MilestoneStarted').when('allSprintsClosed').thenState('GateCheck');
      expect(given(milestone, 'MilestoneStarted', 'allSprintsClosed').when('gatesPassed').thenState('Completed').result).toMatchObject({
        emit: ['MilestoneCompleted', 'MilestoneReached'],
      });
    });

    it('GateCheck →(gatesFailed) Blocked →(evidenceChanged) GateCheck', () => {
      expect(given(milestone, 'MilestoneStarted', 'allSprintsClosed').when('gatesFailed').thenState('Blocked').result).toMatchObject({ emit: ['MilestoneBlocked'] });
      given(milestone, 'MilestoneStarted', 'allSprintsClosed', 'gatesFailed').when('evidenceChanged').thenState('GateCheck');
      given(milestone, 'MilestoneStarted', 'allSprintsClosed', 'gatesFailed', 'evidenceChanged').when('gatesPassed').thenState('Completed');
    });

    it('Completed is final', () => {
      given(milestone, 'MilestoneStarted', 'allSprintsClosed', 'gatesPassed').when('evidenceChanged').thenNotApplicable('terminal');
    });
  });

  describe('phase', () => {
    let phase: CompiledMachine;
    beforeAll(async () => {
      phase = await load(MachineId.Phase);
    });

    it('DomainSetup → CoreLogic → TestValidation → ReleasePrep, each step guarded by its gates', () => {
      given(phase).when('ArtifactProduced').thenGuarded(['blueprintValidated']);
      expect(given(phase).when('ArtifactProduced', () => true).thenState('CoreLogic').result).toMatchObject({ activate: ['backend-developer'] });
      given(phase, 'ArtifactProduced').when('TestsPassed').thenGuarded(['testsPassed']);
      given(phase, 'ArtifactProduced').when('TestsPassed', () => true).thenState('TestValidation');
      given(phase, 'ArtifactProduced', 'TestsPassed').when('GateConditionsSatisfied').thenGuarded(['testsPassed', 'traceMatrixComplete']);
      expect(given(phase, 'ArtifactProduced', 'TestsPassed').when('GateConditionsSatisfied', () => true).thenState('ReleasePrep').result).toMatchObject({ activate: ['documentation'] });
    });

    it('stays in its phase while the gates fail', () => {
      given(phase).when('ArtifactProduced', () => false).thenGuarded(['blueprintValidated']);
      given(phase, 'ArtifactProduced').when('ArtifactProduced', () => true).thenNotApplicable('no-transition');
    });
  });
});

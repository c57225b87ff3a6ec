import { describe, expect, it } from 'vitest';
import { criterionScenario } from './criterion-scenario.js';

const steps = (criterion: string) => criterionScenario(criterion)?.steps.map((step) => `${step.keyword} ${step.text}`);

describe('criterionScenario', () => {
  it('splits a one-line Given … when … then … (any case) at its keywords', () => {
    expect(steps('given a booking when it is submitted then it is saved')).toEqual(['Given a booking', 'When it is submitted', 'Then it is saved']);
    expect(steps('GIVEN a booking, WHEN it is submitted; THEN it is saved')).toEqual(['Given a booking', 'When it is submitted', 'Then it is saved']);
  });

  it('accepts a one-line criterion without Given, or without When, but not without Then', () => {
    expect(steps('When the form is sent then it is saved')).toEqual(['When the form is sent', 'Then it is saved']);
    expect(steps('Given a full calendar then no slot is offered')).toEqual(['Given a full calendar', 'Then no slot is offered']);
    expect(criterionScenario('When the form is sent, it is saved')?.pending).toBe(true);
    expect(criterionScenario('Then it is saved')?.pending).toBe(true);
  });

  it('starts another step at a capitalised And or But inside a part, not at a lower-case and', () => {
    expect(steps('Given a user and a slot when she books then a booking exists And an email is sent But no SMS is sent')).toEqual([
      'Given a user and a slot',
      'When she books',
      'Then a booking exists',
      'And an email is sent',
      'But no SMS is sent',
    ]);
  });

  it('only splits at the first when and the next then; later ones stay text', () => {
    expect(steps('Given a slot when booked when full then refuse then log')).toEqual(['Given a slot', 'When booked when full', 'Then refuse then log']);
  });

  it('takes several keyword lines as steps, normalising the keyword case and keeping *', () => {
    expect(steps('given a booking\n  WHEN it is submitted\nthen it is saved\nand it is listed\n* nothing else')).toEqual([
      'Given a booking',
      'When it is submitted',
      'Then it is saved',
      'And it is listed',
      '* nothing else',
    ]);
  });

  it('names a structured criterion after its name line or `Name:` prefix, else after its first Then', () => {
    expect(criterionScenario('Scenario: Valid request\nGiven a\nWhen b\nThen c')?.name).toBe('Valid request');
    expect(criterionScenario('Valid request: Given a when b then c')?.name).toBe('Valid request');
    expect(criterionScenario('Given a when b then the booking is saved')?.name).toBe('the booking is saved');
  });

  it('reads lines that are not all steps as one line: a continuation joins its step, anything else is a plain sentence', () => {
    expect(steps('Given a booking\nfor two people\nThen it is saved')).toEqual(['Given a booking for two people', 'Then it is saved']);
    const draft = criterionScenario('The customer pays\nand gets a receipt');
    expect(draft?.pending).toBe(true);
    expect(draft?.steps.at(-1)?.text).toBe('The customer pays and gets a receipt');
    expect(criterionScenario('Then a\nAnd b')?.pending).toBe(true);
  });

  it('never writes a step without text: a keyword with nothing after it makes the criterion plain', () => {
    expect(criterionScenario('Given a when b then')?.pending).toBe(true);
    expect(criterionScenario('Given a, when , then c')?.pending).toBe(true);
  });

  it('gives a plain sentence TODO Given/When placeholders quoting it (quotes turned to apostrophes) and the sentence as Then', () => {
    expect(criterionScenario('The "Book" button is disabled')).toEqual({
      name: 'The "Book" button is disabled',
      steps: [
        { keyword: 'Given', text: `TODO: the preconditions of "The 'Book' button is disabled"` },
        { keyword: 'When', text: `TODO: the action that leads to "The 'Book' button is disabled"` },
        { keyword: 'Then', text: 'The "Book" button is disabled' },
      ],
      pending: true,
    });
  });

  it('returns undefined for a blank criterion', () => {
    expect(criterionScenario(' \n\t ')).toBeUndefined();
  });
});

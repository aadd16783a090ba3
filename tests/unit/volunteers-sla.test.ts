import { describe, expect, it } from 'vitest';
import { dueEscalations } from '../../src/domain/volunteers/sla';
import { DEFAULT_WORKFLOW, type WorkflowConfig } from '../../src/domain/volunteers/workflow';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

describe('which escalation levels are due and not yet recorded', () => {
  it('calls nobody while a request is on time', () => {
    expect(dueEscalations(0, [], DEFAULT_WORKFLOW)).toEqual([]);
    expect(dueEscalations(-5 * DAY, [], DEFAULT_WORKFLOW)).toEqual([]);
    expect(dueEscalations(Number.NaN, [], DEFAULT_WORKFLOW)).toEqual([]);
  });

  it('calls the grid as soon as a request is late, the community after 2 days, the town after 5, the district after 10', () => {
    expect(dueEscalations(1, [], DEFAULT_WORKFLOW)).toEqual(['grid']);
    expect(dueEscalations(2 * DAY - 1, [], DEFAULT_WORKFLOW)).toEqual(['grid']);
    expect(dueEscalations(2 * DAY, [], DEFAULT_WORKFLOW)).toEqual(['grid', 'community']);
    expect(dueEscalations(5 * DAY, [], DEFAULT_WORKFLOW)).toEqual(['grid', 'community', 'town']);
    expect(dueEscalations(40 * DAY, [], DEFAULT_WORKFLOW)).toEqual(['grid', 'community', 'town', 'district']);
  });

  it('leaves out levels already recorded, so a second run records nothing new', () => {
    expect(dueEscalations(3 * DAY, ['grid'], DEFAULT_WORKFLOW)).toEqual(['community']);
    expect(dueEscalations(3 * DAY, ['grid', 'community'], DEFAULT_WORKFLOW)).toEqual([]);
    // A level recorded out of order (e.g. by an earlier ladder) still counts as recorded.
    expect(dueEscalations(11 * DAY, ['town'], DEFAULT_WORKFLOW)).toEqual(['grid', 'community', 'district']);
  });

  it('follows the configured ladder, not a fixed one', () => {
    const quick: WorkflowConfig = {
      cycleDays: 3,
      stageDays: {},
      escalation: [
        { level: 'community', afterOverdueDays: 1 },
        { level: 'district', afterOverdueDays: 0.5 },
      ],
    };
    expect(dueEscalations(13 * HOUR, [], quick)).toEqual(['district']);
    expect(dueEscalations(DAY, [], quick)).toEqual(['community', 'district']);
    expect(dueEscalations(DAY, [], { ...quick, escalation: [] })).toEqual([]);
  });
});

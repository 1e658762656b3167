import { describe, expect, it } from '@jest/globals';
import type { CatalogueView, SubscriptionView } from '@portal/contracts';
import { analyse, issueFieldPath, renumber, toFormState } from './subscription-model';

const catalogue: CatalogueView = {
  objectives: [
    {
      code: 'D1',
      name: 'Samenleven',
      actions: [
        {
          code: 'A1',
          text: 'Buurtfeest',
          rows: [{ code: 'A1-R1', unit: 'feest', maxUnits: 10, centsPerUnit: 50_000 }],
        },
        { code: 'A2', text: 'Taalcafé', rows: [{ code: 'A2-R1', unit: 'sessie', maxUnits: 40, centsPerUnit: 12_500 }] },
      ],
    },
  ],
};

const empty = { reach: {}, priorities: {}, ownContribution: '' };

describe('subscription form model', () => {
  it('shows a saved subscription as typed text', () => {
    const view = {
      lines: [{ rowCode: 'A1-R1', currentReach: 2, plannedExtraReach: 3 }],
      priorities: { A1: 1 },
      ownContributionCents: 150_050,
    } as unknown as SubscriptionView;
    expect(toFormState(view, ',')).toEqual({
      reach: { 'A1-R1': { current: '2', planned: '3' } },
      priorities: { A1: '1' },
      ownContribution: '1.500,50',
    });
  });

  it('computes the contribution of the chosen actions with the domain rules', () => {
    const analysis = analyse(catalogue, {
      reach: { 'A1-R1': { current: '0', planned: '3' }, 'A2-R1': { current: '5', planned: '0' } },
      priorities: { A1: '1' },
      ownContribution: '1500',
    });
    expect(analysis.chosen).toEqual(['A1']);
    expect(analysis.totals.totalCents).toBe(150_000);
    expect(analysis.typingErrors).toEqual({});
    expect(analysis.input?.priorities).toEqual({ A1: 1 });
  });

  it('saves every value that parses, keeps the saved value for one that does not, and says which', () => {
    const saved = {
      lines: [{ rowCode: 'A1-R1', currentReach: 0, plannedExtraReach: 2 }],
      priorities: { A1: 1 },
      ownContributionCents: 123_400,
    };
    const analysis = analyse(
      catalogue,
      {
        ...empty,
        reach: { 'A1-R1': { current: '4', planned: 'drie' } },
        priorities: { A1: '0' },
        ownContribution: 'veel',
      },
      saved,
    );
    expect(analysis.input).toBeNull();
    expect(analysis.draft).toEqual({
      lines: [{ rowCode: 'A1-R1', currentReach: 4, plannedExtraReach: 2 }],
      priorities: { A1: 1 },
      ownContributionCents: 123_400,
    });
    expect(analysis.blocking).toEqual([]);
    expect(analysis.typingErrors).toEqual({
      'reach.A1-R1.planned': 'notWholeNumber',
      'priorities.A1': 'invalidPriority',
      ownContribution: 'invalidAmount',
    });
  });

  it('sends a draft that breaks the rules (own contribution too low): the server stores it with its issues', () => {
    const analysis = analyse(catalogue, {
      reach: { 'A1-R1': { current: '0', planned: '3' } },
      priorities: { A1: '1' },
      ownContribution: '10',
    });
    expect(analysis.issues.map((i) => i.code)).toEqual(['OWN_CONTRIBUTION_TOO_LOW']);
    expect(analysis.blocking).toEqual([]);
    expect(analysis.draft.ownContributionCents).toBe(1000);
  });

  it('keeps priorities 1..n as actions are chosen and dropped', () => {
    expect(renumber({ A1: '1' }, ['A1'], ['A1', 'A2'])).toEqual({ A1: '1', A2: '2' });
    expect(renumber({ A1: '2', A2: '1' }, ['A1', 'A2'], ['A1'])).toEqual({ A1: '1' });
    const unchanged = { A1: '7' };
    expect(renumber(unchanged, ['A1'], ['A1'])).toBe(unchanged);
  });

  it('places a domain issue on the field it is about', () => {
    const input = {
      lines: [{ rowCode: 'A2-R1', currentReach: 0, plannedExtraReach: 99 }],
      priorities: {},
      ownContributionCents: 0,
    };
    const issue = (field: string) => ({ field, code: 'X', message: { nl: '', en: '' } });
    expect(issueFieldPath(issue('lines.0.plannedExtraReach'), input)).toBe('reach.A2-R1.planned');
    expect(issueFieldPath(issue('ownContributionCents'), input)).toBe('ownContribution');
    expect(issueFieldPath(issue('priorities.A1'), null)).toBe('priorities.A1');
  });
});

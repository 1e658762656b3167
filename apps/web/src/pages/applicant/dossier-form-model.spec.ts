import { describe, expect, it } from '@jest/globals';
import type { CallView, DossierView } from '@portal/contracts';
import {
  blockedByIssues,
  changedFields,
  contentForRules,
  differingKeys,
  draftOf,
  elementIdOf,
  formPathOf,
  sameContent,
  toDraft,
  toFormValues,
} from './dossier-form-model';

const call = {
  id: 'call-1',
  maxRequestedCents: 5_000_000,
  projectStart: '2027-01-01',
  projectEnd: '2027-12-31',
  applicantKinds: ['organisation'],
  policyDomains: [],
  questions: [
    { code: 'DOEL', label: 'Doel', type: 'longText', required: true },
    { code: 'BEREIK', label: 'Bereik', type: 'number', required: false },
  ],
  attachments: [{ code: 'BEGROTING', label: 'Begroting', required: true }],
} as unknown as CallView;

const dossier = (overrides: Partial<DossierView> = {}): DossierView =>
  ({
    id: 'dossier-1',
    title: 'Buurtwerking',
    summary: 'Samen spelen',
    answers: { DOEL: 'Kinderen verbinden', BEREIK: 120.5 },
    projectStart: '2027-02-01',
    projectEnd: null,
    budgetLines: [{ description: 'Loon', amountCents: 1_234_56 }],
    otherIncomeCents: 0,
    ownContributionCents: 10_000,
    requestedCents: 100_000,
    ...overrides,
  }) as DossierView;

describe('dossier form model', () => {
  it('shows amounts formatted as typed ("1.234,56") and numbers with the language’s separator, empty amounts empty', () => {
    const values = toFormValues(dossier(), call, ',');
    expect(values.budgetLines).toEqual([{ description: 'Loon', amount: '1.234,56' }]);
    expect(values.answers).toEqual({ DOEL: 'Kinderen verbinden', BEREIK: '120,5' });
    expect(values.otherIncome).toBe('');
    expect(values.requested).toBe('1.000,00');
    expect(toFormValues(dossier(), call, '.').requested).toBe('1,000.00');
    expect(values.projectEnd).toBe('');
  });

  it('converts the form back to the content it came from', () => {
    const view = dossier();
    for (const separator of [',', '.'] as const) {
      const { content, parseErrors, unparsable } = toDraft(
        toFormValues(view, call, separator),
        call,
        draftOf(view, call),
      );
      expect(parseErrors).toEqual({});
      expect(unparsable.size).toBe(0);
      expect(sameContent(content, draftOf(view, call))).toBe(true);
    }
  });

  it('keeps the saved value of an amount that does not convert, and says which field is wrong', () => {
    const saved = draftOf(dossier(), call);
    const values = {
      ...toFormValues(dossier(), call, ','),
      requested: 'twaalf',
      answers: { DOEL: 'x', BEREIK: 'veel' },
    };
    const { content, parseErrors, unparsable } = toDraft(values, call, saved);
    expect(content.requestedCents).toBe(saved.requestedCents);
    expect(content.answers.BEREIK).toBe(120.5);
    expect(parseErrors).toEqual({ requested: 'validation.amount', 'answers.BEREIK': 'validation.number' });
    expect([...unparsable]).toEqual(['requestedCents']);
    // The rules see what the form shows: an amount that does not convert counts as nothing.
    expect(contentForRules(values, call, toDraft(values, call, saved), ['BEGROTING']).requestedCents).toBe(0);
  });

  it('sends only what changed, never a blocked field; a refused answer keeps its saved value', () => {
    const saved = draftOf(dossier(), call);
    const current = { ...saved, title: 'Nieuw', requestedCents: 9_999_999, answers: { DOEL: 'Anders', BEREIK: -1 } };
    const patch = changedFields(saved, current, new Set(['requestedCents']), new Set(['BEREIK']));
    expect(patch).toEqual({ title: 'Nieuw', answers: { DOEL: 'Anders', BEREIK: 120.5 } });
    expect(differingKeys(saved, current)).toEqual(['title', 'answers', 'requestedCents']);
  });

  it('blocks the amounts a cost rule speaks about, and answers one by one', () => {
    const issue = (field: string, code: string) => ({ field, code, message: { nl: '', en: '' } });
    const blocked = blockedByIssues([
      issue('requestedCents', 'AMOUNT_ABOVE_COST'),
      issue('answers.BEREIK', 'belowMin'),
      issue('projectEnd', 'PERIOD_OUTSIDE_CALL'),
    ]);
    expect([...blocked.keys].sort()).toEqual(['budgetLines', 'otherIncomeCents', 'projectEnd', 'requestedCents']);
    expect([...blocked.answers]).toEqual(['BEREIK']);
  });

  it('maps the API’s field names to form paths and element ids', () => {
    expect(formPathOf('requestedCents')).toBe('requested');
    expect(formPathOf('budgetLines.2.amountCents')).toBe('budgetLines.2.amount');
    expect(formPathOf('answers.DOEL')).toBe('answers.DOEL');
    expect(elementIdOf('budgetLines.2.amount')).toBe('dossier-field-budgetLines-2-amount');
    expect(elementIdOf('attachments.BEGROTING')).toBe('attachment-input-BEGROTING');
  });
});

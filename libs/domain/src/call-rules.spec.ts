import { callPublicationIssues, harmfulCallChanges, type CallRulesInput } from './call-rules';

const valid: CallRulesInput = {
  code: 'GV-CONNECT-2020',
  title: 'Connecteren',
  applicantKinds: ['organisation'],
  policyDomains: ['Jeugd'],
  opensAt: new Date('2020-05-11T07:00:00Z'),
  closesAt: new Date('2020-05-22T21:59:59Z'),
  maxRequestedCents: 10_000_000,
  budgetCents: 212_500_000,
  projectStart: '2020-05-01',
  projectEnd: '2020-12-31',
  questions: [{ code: 'Q1', type: 'text', required: true }],
  attachments: [{ code: 'BEGROTING', required: true }],
  criteria: [{ code: 'TARGET', scaleMin: 0, scaleMax: 5, weight: 3, threshold: 3 }],
};

const fields = (issues: Array<{ field: string; code: string }>) =>
  issues.map((issue) => `${issue.field}:${issue.code}`);

describe('call rules', () => {
  it('accepts the reference call', () => {
    expect(callPublicationIssues(valid)).toEqual([]);
  });

  it('refuses a call that closes before it opens, a cap above the budget and a non-positive weight', () => {
    const issues = callPublicationIssues({
      ...valid,
      closesAt: valid.opensAt,
      maxRequestedCents: 300_000_000,
      criteria: [{ code: 'TARGET', scaleMin: 0, scaleMax: 5, weight: 0, threshold: 6 }],
    });
    expect(fields(issues)).toEqual([
      'closesAt:closesBeforeOpens',
      'maxRequestedCents:capAboveBudget',
      'criteria.0.weight:positive',
      'criteria.0.threshold:thresholdOutsideScale',
    ]);
  });

  it('refuses changes that hurt applicants once dossiers exist, and allows the ones that help', () => {
    const hurting = harmfulCallChanges(valid, {
      ...valid,
      closesAt: new Date('2020-05-20T21:59:59Z'),
      maxRequestedCents: 9_999_999,
      questions: [...valid.questions, { code: 'Q2', type: 'text', required: true }],
    });
    expect(fields(hurting)).toEqual([
      'closesAt:earlierDeadline',
      'maxRequestedCents:lowerCap',
      'questions:newRequiredQuestion',
    ]);
    const helping = harmfulCallChanges(valid, {
      ...valid,
      closesAt: new Date('2020-05-25T21:59:59Z'),
      maxRequestedCents: 12_000_000,
      questions: [...valid.questions, { code: 'Q2', type: 'text', required: false }],
    });
    expect(helping).toEqual([]);
  });
});

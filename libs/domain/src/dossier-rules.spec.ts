import {
  costLimitCents,
  maxRequestableCents,
  dossierDraftIssues,
  dossierRefusedIssues,
  dossierReference,
  dossierSubmissionIssues,
  eligibilityIssue,
  type DossierCallRules,
  type DossierContent,
} from './dossier-rules';

const call: DossierCallRules = {
  applicantKinds: ['organisation'],
  policyDomains: ['Cultuur', 'Jeugd', 'Sport', 'Welzijn'],
  maxRequestedCents: 10_000_000,
  projectStart: '2020-05-01',
  projectEnd: '2020-12-31',
  questions: [
    { code: 'TARGET', label: 'Doelgroep', type: 'longText', required: true, maxLength: 20, minLength: 3 },
    { code: 'REACH', label: 'Bereik', type: 'number', required: true, min: 1, max: 1000 },
    { code: 'DOMAIN', label: 'Domein', type: 'choice', required: false, options: ['Jeugd', 'Sport'] },
  ],
  attachments: [{ code: 'BEGROTING', label: 'Begroting', required: true }],
};

const complete: DossierContent = {
  title: 'Project',
  summary: 'Samenvatting',
  answers: { TARGET: 'Jongeren', REACH: 40 },
  projectStart: '2020-06-01',
  projectEnd: '2020-12-31',
  budgetLines: [{ description: 'Kosten', amountCents: 12_000_000 }],
  ownContributionCents: 0,
  otherIncomeCents: 1_000_000,
  requestedCents: 10_000_000,
  attachmentKinds: ['BEGROTING'],
};

const codes = (issues: Array<{ field: string; code: string }>) => issues.map((issue) => `${issue.field}:${issue.code}`);

describe('dossier rules', () => {
  it('holds free-text answers to the human-text rule, multi-line only for long text', () => {
    const shortText = { ...call, questions: [{ code: 'NAME', label: 'Naam', type: 'text' as const, required: false }] };
    expect(codes(dossierDraftIssues(call, { ...complete, answers: { TARGET: 'Jong\u0000' } }))).toEqual([
      'answers.TARGET:nulCharacter',
    ]);
    expect(codes(dossierDraftIssues(call, { ...complete, answers: { TARGET: '\uDC00' } }))).toEqual([
      'answers.TARGET:invalidUnicode',
    ]);
    expect(dossierDraftIssues(call, { ...complete, answers: { TARGET: 'Jongeren\nouders' } })).toEqual([]);
    expect(codes(dossierDraftIssues(shortText, { ...complete, answers: { NAME: 'Jan\nPiet' } }))).toEqual([
      'answers.NAME:controlCharacter',
    ]);
    const [issue] = dossierDraftIssues(call, { ...complete, answers: { TARGET: 'a\u202Eb' } });
    expect(issue).toMatchObject({ field: 'answers.TARGET', code: 'bidiControl' });
    expect(issue.message.nl).toMatch(/^Doelgroep /);
  });

  it('stores a draft that breaks rules, refuses one that can never be stored (ADR 0018)', () => {
    const breaking: DossierContent = {
      ...complete,
      answers: { REACH: 5000 },
      projectStart: '2019-01-01',
      requestedCents: 10_000_001,
    };
    expect(codes(dossierDraftIssues(call, breaking)).sort()).toEqual([
      'answers.REACH:outOfRange',
      'projectStart:PERIOD_OUTSIDE_CALL',
      'requestedCents:AMOUNT_ABOVE_CAP',
    ]);
    expect(dossierRefusedIssues(call, breaking)).toEqual([]);
    const impossible = { ...complete, answers: { TARGET: 'Jong\u0000', REACH: 'veel', DOMAIN: 'Ruimte', X: 'y' } };
    expect(codes(dossierRefusedIssues(call, impossible as unknown as DossierContent)).sort()).toEqual([
      'answers.DOMAIN:unknownOption',
      'answers.REACH:notNumber',
      'answers.TARGET:nulCharacter',
      'answers.X:unknownQuestion',
    ]);
  });

  it('accepts a complete dossier at exactly the cap', () => {
    expect(dossierSubmissionIssues(call, complete)).toEqual([]);
  });

  it('refuses one cent above the cap', () => {
    expect(codes(dossierDraftIssues(call, { ...complete, requestedCents: 10_000_001 }))).toContain(
      'requestedCents:AMOUNT_ABOVE_CAP',
    );
  });

  it('refuses more than the total cost minus other income', () => {
    const content = {
      ...complete,
      budgetLines: [{ description: 'Kosten', amountCents: 5_000_000 }],
      requestedCents: 4_000_001,
    };
    expect(codes(dossierDraftIssues(call, content))).toEqual(['requestedCents:AMOUNT_ABOVE_COST']);
    expect(dossierDraftIssues(call, { ...content, requestedCents: 4_000_000 })).toEqual([]);
  });

  it('keeps the project period within the call', () => {
    expect(codes(dossierDraftIssues(call, { ...complete, projectStart: '2020-04-30' }))).toEqual([
      'projectStart:PERIOD_OUTSIDE_CALL',
    ]);
    expect(codes(dossierDraftIssues(call, { ...complete, projectEnd: '2021-01-01' }))).toEqual([
      'projectEnd:PERIOD_OUTSIDE_CALL',
    ]);
    expect(
      codes(dossierDraftIssues(call, { ...complete, projectStart: '2020-09-01', projectEnd: '2020-08-01' })),
    ).toEqual(['projectEnd:endBeforeStart']);
  });

  it('checks answers against their questions', () => {
    const issues = dossierDraftIssues(call, {
      ...complete,
      answers: { TARGET: 'x'.repeat(21), REACH: 0, DOMAIN: 'Cultuur', EXTRA: 'y' },
    });
    expect(codes(issues)).toEqual([
      'answers.TARGET:tooLong',
      'answers.REACH:outOfRange',
      'answers.DOMAIN:unknownOption',
      'answers.EXTRA:unknownQuestion',
    ]);
  });

  it('lets a draft be incomplete but names everything missing at submission', () => {
    const empty: DossierContent = {
      ...complete,
      title: ' ',
      summary: '',
      answers: {},
      projectStart: null,
      projectEnd: null,
      budgetLines: [],
      requestedCents: 0,
      otherIncomeCents: 0,
      attachmentKinds: [],
    };
    expect(dossierDraftIssues(call, empty)).toEqual([]);
    expect(codes(dossierSubmissionIssues(call, empty))).toEqual([
      'title:required',
      'summary:required',
      'projectStart:required',
      'projectEnd:required',
      'budgetLines:required',
      'requestedCents:required',
      'answers.TARGET:required',
      'answers.REACH:required',
      'attachments.BEGROTING:required',
    ]);
  });

  it('decides eligibility on applicant kind and policy domain', () => {
    expect(eligibilityIssue(call, { kind: 'organisation', policyDomains: ['Welzijn'] })).toBeNull();
    expect(eligibilityIssue(call, { kind: 'organisation', policyDomains: ['Onderwijs'] })?.en).toMatch(
      /policy domains/,
    );
    expect(eligibilityIssue(call, { kind: 'local_government', policyDomains: ['Jeugd'] })?.en).toMatch(
      /kind of applicant/,
    );
  });

  it('formats human references', () => {
    expect(dossierReference('GV-CONNECT-2020', 42)).toBe('GV-CONNECT-2020-0042');
  });
});

describe('maxRequestableCents', () => {
  const lines = (...amounts: number[]) => amounts.map((amountCents) => ({ description: 'x', amountCents }));

  it('is the cap when the costs leave more', () => {
    expect(
      maxRequestableCents({ maxRequestedCents: 50_000 }, { budgetLines: lines(80_000), otherIncomeCents: 0 }),
    ).toBe(50_000);
  });

  it('is what the costs leave (cost minus other income) when that is less, never below zero', () => {
    const call = { maxRequestedCents: 50_000 };
    expect(maxRequestableCents(call, { budgetLines: lines(30_000, 5_000), otherIncomeCents: 10_000 })).toBe(25_000);
    expect(maxRequestableCents(call, { budgetLines: lines(1_000), otherIncomeCents: 10_000 })).toBe(0);
    expect(costLimitCents({ budgetLines: [], otherIncomeCents: 10 })).toBe(0);
  });
});

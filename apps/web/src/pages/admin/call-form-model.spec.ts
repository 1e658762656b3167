import { describe, expect, it } from '@jest/globals';
import type { CallView } from '@portal/contracts';
import {
  callElementId,
  callFormPath,
  callToForm,
  changedCallFields,
  codeFromLabel,
  EMPTY_CRITERION,
  EMPTY_QUESTION,
  emptyCallForm,
  formToCallInput,
} from './call-form-model';

const call = {
  code: 'GV-2027',
  title: 'Connecteren',
  description: 'Kinderen en jongeren',
  applicantKinds: ['organisation'],
  policyDomains: ['Jeugd'],
  opensAt: '2027-03-01T08:00:00.000Z',
  closesAt: '2027-04-01T10:00:00.000Z',
  maxRequestedCents: 5_000_050,
  budgetCents: 100_000_000,
  projectStart: '2027-06-01',
  projectEnd: '2028-05-31',
  oneDossierPerApplicant: true,
  attachments: [{ code: 'BEGROTING', label: 'Begroting', required: true }],
  questions: [
    { code: 'DOEL', label: 'Doel', type: 'longText', required: true, maxLength: 2000 },
    { code: 'BEREIK', label: 'Bereik', type: 'number', required: false, min: 0, max: 1000.5 },
    { code: 'VORM', label: 'Vorm', type: 'choice', required: true, options: ['vzw', 'feitelijke vereniging'] },
  ],
  criteria: [{ code: 'K1', label: 'Relevantie', scaleMin: 0, scaleMax: 5, weight: 1.5, threshold: 2.5 }],
  tieBreak: ['requestedAmount'],
} as unknown as CallView;

describe('call form model', () => {
  it('shows a call in Brussels wall-clock time and the language’s decimal separator', () => {
    const values = callToForm(call, ',');
    expect(values.opensAt).toBe('2027-03-01T09:00');
    expect(values.closesAt).toBe('2027-04-01T12:00');
    expect(values.maxRequested).toBe('50000,50');
    expect(values.questions[1]).toMatchObject({ min: '0', max: '1000,5' });
    expect(values.questions[2]?.options).toBe('vzw, feitelijke vereniging');
    expect(values.criteria[0]).toMatchObject({ weight: '1,5', threshold: '2,5' });
  });

  it('converts the form into the input the API takes (only the limits that fit each question type)', () => {
    const { input, parseErrors } = formToCallInput(callToForm(call, '.'));
    expect(parseErrors).toEqual({});
    expect(input.maxRequestedCents).toBe(5_000_050);
    expect(input.opensAt).toBe('2027-03-01T09:00');
    expect(input.questions).toEqual([
      { code: 'DOEL', label: 'Doel', type: 'longText', required: true, maxLength: 2000 },
      { code: 'BEREIK', label: 'Bereik', type: 'number', required: false, min: 0, max: 1000.5 },
      { code: 'VORM', label: 'Vorm', type: 'choice', required: true, options: ['vzw', 'feitelijke vereniging'] },
    ]);
    expect(input.criteria).toEqual(call.criteria);
    expect(input.tieBreak).toEqual(['requestedAmount']);
  });

  it('names the fields that do not convert', () => {
    const values = emptyCallForm();
    values.maxRequested = 'veel';
    values.questions = [{ ...EMPTY_QUESTION, type: 'text', maxLength: '12,5' }];
    values.criteria = [{ code: 'K1', label: 'x', scaleMin: '0', scaleMax: 'vijf', weight: '1', threshold: '1' }];
    expect(formToCallInput(values).parseErrors).toEqual({
      maxRequested: 'validation.amount',
      'questions.0.maxLength': 'validation.integer',
      'criteria.0.scaleMax': 'validation.number',
    });
  });

  it('patches only the fields that changed', () => {
    const { input } = formToCallInput(callToForm(call, ','));
    expect(changedCallFields(input, { ...input, title: 'Nieuw' })).toEqual({ title: 'Nieuw' });
    expect(changedCallFields(input, input)).toEqual({});
  });

  it('maps API fields to form paths and element ids', () => {
    expect(callFormPath('maxRequestedCents')).toBe('maxRequested');
    expect(callFormPath('questions.0.code')).toBe('questions.0.code');
    expect(callElementId('questions.0.code')).toBe('call-field-questions-0-code');
  });
});

describe('codes made from labels', () => {
  it('turns a Dutch label into a code the API accepts, unique within its list', () => {
    expect(codeFromLabel('Begroting en financiën', new Set(), 'BIJLAGE')).toBe('BEGROTING-EN-FINANCIEN');
    expect(codeFromLabel('  Wie bereikt het project?  ', new Set(), 'VRAAG')).toBe('WIE-BEREIKT-HET-PROJECT');
    expect(codeFromLabel('Begroting', new Set(['BEGROTING', 'BEGROTING-2']), 'BIJLAGE')).toBe('BEGROTING-3');
    expect(codeFromLabel('€ — ?', new Set(), 'VRAAG')).toBe('VRAAG');
    expect(codeFromLabel('x'.repeat(100), new Set(), 'VRAAG')).toMatch(/^X{40}$/);
  });

  it('fills in only the codes left empty, keeping typed and saved ones', () => {
    const values = {
      ...emptyCallForm(),
      questions: [
        { ...EMPTY_QUESTION, code: '', label: 'Doel van het project' },
        { ...EMPTY_QUESTION, code: 'DOEL-VAN-HET-PROJECT', label: 'Iets anders' },
      ],
      criteria: [{ ...EMPTY_CRITERION, code: '', label: 'Relevantie' }],
      attachments: [{ code: '', label: 'Statuten', required: true }],
    };
    const { input } = formToCallInput(values);
    expect(input.questions.map((q) => q.code)).toEqual(['DOEL-VAN-HET-PROJECT-2', 'DOEL-VAN-HET-PROJECT']);
    expect(input.criteria[0].code).toBe('RELEVANTIE');
    expect(input.criteria[0].scaleMax).toBe(5);
    expect(input.attachments[0].code).toBe('STATUTEN');
  });
});

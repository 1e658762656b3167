import {
  DEFAULT_REMINDER_OFFSETS_MINUTES,
  type CallAttachmentRequirement,
  type CallCriterion,
  type CallQuestion,
} from '@portal/contracts';
import { DateTime } from 'luxon';
import { BRUSSELS, parseCallMoment } from '@portal/domain';
import type { CallEntity } from '@portal/server';
import connecteren from './calls/connecteren-kwetsbare-kinderen.json';

/** The questions the administration asked in the demo (the sources do not publish the real form). */
export const DEMO_QUESTIONS: CallQuestion[] = [
  {
    code: 'TARGET_GROUP',
    label: 'Welke kwetsbare kinderen en jongeren bereikt het project, en hoe?',
    type: 'longText',
    required: true,
    maxLength: 2000,
  },
  {
    code: 'REACH',
    label: 'Aantal kinderen en jongeren dat u bereikt',
    type: 'number',
    required: true,
    min: 1,
    max: 100000,
  },
  {
    code: 'DOMAIN',
    label: 'Belangrijkste beleidsdomein van het project',
    type: 'choice',
    required: true,
    options: ['Cultuur', 'Jeugd', 'Sport', 'Welzijn'],
  },
];

export const DEMO_ATTACHMENTS: CallAttachmentRequirement[] = [
  { code: 'BEGROTING', label: 'Gedetailleerde begroting', required: true },
  { code: 'STATUTEN', label: 'Statuten van de organisatie', required: false },
];

function criteria(): CallCriterion[] {
  return connecteren.exampleCriteria.items.map((item) => ({
    code: item.code,
    label: item.label,
    scaleMin: 0,
    scaleMax: 5,
    weight: item.weight,
    threshold: item.threshold,
  }));
}

type SeedCall = Omit<CallEntity, 'id' | 'createdAt' | 'updatedAt' | 'version' | 'dossierSeq'>;

/** The reference call with its real 2020 figures and dates (calls/connecteren-kwetsbare-kinderen.json). */
export function referenceCall(): SeedCall {
  return {
    code: connecteren.code,
    title: connecteren.title,
    description: `${connecteren.programme}. ${connecteren.decision}`,
    kind: 'project',
    status: 'published',
    applicantKinds: ['organisation'],
    policyDomains: connecteren.policyDomains,
    opensAt: parseCallMoment(connecteren.opensAt)!,
    closesAt: parseCallMoment(connecteren.closesAt)!,
    maxRequestedCents: connecteren.maxRequestedEur * 100,
    budgetCents: connecteren.budgetEur * 100,
    projectStart: connecteren.projectPeriod.start,
    projectEnd: connecteren.projectPeriod.end,
    oneDossierPerApplicant: connecteren.oneDossierPerApplicant,
    attachments: DEMO_ATTACHMENTS,
    questions: DEMO_QUESTIONS,
    criteria: criteria(),
    tieBreak: ['criteria-in-order', 'earlier-submission'],
    reminderOffsetsMinutes: DEFAULT_REMINDER_OFFSETS_MINUTES,
    publishedAt: parseCallMoment(connecteren.opensAt)!,
  };
}

/** A copy of the reference call that is open now, closing at 23:59:59 Brussels time 30 days from now. */
export function demoCall(now: Date): SeedCall {
  const today = DateTime.fromJSDate(now, { zone: BRUSSELS });
  const year = today.plus({ days: 30 }).year + 1;
  return {
    ...referenceCall(),
    code: 'GV-CONNECT-DEMO',
    title: `${connecteren.title} (demo)`,
    description:
      'Demo-oproep naar het voorbeeld van de oproep van 2020, open zodat u het hele verloop kunt uitproberen.',
    opensAt: today.minus({ days: 1 }).startOf('day').toJSDate(),
    closesAt: today.plus({ days: 30 }).set({ hour: 23, minute: 59, second: 59, millisecond: 0 }).toJSDate(),
    projectStart: `${year}-01-01`,
    projectEnd: `${year}-12-31`,
    publishedAt: now,
  };
}

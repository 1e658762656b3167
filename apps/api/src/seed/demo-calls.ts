import {
  DEFAULT_REMINDER_OFFSETS_MINUTES,
  type CallAttachmentRequirement,
  type CallInformation,
  type CallCriterion,
  type CallQuestion,
} from '@portal/contracts';
import { DateTime } from 'luxon';
import { BRUSSELS, catalogueFromJson, parseCallMoment } from '@portal/domain';
import type { CallEntity } from '@portal/server';
import connecteren from './calls/connecteren-kwetsbare-kinderen.json';
import planSamenleven from './calls/plan-samenleven.json';

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

/**
 * The demo copies run in a later year: their feasibility criterion asks about their own project period, not about
 * the corona measures of 2020 (the 2020 reference call keeps its own label).
 */
export const DEMO_FEASIBILITY_LABEL = 'Haalbaarheid binnen de projectperiode en met de voorziene middelen';

function criteria(demo = false): CallCriterion[] {
  return connecteren.exampleCriteria.items.map((item) => ({
    code: item.code,
    label: demo && item.code === 'FEASIBLE' ? DEMO_FEASIBILITY_LABEL : item.label,
    scaleMin: 0,
    scaleMax: 5,
    weight: item.weight,
    threshold: item.threshold,
  }));
}

/** What the reference call is about, in the words of the action plan Generatie Veerkracht (DOMAIN.md). */
const CONNECT_INFORMATION: CallInformation = {
  objectives:
    'Kinderen en jongeren in een kwetsbare situatie opnieuw verbinden met hun buurt en met de wereld buiten hun gezin: ontmoeting, vrije tijd, cultuur, sport en jeugdwerk, na een periode waarin die verbindingen wegvielen.',
  targetGroup:
    'Maatschappelijk kwetsbare kinderen en jongeren en hun gezinnen. Aanvragers zijn organisaties met een ondernemingsnummer; elke organisatie dient één dossier in.',
  assessmentMethod:
    'De administratie controleert eerst de ontvankelijkheid (tijdig, volledig, aanvrager en bedrag binnen de oproep). Daarna scoren beoordelaars elk dossier op de criteria hieronder (0 tot 5, halve punten toegelaten). De administratie legt per criterium een consensusscore vast; de gewogen totalen bepalen de rangschikking, en de dossiers worden in volgorde geselecteerd tot het budget op is. De minister beslist.',
  contactName: 'Team subsidies, Departement Cultuur, Jeugd en Media',
  contactEmail: 'subsidies@portaal.example',
  contactPhone: '02 553 00 00',
};

type SeedCall = Omit<CallEntity, 'id' | 'createdAt' | 'updatedAt' | 'version' | 'dossierSeq' | 'assessmentStage'>;

/**
 * A copy of the reference call for a demo in a later year: the same rules and criteria, with a feasibility criterion
 * that does not speak of 2020. Dates, code and title are the caller's.
 */
export function referenceCallCopy(): SeedCall {
  return { ...referenceCall(), criteria: criteria(true) };
}

/** The reference call with its real 2020 figures and dates (calls/connecteren-kwetsbare-kinderen.json). */
export function referenceCall(): SeedCall {
  return {
    code: connecteren.code,
    title: connecteren.title,
    description: `${connecteren.programme}. ${connecteren.decision}`,
    kind: 'project',
    catalogue: null,
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
    information: CONNECT_INFORMATION,
    reminderOffsetsMinutes: DEFAULT_REMINDER_OFFSETS_MINUTES,
    publishedAt: parseCallMoment(connecteren.opensAt)!,
  };
}

/** A copy of the reference call that is open now, closing at 23:59:59 Brussels time 30 days from now. */
export function demoCall(now: Date): SeedCall {
  const today = DateTime.fromJSDate(now, { zone: BRUSSELS });
  const year = today.plus({ days: 30 }).year + 1;
  return {
    ...referenceCallCopy(),
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

/**
 * The call budget of Plan Samenleven is not in our sources (DOMAIN.md gives only the EUR 2,953,350 that went to six
 * actions): the seed uses this demo value, below what all local governments together could ask, so an allocation by
 * priority rounds has something to decide.
 */
export const PLAN_SAMENLEVEN_DEMO_BUDGET_EUR = 3_000_000;

const PLAN_SAMENLEVEN_DESCRIPTION = [
  'De Vlaamse Regering ondersteunt lokale besturen om samenleven in diversiteit te doen slagen: 7 strategische doelstellingen met acties waarop een lokaal bestuur intekent.',
  'Per rij van de catalogus staan de eenheid, het maximale geplande extra bereik en de Vlaamse bijdrage per eenheid; de Vlaamse bijdrage is het geplande bereik maal het bedrag per eenheid.',
  'Het lokaal bestuur investeert zelf minstens evenveel als de Vlaamse bijdrage (cofinanciering 1:1) en nummert de gekozen acties 1 tot n: volstaat het budget niet voor alle intekeningen, dan verdeelt de administratie het volgens die prioriteiten.',
].join('\n\n');

/** The real Plan Samenleven catalogue call of 2022 (calls/plan-samenleven.json), closed on 1 July 2022 at 23:59:59. */
export function planSamenlevenCall(): SeedCall {
  const parsed = catalogueFromJson(planSamenleven);
  if (!parsed.ok) throw new Error(`plan-samenleven.json: ${parsed.issues.map((i) => i.field).join(', ')}`);
  const maxCents = parsed.catalogue.objectives
    .flatMap((o) => o.actions.flatMap((a) => a.rows))
    .reduce((sum, row) => sum + row.maxUnits * row.centsPerUnit, 0);
  return {
    code: planSamenleven.code,
    title: planSamenleven.title,
    description: PLAN_SAMENLEVEN_DESCRIPTION,
    kind: 'catalogue',
    catalogue: parsed.catalogue,
    status: 'published',
    applicantKinds: ['local_government'],
    policyDomains: [],
    opensAt: parseCallMoment(planSamenleven.opensAt)!,
    closesAt: parseCallMoment(planSamenleven.closesAt)!,
    maxRequestedCents: maxCents,
    budgetCents: PLAN_SAMENLEVEN_DEMO_BUDGET_EUR * 100,
    projectStart: planSamenleven.projectPeriod.start,
    projectEnd: planSamenleven.projectPeriod.end,
    oneDossierPerApplicant: true,
    attachments: [],
    questions: [],
    criteria: [],
    tieBreak: ['earlier-submission'],
    information: {
      objectives:
        'Samenleven in diversiteit doen slagen: het lokaal bestuur tekent in op acties uit 7 strategische doelstellingen en bereikt extra mensen per eenheid van de catalogus.',
      targetGroup: 'Lokale besturen (gemeenten, met hun NIS-code); één intekening per bestuur.',
      assessmentMethod:
        'Elke intekening wordt getoetst aan de catalogus (maximaal bereik per rij, cofinanciering 1:1). Volstaat het budget niet, dan verdeelt de administratie het in rondes volgens de prioriteiten die elk bestuur aan zijn acties gaf. De minister beslist over de verdeling.',
      contactName: 'Team Samenleven, Agentschap Binnenlands Bestuur',
      contactEmail: 'samenleven@portaal.example',
    },
    reminderOffsetsMinutes: DEFAULT_REMINDER_OFFSETS_MINUTES,
    publishedAt: parseCallMoment(planSamenleven.opensAt)!,
  };
}

/** A copy of the Plan Samenleven call that is open now, closing at 23:59:59 Brussels time 30 days from now. */
export function demoPlanSamenlevenCall(now: Date): SeedCall {
  const today = DateTime.fromJSDate(now, { zone: BRUSSELS });
  const year = today.plus({ days: 30 }).year + 1;
  return {
    ...planSamenlevenCall(),
    code: 'PLAN-SAMENLEVEN-DEMO',
    // The real title names its years (2022-2024): the demo names its own, those of its project period.
    title: `${planSamenleven.title.replace(/\d{4}-\d{4}/, `${year}-${year + 2}`)} (demo)`,
    description: `Demo-oproep met de echte catalogus van 2022, open zodat u het intekenen kunt uitproberen.\n\n${PLAN_SAMENLEVEN_DESCRIPTION}`,
    opensAt: today.minus({ days: 1 }).startOf('day').toJSDate(),
    closesAt: today.plus({ days: 30 }).set({ hour: 23, minute: 59, second: 59, millisecond: 0 }).toJSDate(),
    projectStart: `${year}-01-01`,
    projectEnd: `${year + 2}-12-31`,
    publishedAt: now,
  };
}

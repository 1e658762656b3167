import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { AnswerValue, CallView, DossierView } from '@portal/contracts';
import { DateTime } from '../../components/date-time';
import { Money } from '../../components/money';
import { currentLanguage } from '../../i18n';

export interface ReadOnlyDossierProps {
  dossier: DossierView;
  call: CallView;
}

/**
 * A dossier that can no longer be changed (deadline passed, withdrawn) shown as what it holds: definition lists and a
 * budget table, no greyed-out inputs and no "(required)" markers, which belong to a form someone can still fill in.
 */
export function ReadOnlyDossier({ dossier, call }: ReadOnlyDossierProps) {
  const { t } = useTranslation();
  const empty = <span className="muted">{t('dossier.readOnlySummary.notFilled')}</span>;
  const text = (value: string): ReactNode => (value.trim() === '' ? empty : value);
  const answer = (value: AnswerValue | undefined): ReactNode => {
    if (value === null || value === undefined || value === '') return empty;
    if (typeof value === 'number') return value.toLocaleString(currentLanguage() === 'nl' ? 'nl-BE' : 'en-BE');
    return String(value);
  };
  const day = (value: string | null): ReactNode => (value ? <DateTime value={value} format="longDate" /> : empty);

  return (
    <div className="dossier-summary" data-testid="dossier-summary">
      <section aria-labelledby="dossier-summary-project">
        <h2 id="dossier-summary-project">{t('dossier.projectTitle')}</h2>
        <dl className="facts dossier-summary__list">
          <Fact label={t('dossier.titleLabel')}>{text(dossier.title)}</Fact>
          <Fact label={t('dossier.summaryLabel')}>
            <span className="dossier-summary__text">{text(dossier.summary)}</span>
          </Fact>
        </dl>
      </section>

      {call.questions.length > 0 ? (
        <section aria-labelledby="dossier-summary-questions">
          <h2 id="dossier-summary-questions">{t('dossier.questionsTitle')}</h2>
          <dl className="facts dossier-summary__list">
            {call.questions.map((question) => (
              <Fact key={question.code} label={question.label}>
                <span className="dossier-summary__text">{answer(dossier.answers[question.code])}</span>
              </Fact>
            ))}
          </dl>
        </section>
      ) : null}

      <section aria-labelledby="dossier-summary-period">
        <h2 id="dossier-summary-period">{t('dossier.periodTitle')}</h2>
        <dl className="facts dossier-summary__list">
          <Fact label={t('dossier.projectStart')}>{day(dossier.projectStart)}</Fact>
          <Fact label={t('dossier.projectEnd')}>{day(dossier.projectEnd)}</Fact>
        </dl>
      </section>

      <section aria-labelledby="dossier-summary-budget">
        <h2 id="dossier-summary-budget">{t('dossier.budgetTitle')}</h2>
        {dossier.budgetLines.length === 0 ? (
          <p className="muted">{t('dossier.noBudgetLines')}</p>
        ) : (
          <div className="table-scroll">
            <table className="data-table dossier-summary__budget">
              <thead>
                <tr>
                  <th scope="col">{t('dossier.budgetDescription')}</th>
                  <th scope="col" className="cell--end">
                    {t('dossier.readOnlySummary.amount')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {dossier.budgetLines.map((line, index) => (
                  <tr key={index}>
                    <td>{text(line.description)}</td>
                    <td className="cell--end">
                      <Money cents={line.amountCents} />
                    </td>
                  </tr>
                ))}
              </tbody>
              <tfoot>
                <tr>
                  <th scope="row">{t('dossier.totalCost')}</th>
                  <td className="cell--end" data-testid="dossier-summary-total">
                    <Money cents={dossier.totalCostCents} />
                  </td>
                </tr>
              </tfoot>
            </table>
          </div>
        )}
      </section>

      <section aria-labelledby="dossier-summary-financing">
        <h2 id="dossier-summary-financing">{t('dossier.financingTitle')}</h2>
        <dl className="facts dossier-summary__list">
          <Fact label={t('dossier.readOnlySummary.otherIncome')}>
            <Money cents={dossier.otherIncomeCents} />
          </Fact>
          <Fact label={t('dossier.readOnlySummary.ownContribution')}>
            <Money cents={dossier.ownContributionCents} />
          </Fact>
          <Fact label={t('dossier.readOnlySummary.requested')}>
            <strong data-testid="dossier-summary-requested">
              <Money cents={dossier.requestedCents} />
            </strong>
          </Fact>
        </dl>
      </section>

      <section aria-labelledby="dossier-summary-attachments">
        <h2 id="dossier-summary-attachments">{t('dossier.attachmentsTitle')}</h2>
        {call.attachments.length === 0 ? (
          <p className="muted">{t('dossier.noAttachmentsAsked')}</p>
        ) : (
          <dl className="facts dossier-summary__list">
            {call.attachments.map((requirement) => {
              const files = dossier.attachments.filter((attachment) => attachment.kind === requirement.code);
              return (
                <Fact key={requirement.code} label={requirement.label}>
                  {files.length === 0 ? (
                    empty
                  ) : (
                    <ul className="dossier-summary__files">
                      {files.map((file) => (
                        <li key={file.id}>
                          <a
                            href={`/api/v1/dossiers/${encodeURIComponent(dossier.id)}/attachments/${encodeURIComponent(file.id)}`}
                            download
                          >
                            {file.filename}
                          </a>
                        </li>
                      ))}
                    </ul>
                  )}
                </Fact>
              );
            })}
          </dl>
        )}
      </section>
    </div>
  );
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

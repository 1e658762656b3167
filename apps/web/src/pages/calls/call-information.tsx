import { useTranslation } from 'react-i18next';
import type { CallView } from '@portal/contracts';
import { formatScore } from '../../lib/format';

/** What the call is about and how it is assessed: applicants read the criteria and weights before they apply. */
export function CallInformationSections({ call }: { call: CallView }) {
  const { t } = useTranslation();
  const info = call.information;
  const contact = [info.contactName, info.contactPhone].filter(Boolean).join(', ');
  return (
    <>
      {info.objectives ? (
        <section aria-labelledby="call-objectives">
          <h2 id="call-objectives">{t('callInfo.objectives')}</h2>
          <p className="pre-line" data-testid="call-objectives">
            {info.objectives}
          </p>
        </section>
      ) : null}
      {info.targetGroup ? (
        <section aria-labelledby="call-target-group">
          <h2 id="call-target-group">{t('callInfo.targetGroup')}</h2>
          <p className="pre-line">{info.targetGroup}</p>
        </section>
      ) : null}
      {info.assessmentMethod || call.criteria.length > 0 ? (
        <section aria-labelledby="call-assessment">
          <h2 id="call-assessment">{t('callInfo.assessmentMethod')}</h2>
          {info.assessmentMethod ? <p className="pre-line">{info.assessmentMethod}</p> : null}
          {call.criteria.length > 0 ? (
            <div className="table-scroll" role="region" aria-labelledby="call-criteria-caption" tabIndex={0}>
              <table className="data-table" data-testid="call-criteria">
                <caption id="call-criteria-caption">{t('callInfo.criteriaCaption')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('callInfo.criterion')}</th>
                    <th scope="col" className="cell--end">
                      {t('callInfo.weight')}
                    </th>
                    <th scope="col" className="cell--end">
                      {t('callInfo.scale')}
                    </th>
                    <th scope="col" className="cell--end">
                      {t('callInfo.threshold')}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {call.criteria.map((criterion) => (
                    <tr key={criterion.code}>
                      <th scope="row">{criterion.label}</th>
                      <td className="cell--end">{formatScore(criterion.weight)}</td>
                      <td className="cell--end">
                        {formatScore(criterion.scaleMin)}–{formatScore(criterion.scaleMax)}
                      </td>
                      <td className="cell--end">{criterion.threshold > 0 ? formatScore(criterion.threshold) : '–'}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ) : null}
        </section>
      ) : null}
      {info.contactName || info.contactEmail || info.regulationUrl ? (
        <section aria-labelledby="call-contact">
          <h2 id="call-contact">{t('callInfo.contactTitle')}</h2>
          {contact ? <p data-testid="call-contact">{contact}</p> : null}
          {info.contactEmail ? (
            <p>
              <a href={`mailto:${info.contactEmail}`}>{info.contactEmail}</a>
            </p>
          ) : null}
          {info.regulationUrl ? (
            <p>
              <a href={info.regulationUrl} rel="noopener noreferrer">
                {t('callInfo.regulationLink')}
              </a>
            </p>
          ) : null}
        </section>
      ) : null}
    </>
  );
}

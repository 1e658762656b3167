import { useTranslation } from 'react-i18next';
import type { CallView } from '@portal/contracts';
import { formatMoney } from '../../lib/format';
import { differingKeys, type DraftContent, type DraftKey } from './dossier-form-model';

const COMPARED_LABEL: Record<DraftKey, string> = {
  title: 'dossier.titleLabel',
  summary: 'dossier.summaryLabel',
  answers: 'dossier.questionsTitle',
  projectStart: 'dossier.projectStart',
  projectEnd: 'dossier.projectEnd',
  budgetLines: 'dossier.totalCost',
  otherIncomeCents: 'dossier.otherIncome',
  ownContributionCents: 'dossier.ownContribution',
  requestedCents: 'dossier.requested',
};

function shorten(text: string, max = 120): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}

/** Side by side: the fields where this tab's version differs from the one saved by someone else. */
export function ConflictComparison({
  mine,
  theirs,
  call,
}: {
  mine: DraftContent;
  theirs: DraftContent;
  call: CallView;
}) {
  const { t } = useTranslation();
  const tr = t as unknown as (key: string) => string;
  const show = (content: DraftContent, key: DraftKey, code?: string): string => {
    if (key === 'answers' && code) return shorten(String(content.answers[code] ?? '–'));
    if (key === 'budgetLines') {
      return `${formatMoney(content.budgetLines.reduce((sum, line) => sum + line.amountCents, 0))} (${content.budgetLines.length})`;
    }
    if (key === 'otherIncomeCents' || key === 'ownContributionCents' || key === 'requestedCents') {
      return formatMoney(content[key]);
    }
    const value = content[key];
    if (value === null || value === '') return '–';
    return shorten(typeof value === 'string' ? value : JSON.stringify(value));
  };
  const rows: { id: string; label: string; mine: string; theirs: string }[] = [];
  for (const key of differingKeys(mine, theirs)) {
    if (key === 'answers') {
      for (const question of call.questions) {
        if (
          JSON.stringify(mine.answers[question.code] ?? null) === JSON.stringify(theirs.answers[question.code] ?? null)
        ) {
          continue;
        }
        rows.push({
          id: `answers.${question.code}`,
          label: question.label,
          mine: show(mine, key, question.code),
          theirs: show(theirs, key, question.code),
        });
      }
    } else {
      rows.push({ id: key, label: tr(COMPARED_LABEL[key]), mine: show(mine, key), theirs: show(theirs, key) });
    }
  }
  if (rows.length === 0) return <p>{t('dossier.conflict.noDifferences')}</p>;
  return (
    <div className="table-scroll">
      <table className="data-table data-table--compact">
        <caption>{t('dossier.conflict.compareCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('dossier.conflict.field')}</th>
            <th scope="col">{t('dossier.conflict.mine')}</th>
            <th scope="col">{t('dossier.conflict.theirs')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id}>
              <th scope="row">{row.label}</th>
              <td>{row.mine}</td>
              <td>{row.theirs}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

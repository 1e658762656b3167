import { useTranslation } from 'react-i18next';
import { Button } from '../../components/button';

export interface GroupProps {
  groupError?: string;
}

/** The message of a whole list (questions, attachments, ...) from the server. */
export function GroupError({ id, message }: { id: string; message?: string }) {
  const { t } = useTranslation();
  if (!message) return null;
  return (
    <p className="form-field__error" id={id}>
      <span className="visually-hidden">{t('form.errorPrefix')} </span>
      {message}
    </p>
  );
}

/** Move up, move down and remove for one item of a list. */
export function ItemButtons({
  index,
  count,
  move,
  remove,
  itemLabel,
}: {
  index: number;
  count: number;
  move: (from: number, to: number) => void;
  remove: (index: number) => void;
  itemLabel: string;
}) {
  const { t } = useTranslation();
  return (
    <div className="button-row button-row--small">
      <Button variant="secondary" disabled={index === 0} onClick={() => move(index, index - 1)}>
        {t('admin.moveUp')}
        <span className="visually-hidden"> {itemLabel}</span>
      </Button>
      <Button variant="secondary" disabled={index === count - 1} onClick={() => move(index, index + 1)}>
        {t('admin.moveDown')}
        <span className="visually-hidden"> {itemLabel}</span>
      </Button>
      <Button variant="secondary" onClick={() => remove(index)}>
        {t('admin.remove')}
        <span className="visually-hidden"> {itemLabel}</span>
      </Button>
    </div>
  );
}

import { useTranslation } from 'react-i18next';
import { FormField } from '../../components/form-field';
import { callElementId } from './call-form-model';

/** What the call is about (shown on the call page) and what its decision letters quote. */
export function CallInformationFields() {
  const { t } = useTranslation();
  const field = (name: string) => ({ name: `information.${name}`, id: callElementId(`information.${name}`) });
  return (
    <>
      <fieldset className="fieldset">
        <legend className="fieldset__legend">{t('admin.information.legend')}</legend>
        <p className="form-field__help">{t('admin.information.help')}</p>
        <div className="form form--nested">
          <FormField as="textarea" rows={4} {...field('objectives')} label={t('callInfo.objectives')} />
          <FormField as="textarea" rows={3} {...field('targetGroup')} label={t('callInfo.targetGroup')} />
          <FormField
            as="textarea"
            rows={4}
            {...field('assessmentMethod')}
            label={t('callInfo.assessmentMethod')}
            help={t('admin.information.assessmentMethodHelp')}
          />
          <div className="form-row">
            <FormField {...field('contactName')} label={t('callInfo.contactName')} autoComplete="off" />
            <FormField type="email" {...field('contactEmail')} label={t('callInfo.contactEmail')} autoComplete="off" />
            <FormField type="tel" {...field('contactPhone')} label={t('callInfo.contactPhone')} autoComplete="off" />
          </div>
          <FormField
            type="url"
            {...field('regulationUrl')}
            label={t('callInfo.regulationUrl')}
            help={t('admin.information.regulationUrlHelp')}
            rules={{ pattern: { value: /^https:\/\/\S+$/, message: 'validation.httpsUrl' } }}
          />
        </div>
      </fieldset>
      <fieldset className="fieldset">
        <legend className="fieldset__legend">{t('admin.information.lettersLegend')}</legend>
        <p className="form-field__help">{t('admin.information.lettersHelp')}</p>
        <div className="form form--nested">
          <FormField as="textarea" rows={4} {...field('appealRoute')} label={t('admin.information.appealRoute')} />
          <FormField
            as="textarea"
            rows={4}
            {...field('awardConditions')}
            label={t('admin.information.awardConditions')}
          />
        </div>
      </fieldset>
    </>
  );
}

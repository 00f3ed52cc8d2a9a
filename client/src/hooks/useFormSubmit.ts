import { useState } from 'react';
import { App } from 'antd';
import type { FormInstance } from 'antd';
import { useTranslation } from 'react-i18next';
import { describeError } from '../lib/errors';
import { applyServerIssues } from '../lib/formErrors';

/**
 * A form's submit: runs `action` with the values while `submitting` is true; a rejected request's
 * field issues go onto the matching fields, anything else is shown as a message.
 */
export function useFormSubmit<T extends object>(
  form: FormInstance<T>,
  fieldNames: readonly string[],
  action: (values: T) => Promise<void>,
): { submitting: boolean; submit: (values: T) => Promise<void> } {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [submitting, setSubmitting] = useState(false);
  const submit = async (values: T) => {
    setSubmitting(true);
    try {
      await action(values);
    } catch (error) {
      if (!applyServerIssues(form, error, fieldNames)) void message.error(describeError(error, t));
    } finally {
      setSubmitting(false);
    }
  };
  return { submitting, submit };
}

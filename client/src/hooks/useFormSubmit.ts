import { useState } from 'react';
import { App } from 'antd';
import type { FormInstance } from 'antd';
import { useTranslation } from 'react-i18next';
import { describeError } from '../lib/errors';
import { applyServerIssues } from '../lib/formErrors';

/**
 * A form's submit: runs `action` with the values while `submitting` is true; a rejected request's
 * field issues go onto the matching fields, anything else is shown by `showError` (a message by
 * default).
 */
export function useFormSubmit<T extends object, V = T>(
  form: FormInstance<T>,
  fieldNames: readonly string[],
  action: (values: V) => Promise<void>,
  showError?: (text: string) => void,
): { submitting: boolean; submit: (values: V) => Promise<void> } {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [submitting, setSubmitting] = useState(false);
  const submit = async (values: V) => {
    setSubmitting(true);
    try {
      await action(values);
    } catch (error) {
      if (applyServerIssues(form, error, fieldNames)) return;
      const text = describeError(error, t);
      if (showError) showError(text);
      else void message.error(text);
    } finally {
      setSubmitting(false);
    }
  };
  return { submitting, submit };
}

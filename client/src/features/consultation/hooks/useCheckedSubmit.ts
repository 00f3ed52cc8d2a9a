import { useState } from 'react';
import type { FormInstance } from 'antd';
import { useFormSubmit } from '../../../hooks/useFormSubmit';
import { showFieldProblems } from '../lib/zodFields';
import type { FieldProblem } from '../lib/zodFields';

/**
 * The submit flow of the consultation dialogs: the problems found before sending go on the form's
 * fields (the rest into `problem`); otherwise `request` is sent while `saving`, and the server's
 * field issues of a rejected request go on the fields too (any other error into `problem`).
 */
export function useCheckedSubmit<T extends object>(form: FormInstance<T>, fieldNames: readonly string[]) {
  const [problem, setProblem] = useState<string | null>(null);
  const { submitting, submit } = useFormSubmit(
    form,
    fieldNames,
    (request: () => Promise<void>) => request(),
    setProblem,
  );

  const send = async (problems: FieldProblem[], request: () => Promise<void>): Promise<void> => {
    setProblem(null);
    if (problems.length > 0) {
      const rest = showFieldProblems(form, problems, fieldNames);
      if (rest.length > 0) setProblem(rest.join('；'));
      return;
    }
    await submit(request);
  };

  return { saving: submitting, problem, setProblem, send };
}

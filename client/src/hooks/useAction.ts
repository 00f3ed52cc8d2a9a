import { useState } from 'react';
import { App } from 'antd';
import { useTranslation } from 'react-i18next';
import { describeError } from '../lib/errors';

/**
 * One-click actions (a button, a confirmed removal): while one runs, `busy` is true and `busyKey`
 * names what it runs for (a row's id with `runFor`); success shows `done` and calls `onChanged`,
 * failure shows the error.
 */
export function useAction(onChanged: () => void) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [busyKey, setBusyKey] = useState<string | null>(null);

  const runFor = async (key: string, action: () => Promise<unknown>, done: string): Promise<void> => {
    setBusyKey(key);
    try {
      await action();
      void message.success(done);
      onChanged();
    } catch (error) {
      void message.error(describeError(error, t));
    } finally {
      setBusyKey(null);
    }
  };
  const run = (action: () => Promise<unknown>, done: string) => runFor('', action, done);

  return { busy: busyKey !== null, busyKey, run, runFor };
}

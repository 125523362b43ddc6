import { type RefObject, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useBlocker } from 'react-router';

/** Asks before leaving a page with unsaved edits: a link in the app (React Router's blocker) and
 * closing or reloading the tab (beforeunload). A router holds one blocker at a time, so a form
 * inside a dialog over another form does not guard itself: the outer one does. */
export function useLeaveGuard(isDirty: boolean, released?: RefObject<boolean>) {
  const { t } = useTranslation();
  // `released`: set by a form that has just saved and moves on before it renders again.
  const blocker = useBlocker(
    ({ currentLocation, nextLocation }) =>
      isDirty && !released?.current && currentLocation.pathname !== nextLocation.pathname,
  );
  useEffect(() => {
    if (blocker.state !== 'blocked') return;
    if (window.confirm(t('create.leaveConfirm'))) blocker.proceed();
    else blocker.reset();
  }, [blocker, t]);
  useEffect(() => {
    if (!isDirty) return;
    const warn = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      // Older browsers show the prompt only when a value is set.
      event.returnValue = '';
    };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [isDirty]);
}

/** The guard as a component, for forms that guard only sometimes. */
export function LeaveGuard({ isDirty, released }: { isDirty: boolean; released?: RefObject<boolean> }) {
  useLeaveGuard(isDirty, released);
  return null;
}

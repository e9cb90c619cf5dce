import { useEffect } from 'react';
import { commonMessages } from './i18n/common.messages';
import { useMessages } from './i18n/use-messages';

/**
 * The browser tab says where the reader is: `parts` then the app's name, joined by " · " (the name
 * alone for no parts). `null` leaves the title to a page shown inside this one (a group's own page).
 */
export function useDocumentTitle(parts: readonly string[] | null) {
  const { t } = useMessages('common', commonMessages);
  const title = parts === null ? null : [...parts, t('appName')].join(' · ');
  useEffect(() => {
    if (title !== null) document.title = title;
  }, [title]);
}

import { useEffect, useState } from 'react';
import { commonMessages } from '../i18n/common.messages';
import { useMessages } from '../i18n/use-messages';

interface CopyButtonProps {
  text: string;
  /** Read after "Copy" by screen readers, e.g. "the checksum of w4r-2025-final" (translated by the caller). */
  what: string;
}

/** Copies `text` to the clipboard and says so for a moment, also to screen readers. */
export function CopyButton({ text, what }: CopyButtonProps) {
  const { t } = useMessages('common', commonMessages);
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');

  useEffect(() => {
    if (state !== 'copied') return; // a failure stays, with the text to copy by hand
    const timer = window.setTimeout(() => setState('idle'), 3000);
    return () => window.clearTimeout(timer);
  }, [state]);

  async function copy() {
    try {
      // Missing outside secure contexts (plain http on another host than localhost).
      if (!navigator.clipboard) throw new Error('no clipboard');
      await navigator.clipboard.writeText(text);
      setState('copied');
    } catch {
      setState('failed');
    }
  }

  return (
    <span className="copy">
      <button type="button" className="button button--small button--secondary" onClick={() => void copy()}>
        {t('copy.copy')}
        <span className="visually-hidden"> {what}</span>
      </button>
      <span className="copy__feedback" role="status">
        {state === 'copied' ? (
          t('copy.copied')
        ) : state === 'failed' ? (
          <>
            {t('copy.blocked')} <code className="copy__text">{text}</code>
          </>
        ) : null}
      </span>
    </span>
  );
}

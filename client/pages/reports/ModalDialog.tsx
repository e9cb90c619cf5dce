import { useEffect, useId, useRef, type ReactNode } from 'react';

interface ModalDialogProps {
  title: string;
  /** Escape, or the caller's own Cancel button. */
  onClose: () => void;
  children: ReactNode;
}

/**
 * A native modal <dialog>: the rest of the page is inert while it is open, Escape closes it, focus
 * starts on the element marked `data-autofocus` (else the first control) and goes back to what
 * opened it when it closes, if that is still on the page.
 */
export function ModalDialog({ title, onClose, children }: ModalDialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    dialog.showModal();
    dialog.querySelector<HTMLElement>('[data-autofocus]')?.focus();
    return () => {
      if (dialog.open) dialog.close();
      if (opener?.isConnected) opener.focus();
    };
  }, []);

  return (
    <dialog
      ref={ref}
      className="reports-dialog"
      aria-labelledby={titleId}
      onCancel={(event) => {
        event.preventDefault(); // closed by unmounting, so React and the element agree
        onClose();
      }}
    >
      <h2 id={titleId}>{title}</h2>
      {children}
    </dialog>
  );
}

import { useId, type RefObject } from 'react';

interface ReplaceSnapshotConfirmProps {
  /** The slug of the final snapshot that would be replaced, when the server named it. */
  existing: string | null;
  /** Focused when the question appears. */
  headingRef: RefObject<HTMLHeadingElement | null>;
  onReplace: () => void;
  onCancel: () => void;
}

/** The scope already has a FINAL snapshot: replacing it is a choice made on purpose. */
export function ReplaceSnapshotConfirm({ existing, headingRef, onReplace, onCancel }: ReplaceSnapshotConfirmProps) {
  const titleId = useId();
  return (
    <div className="confirm" role="group" aria-labelledby={titleId}>
      <h3 id={titleId} ref={headingRef} tabIndex={-1}>
        Replace {existing ? <code>{existing}</code> : 'the final snapshot'}?
      </h3>
      <p>
        A new final snapshot is published with these figures. The old one stays online, unchanged, at its address
        and is marked as replaced by the new one.
      </p>
      <div className="form-actions">
        <button type="button" className="button" onClick={onReplace}>
          Replace it
        </button>
        <button type="button" className="button button--secondary" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </div>
  );
}

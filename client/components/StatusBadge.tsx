interface StatusBadgeProps {
  label: string;
  /** solid: in force (active, imported); outline: withdrawn or refused; dashed: replaced or running. */
  kind: 'solid' | 'outline' | 'dashed';
}

/** A status in words; the fill and border differ too, never the colour alone. */
export function StatusBadge({ label, kind }: StatusBadgeProps) {
  return <span className={`badge badge--${kind}`}>{label}</span>;
}

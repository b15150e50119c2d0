/** Path of the DKFDS icon sprite; the portal copies it there at build time. */
export const iconSpriteHref = '/dkfds/img/all-svg-icons.svg';

export interface IconProps {
  /** A symbol id in the DKFDS sprite, e.g. `arrow-forward`. */
  name: string;
  /** Set only when the icon carries meaning on its own; otherwise it is hidden from assistive technology. */
  label?: string;
  className?: string;
}

export function Icon({ name, label, className }: IconProps) {
  const classes = className ? `icon-svg ${className}` : 'icon-svg';
  return label ? (
    <svg className={classes} focusable="false" role="img" aria-label={label}>
      <use href={`${iconSpriteHref}#${name}`} />
    </svg>
  ) : (
    <svg className={classes} focusable="false" aria-hidden="true">
      <use href={`${iconSpriteHref}#${name}`} />
    </svg>
  );
}

import type { ReactNode } from 'react';

export type BadgeVariant = 'info' | 'success' | 'warning' | 'error';

export interface BadgeProps {
  children: ReactNode;
  variant?: BadgeVariant;
  className?: string;
}

/** A DKFDS badge: a short label such as a category or a status. */
export function Badge({ children, variant, className }: BadgeProps) {
  const classes = ['badge', variant && `badge-${variant}`, className].filter(Boolean).join(' ');
  return <span className={classes}>{children}</span>;
}

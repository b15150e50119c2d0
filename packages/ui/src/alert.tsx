import type { ReactNode } from 'react';
import { Icon } from './icon';

export type AlertVariant = 'info' | 'success' | 'warning' | 'error';

export interface AlertProps {
  variant: AlertVariant;
  heading?: string;
  children?: ReactNode;
  /** `status` for messages that appear after an action, so screen readers announce them. */
  role?: 'status' | 'alert';
  className?: string;
}

const icons: Record<AlertVariant, string> = {
  info: 'info',
  success: 'success',
  warning: 'warning',
  error: 'error',
};

/** A DKFDS alert: a message about the page or what just happened. */
export function Alert({ variant, heading, children, role, className }: AlertProps) {
  const classes = ['alert', `alert-${variant}`, className].filter(Boolean).join(' ');
  return (
    <div className={classes} role={role}>
      <Icon name={icons[variant]} className="alert-icon" />
      <div className="alert-body">
        {heading ? <p className="alert-heading">{heading}</p> : null}
        {children ? <div className="alert-text">{children}</div> : null}
      </div>
    </div>
  );
}

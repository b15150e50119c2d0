export { Alert, type AlertProps, type AlertVariant } from './alert';
export { Badge, type BadgeProps, type BadgeVariant } from './badge';
export { ErrorSummary, type ErrorSummaryItem, type ErrorSummaryProps } from './error-summary';
export { Icon, type IconProps, iconSpriteHref } from './icon';
export { Pagination, type PaginationLinkProps, type PaginationProps, pageHref } from './pagination';
export { SkipLink, type SkipLinkProps } from './skip-link';
export { TextField, type TextFieldProps } from './text-field';

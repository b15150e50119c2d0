export { Badge, type BadgeProps, type BadgeVariant } from './badge';
export { Icon, type IconProps, iconSpriteHref } from './icon';
export { SkipLink, type SkipLinkProps } from './skip-link';

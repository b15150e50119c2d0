export interface SkipLinkProps {
  /** Id of the element that holds the page's main content (without `#`). */
  targetId: string;
  children: string;
}

/** DKFDS skip link: the first focusable element, visible only when focused (WCAG 2.4.1). */
export function SkipLink({ targetId, children }: SkipLinkProps) {
  return (
    <a className="skipnav" href={`#${targetId}`}>
      {children}
    </a>
  );
}

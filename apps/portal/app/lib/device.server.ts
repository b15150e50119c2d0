import Bowser from 'bowser';

export interface Device {
  /** "Chrome", "Firefox", "Safari"… */
  browser: string | null;
  /** "Linux", "Windows", "macOS", "Android", "iOS"… */
  os: string | null;
}

/**
 * What a session's User-Agent says in words a person knows: the browser and the operating system
 * (bowser), never the raw string. Null when neither can be told.
 */
export function describeUserAgent(userAgent: string | null | undefined): Device | null {
  if (!userAgent?.trim()) return null;
  const parsed = Bowser.parse(userAgent);
  const browser = parsed.browser.name?.trim() || null;
  const os = parsed.os.name?.trim() || null;
  return browser || os ? { browser, os } : null;
}

/**
 * An address as a person writes it: an IPv4 address that reaches an IPv6 socket
 * (`::ffff:127.0.0.1`) is shown as the IPv4 address (`127.0.0.1`).
 */
export function plainIp(ip: string | null | undefined): string | null {
  if (!ip) return null;
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(ip);
  return mapped?.[1] ?? ip;
}

import { createContext, useContext } from 'react';

// The server renders with the request's CSP nonce; in the browser the value stays '' because
// browsers hide nonce attributes from the DOM, so hydration compares '' with ''.
const NonceContext = createContext('');

export const NonceProvider = NonceContext.Provider;

export function useNonce(): string {
  return useContext(NonceContext);
}

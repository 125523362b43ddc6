import { createContext, useContext } from 'react';

/** The portal's public address (HOPTAC_PUBLIC_URL): the server provides it while rendering, and
 * writes it in a meta tag the browser reads, so shared links are the same on both sides. */
export const PublicOriginContext = createContext<string | null>(null);

export function usePublicOrigin(): string {
  const provided = useContext(PublicOriginContext);
  if (provided) return provided;
  const meta = globalThis.document?.querySelector<HTMLMetaElement>('meta[name="hoptac:public-url"]');
  return meta?.content || globalThis.location?.origin || '';
}

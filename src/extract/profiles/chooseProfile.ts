import { type PageIndex, selectElements } from '../../html/index.js';
import { SITE_PROFILES, type SiteProfile } from './siteProfiles.js';

function hostOf(url: string | null): string {
  if (!url) return '';
  try {
    return new URL(url).hostname.toLowerCase();
  } catch {
    return '';
  }
}

/** The profile for a page: by source host first, else by the template's marker selector. */
export function chooseProfile($: PageIndex, sourceUrl: string | null, profiles: readonly SiteProfile[] = SITE_PROFILES): SiteProfile | null {
  const host = hostOf(sourceUrl);
  const byHost = profiles.find((profile) => profile.hosts.some((suffix) => host === suffix || host.endsWith(`.${suffix}`)));
  if (byHost) return byHost;
  return (
    profiles.find((profile) => selectElements($, profile.marker).length > 0) ?? null
  );
}

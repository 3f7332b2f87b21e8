export { generateSite, DEFAULT_NOW } from './generateSite.js';
export type { FixtureSite, GenerateSiteOptions, CountedTerm } from './generateSite.js';
export { startFixtureSite } from './startFixtureSite.js';
export type { FixtureSiteHandle, RestRequestHook, StartFixtureSiteOptions } from './startFixtureSite.js';
export { writeTruth } from './writeTruth.js';
export type { FixtureTruth, PoolTeaser, TruthTeaserSlots } from './fixtureTruth.js';
export type { SitePost } from './buildSitePost.js';
export { parseFaults } from './createFaultInjector.js';
export type { FaultSpec } from './createFaultInjector.js';

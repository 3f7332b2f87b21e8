import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Scripts that run a real WordPress 6.1 on loopback: $REALWP_SCRIPTS, else ../shared/realwp beside the repository,
 * else the workplace's /work/shared/realwp (a clone elsewhere, e.g. CI's clean clone or a git worktree).
 */
export const REALWP_SCRIPTS =
  process.env.REALWP_SCRIPTS ??
  [resolve(fileURLToPath(new URL('../../', import.meta.url)), '../shared/realwp'), '/work/shared/realwp'].find((dir) => existsSync(dir)) ??
  '../shared/realwp';
export const REALWP_PORT = 8088;
export const REALWP_POSTS = 3000;
/** Where start.sh keeps the site copy and the truth files (its own default). */
export const REALWP_DIR = process.env.REALWP_DIR ?? '/tmp/wp';
export const REALWP_URL = `http://127.0.0.1:${REALWP_PORT}`;
/** A first start installs packages and loads 3000 posts: a few minutes; later starts take under a second. */
const START_TIMEOUT_MS = 12 * 60_000;
/** Every edit this test makes carries this word, so a run that died half-way is undone by the next. */
export const EDIT_MARKER_PREFIX = 'WPINGESTEDIT';

/** One line of truth.jsonl (the fields this test reads). */
export interface RealTruth {
  id: number;
  kind: 'scraped' | 'duplicate' | 'ordinary';
  title: string;
  /** the title as REST `title.rendered` shows it (texturized, entities) */
  title_rendered: string;
  date_gmt: string;
  source_url: string | null;
  categories: string[];
  tags: string[];
  paragraphs_text: string[];
  source_published_utc?: string;
  /** teaser nids per section */
  teasers?: Partial<Record<'latest' | 'sidebar' | 'top_stories' | 'most_viewed' | 'read_more' | 'related', number[]>>;
  duplicate_of: number | null;
}

export function realWordpressAvailable(): boolean {
  return existsSync(join(REALWP_SCRIPTS, 'start.sh'));
}

/** Starts (or finds running) the real WordPress; idempotent. */
export function startRealWordpress(): void {
  execFileSync('bash', [join(REALWP_SCRIPTS, 'start.sh'), String(REALWP_PORT), String(REALWP_POSTS)], {
    stdio: ['ignore', 'inherit', 'inherit'],
    timeout: START_TIMEOUT_MS,
  });
}

function readJsonLines<T>(file: string): T[] {
  return readFileSync(join(REALWP_DIR, file), 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as T);
}

export const readTruth = (): RealTruth[] => readJsonLines<RealTruth>('truth.jsonl');
export const readTeaserPool = (): Array<{ nid: number; title: string }> => readJsonLines('teasers.jsonl');

/**
 * PHP run inside WordPress as the admin (kses off, so the scraped markup is saved as is; no revisions).
 * `$edit(id, fn)` saves fn(post_content) through wp_update_post and checks WordPress stored exactly that.
 */
const PHP_PRELUDE = `
require getenv('REALWP_SITE') . '/wp-load.php';
wp_set_current_user(1);
kses_remove_filters();
add_filter('wp_revisions_to_keep', fn () => 0);
$edit = function (int $id, callable $change) {
  $before = get_post($id)->post_content;
  $after = $change($before);
  if ($after === $before) { fwrite(STDERR, "post $id: nothing to change\\n"); exit(1); }
  $result = wp_update_post(['ID' => $id, 'post_content' => wp_slash($after)], true);
  if (is_wp_error($result)) { fwrite(STDERR, "post $id: " . $result->get_error_message() . "\\n"); exit(1); }
  clean_post_cache($id);
  if (get_post($id)->post_content !== $after) { fwrite(STDERR, "post $id: WordPress changed the content on save\\n"); exit(1); }
};
`;

export function runPhp(code: string, args: string[]): string {
  return execFileSync('php', ['-r', PHP_PRELUDE + code, '--', ...args], {
    env: { ...process.env, REALWP_SITE: join(REALWP_DIR, 'site') },
    encoding: 'utf8',
    timeout: 60_000,
  });
}

/** Appends ` <marker>` to the first body paragraph of each post, through WordPress itself. */
export function appendToFirstParagraph(ids: readonly number[], marker: string): void {
  runPhp(
    `
$marker = $argv[1];
foreach (array_slice($argv, 2) as $id) {
  $edit((int) $id, fn ($c) => preg_replace('~(<div class="c-article-content[^"]*">\\s*<p>.*?)(</p>)~s', '$1 ' . $marker . '$2', $c, 1));
}`,
    [marker, ...ids.map(String)],
  );
}

/** Removes every edit marker this test ever added; returns the ids restored. */
export function removeEditMarkers(): number[] {
  const out = runPhp(
    `
global $wpdb;
$ids = $wpdb->get_col($wpdb->prepare("SELECT ID FROM {$wpdb->posts} WHERE post_type = 'post' AND post_content LIKE %s", '%${EDIT_MARKER_PREFIX}%'));
foreach ($ids as $id) $edit((int) $id, fn ($c) => preg_replace('~ ${EDIT_MARKER_PREFIX}[0-9a-f]+~', '', $c));
echo implode(',', $ids);`,
    [],
  );
  return out.trim() ? out.trim().split(',').map(Number) : [];
}

/** WordPress's own default themes, as Debian packages them (`wordpress-theme-<name>`); twentytwentythree comes with start.sh. */
export const DEFAULT_THEMES = ['twentytwentythree', 'twentytwentytwo', 'twentytwentyone'] as const;
const PACKAGED_THEMES = '/usr/share/wordpress/wp-content/themes';

/**
 * Themes installed by hand in the site copy (not in the repository) to sweep as well, e.g. classic themes:
 * `WPINGEST_EXTRA_THEMES=twentysixteen,twentytwenty`. CI has Debian's default themes and the replicas of
 * popular classic themes (themeReplicas.ts).
 */
export const EXTRA_THEMES: readonly string[] = (process.env.WPINGEST_EXTRA_THEMES ?? '')
  .split(',')
  .map((theme) => theme.trim())
  .filter((theme) => theme !== '' && !(DEFAULT_THEMES as readonly string[]).includes(theme));

/**
 * The themes the test site can switch to: each default theme in the site copy, copied there from Debian's package
 * when it was installed after the site was (start.sh copies /usr/share/wordpress once), and each extra theme found
 * in the site copy.
 */
export function installedThemes(): string[] {
  const siteThemes = join(REALWP_DIR, 'site', 'wp-content', 'themes');
  const defaults = DEFAULT_THEMES.filter((theme) => {
    if (existsSync(join(siteThemes, theme, 'style.css'))) return true;
    if (!existsSync(join(PACKAGED_THEMES, theme, 'style.css'))) return false;
    cpSync(join(PACKAGED_THEMES, theme), join(siteThemes, theme), { recursive: true, dereference: true });
    return true;
  });
  return [...defaults, ...EXTRA_THEMES.filter((theme) => existsSync(join(siteThemes, theme, 'style.css')))];
}

/** Switches the site's theme through WordPress (`switch_theme`); returns the theme that was active. */
export function switchTheme(theme: string): string {
  return runPhp(
    `$before = get_stylesheet(); switch_theme($argv[1]); if (get_stylesheet() !== $argv[1]) { fwrite(STDERR, "theme $argv[1] did not activate\\n"); exit(1); } echo $before;`,
    [theme],
  ).trim();
}

/** Every comment the tests add carries this word, so the next run removes what a dead run left. */
export const COMMENT_MARKER = 'WPINGESTCOMMENT';

/**
 * Replaces the test comments on each post with `texts`, approved, as readers' comments under the post (what a
 * theme prints below the content: a prose thread that must never be taken for the article).
 */
export function setTestComments(ids: readonly number[], texts: readonly string[]): void {
  runPhp(
    `
$texts = json_decode($argv[1], true);
foreach (get_comments(['search' => '${COMMENT_MARKER}', 'status' => 'all']) as $old) wp_delete_comment($old->comment_ID, true);
foreach (array_slice($argv, 2) as $id) {
  foreach ($texts as $i => $text) {
    $ok = wp_insert_comment(['comment_post_ID' => (int) $id, 'comment_content' => $text . ' ${COMMENT_MARKER}', 'comment_approved' => 1,
      'comment_author' => 'Reader ' . ($i + 1), 'comment_author_email' => 'reader' . $i . '@example.org']);
    if (!$ok) { fwrite(STDERR, "post $id: comment not added\\n"); exit(1); }
  }
}`,
    [JSON.stringify(texts), ...ids.map(String)],
  );
}

/** A page the tests publish (by slug, once; its content and title kept as given), comments open. */
export interface TestPage {
  slug: string;
  title: string;
  paragraphs: string[];
  /** Block markup saved as the content instead of the paragraphs (which then name texts it must show). */
  markup?: string;
  /** A password: WordPress then serves the page without its content (REST) or with its password form (theme). */
  password?: string;
}

/** Publishes (or updates) each page and returns its id by slug. Pages stay out of the 3000 posts' listing. */
export function ensureTestPages(pages: readonly TestPage[]): Map<string, number> {
  const out = runPhp(
    `
$ids = [];
foreach (json_decode($argv[1], true) as $page) {
  $content = $page['markup'] ?? implode("\\n\\n", array_map(fn ($p) => "<!-- wp:paragraph -->\\n<p>" . esc_html($p) . "</p>\\n<!-- /wp:paragraph -->", $page['paragraphs']));
  $found = get_posts(['name' => $page['slug'], 'post_type' => 'page', 'post_status' => 'publish', 'numberposts' => 1]);
  $fields = ['post_type' => 'page', 'post_status' => 'publish', 'post_name' => $page['slug'], 'post_title' => $page['title'],
    'post_content' => $content, 'comment_status' => 'open', 'post_password' => $page['password'] ?? ''];
  if ($found) {
    $fields['ID'] = $found[0]->ID;
    if ($found[0]->post_content === $content && $found[0]->post_title === $page['title'] && $found[0]->comment_status === 'open'
      && $found[0]->post_password === ($page['password'] ?? '')) { $ids[$page['slug']] = $found[0]->ID; continue; }
  }
  $id = $found ? wp_update_post(wp_slash($fields), true) : wp_insert_post(wp_slash($fields), true);
  if (is_wp_error($id)) { fwrite(STDERR, $id->get_error_message() . "\\n"); exit(1); }
  $ids[$page['slug']] = $id;
}
echo json_encode($ids);`,
    [JSON.stringify(pages)],
  );
  return new Map(Object.entries(JSON.parse(out) as Record<string, number>));
}

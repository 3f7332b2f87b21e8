import { cpSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { REALWP_DIR, runPhp } from './realWordpress.js';

/**
 * Replicas of the most-installed classic WordPress themes (Astra, GeneratePress, OceanWP, Kadence, ColorMag, Hestia,
 * Neve, Hello Elementor, Blocksy, Newspack, Sydney, Zakra, twentynineteen): single-post templates written from each
 * theme's public markup (class names, nesting, schema.org attributes, meta line, author box, post navigation,
 * related posts, comment markup) over a shared kit of core template tags and widgets. The real themes are hundreds
 * of files each; these keep what extraction reads. `WPINGEST_THEME_REPLICAS=0` leaves them out.
 */
const REPLICAS = fileURLToPath(new URL('./themeReplicas/', import.meta.url));

export const REPLICA_THEMES: readonly string[] = process.env.WPINGEST_THEME_REPLICAS === '0' ? [] : readdirSync(join(REPLICAS, 'themes')).sort();

/** Must-use plugins that add what sites add to every page: share buttons, likes and related posts, a cookie bar, a newsletter box. */
const PLUGINS = ['share-related-plugin.php', 'footer-plugins.php'];

/**
 * Installs the replicas, their kit and the plugins into the site copy, and gives the site what the replicas show
 * (the author's bio, which switches on author boxes; manual excerpts on the site-news posts; a long About widget).
 * The plugins print on theme pages only: REST `content.rendered` is unchanged. Idempotent.
 */
export function installThemeReplicas(): void {
  if (REPLICA_THEMES.length === 0) return;
  const content = join(REALWP_DIR, 'site', 'wp-content');
  for (const theme of REPLICA_THEMES) cpSync(join(REPLICAS, 'themes', theme), join(content, 'themes', theme), { recursive: true });
  mkdirSync(join(content, 'themekit'), { recursive: true });
  cpSync(join(REPLICAS, 'kit.php'), join(content, 'themekit', 'kit.php'));
  mkdirSync(join(content, 'mu-plugins'), { recursive: true });
  for (const plugin of PLUGINS) cpSync(join(REPLICAS, plugin), join(content, 'mu-plugins', plugin));
  runPhp(
    `
update_user_meta(1, 'description', 'Ann Editor has edited the wire archive since 2015 and writes about press freedom, archives and the history of news agencies.');
wp_update_user(['ID' => 1, 'display_name' => 'Ann Editor']);
update_option('kit_long_about', 1);
$excerpt = 'The editors wrote this summary of the post for the front page: what changed on the archive this month and why.';
foreach (get_posts(['post_type' => 'post', 'numberposts' => 20, 'category_name' => 'site-news']) as $p)
  if ($p->post_excerpt !== $excerpt) wp_update_post(['ID' => $p->ID, 'post_excerpt' => $excerpt]);`,
    [],
  );
}

<?php kit_head(); ?>
<header id="site-header" class="site-header" role="banner"><div class="site-branding"><h1 class="site-title"><a href="<?php echo esc_url( home_url( '/' ) ); ?>" title="Home" rel="home"><?php bloginfo( 'name' ); ?></a></h1><p class="site-description">News from the wire, checked and archived every day</p></div><nav class="site-navigation"><?php kit_menu( 'menu' ); ?></nav></header>
<?php while ( have_posts() ) : the_post(); ?>
<main id="content" <?php post_class( 'site-main' ); ?> role="main">
<div class="page-header"><?php the_title( '<h1 class="entry-title">', '</h1>' ); ?></div>
<div class="page-content"><?php the_content(); ?><div class="post-tags"><?php the_tags( '<span class="tag-links">Tagged ', null, '</span>' ); ?></div></div>
<?php if ( comments_open() || get_comments_number() ) comments_template(); ?>
</main>
<?php endwhile; ?>
<footer id="site-footer" class="site-footer" role="contentinfo"><div class="footer-inner"><div class="site-branding show-logo"><p class="site-description">News from the wire, checked and archived every day</p></div><div class="copyright"><p>All rights reserved</p></div></div></footer>
<?php wp_footer(); ?></body></html>

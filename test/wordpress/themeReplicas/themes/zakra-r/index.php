<?php kit_head( 'zak-site-layout--right zak-container--wide zak-content-area--bordered' ); ?>
<div id="page" class="zak-site"><a class="skip-link screen-reader-text" href="#zak-content">Skip to content</a>
<header id="zak-masthead" class="zak-header zak-layout-1 zak-layout-1-style-1"><div class="zak-main-header"><div class="zak-container"><div class="zak-row"><div class="zak-header-col zak-header-col--1"><div class="site-branding"><div class="site-info-wrap"><p class="site-title"><a href="<?php echo esc_url( home_url( '/' ) ); ?>" rel="home"><?php bloginfo( 'name' ); ?></a></p><p class="site-description">News from the wire, checked and archived every day</p></div></div></div><div class="zak-header-col zak-header-col--2"><nav id="zak-primary-nav" class="zak-main-nav main-navigation zak-primary-nav zak-layout-1 zak-layout-1-style-1"><?php kit_menu( 'zak-primary-menu' ); ?></nav></div></div></div></div></header>
<div class="zak-page-header zak-style-1"><div class="zak-container"><div class="zak-row"><div class="zak-page-header__title"><h1 class="zak-page-title"><?php single_post_title(); ?></h1></div><div class="breadcrumbs" itemprop="breadcrumb"><div role="navigation" aria-label="Breadcrumbs" class="breadcrumb-trail breadcrumbs"><ul class="trail-items"><li class="trail-item trail-begin"><a href="/" rel="home"><span>Home</span></a></li><li class="trail-item trail-end"><span><?php single_post_title(); ?></span></li></ul></div></div></div></div></div>
<div id="zak-content" class="zak-content"><div class="zak-container"><div class="zak-row">
<main id="zak-primary" class="zak-primary">
<?php while ( have_posts() ) : the_post(); ?>
<article id="post-<?php the_ID(); ?>" <?php post_class( 'zak-style-1' ); ?>><div class="zak-post-content">
<?php if ( is_single() ) : ?><div class="zak-entry-meta"><span class="zak-byline"><span class="zak-author vcard"><a class="url fn n" href="<?php echo esc_url( get_author_posts_url( get_the_author_meta( 'ID' ) ) ); ?>"><?php the_author(); ?></a></span></span><span class="zak-posted-on"><a href="<?php the_permalink(); ?>" rel="bookmark"><time class="entry-date published updated" datetime="<?php echo esc_attr( get_the_date( 'c' ) ); ?>"><?php echo get_the_date(); ?></time></a></span><span class="zak-cat-links"><?php the_category( ', ' ); ?></span></div><?php endif; ?>
<div class="entry-content"><?php the_content(); ?></div>
<?php if ( is_single() ) : ?><div class="zak-entry-footer"><?php the_tags( '<span class="zak-tags-links">', ', ', '</span>' ); ?></div><?php endif; ?>
</div></article>
<?php if ( is_single() ) : ?><nav class="navigation post-navigation" aria-label="Posts"><h2 class="screen-reader-text">Post navigation</h2><div class="nav-links"><?php previous_post_link( '<div class="nav-previous">%link</div>' ); next_post_link( '<div class="nav-next">%link</div>' ); ?></div></nav><?php endif; ?>
<?php if ( comments_open() || get_comments_number() ) comments_template(); ?>
<?php endwhile; ?>
</main>
<aside id="zak-secondary" class="zak-secondary"><?php kit_widgets( '<section class="widget %s">', '</section>', '<h2 class="widget-title">', '</h2>' ); ?></aside>
</div></div></div>
<footer id="zak-footer" class="zak-footer"><div class="zak-footer-bar"><div class="zak-container"><div class="zak-row"><div class="zak-footer-bar__1"><p>Copyright &copy; <?php echo date( 'Y' ); ?> <a href="/" title="<?php bloginfo( 'name' ); ?>"><?php bloginfo( 'name' ); ?></a>. Powered by <a href="https://zakratheme.com/" target="_blank" title="Zakra" rel="nofollow">Zakra</a> and <a href="https://wordpress.org/" target="_blank" title="WordPress" rel="nofollow">WordPress</a>.</p></div></div></div></div></footer>
</div>
<?php wp_footer(); ?></body></html>

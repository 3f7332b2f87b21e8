<?php kit_head( 'single-featured-image-default h-nsub h-sb h-ll h-dh' ); ?>
<div id="page" class="site"><a class="skip-link screen-reader-text" href="#main">Skip to content</a>
<header id="masthead" class="site-header hide-header-search"><div class="top-header-contain desktop-only"><div class="wrapper"><div id="secondary-nav-contain"><nav class="secondary-menu" aria-label="Secondary Menu"><ul id="menu-secondary" class="secondary-menu"><li><a href="/">Donate</a></li><li><a href="/">Subscribe</a></li></ul></nav></div></div></div>
<div class="middle-header-contain"><div class="wrapper"><div class="site-branding"><div class="site-identity"><p class="site-title"><a href="<?php echo esc_url( home_url( '/' ) ); ?>" rel="home"><?php bloginfo( 'name' ); ?></a></p><p class="site-description">News from the wire, checked and archived every day</p></div></div></div></div>
<div class="bottom-header-contain desktop-only"><div class="wrapper"><div id="site-navigation"><nav class="main-navigation nav1 dd-menu" aria-label="Top Menu"><?php kit_menu( 'main-menu' ); ?></nav></div></div></div></header>
<div id="content" class="site-content">
<?php while ( have_posts() ) : the_post(); ?>
<div class="main-content"><header class="entry-header">
<?php if ( is_single() ) : ?><span class="cat-links"><span class="screen-reader-text">Posted in</span><?php the_category( ' ' ); ?></span><?php endif; ?>
<?php the_title( '<h1 class="entry-title">', '</h1>' ); ?>
<?php if ( has_excerpt() ) : ?><div class="newspack-post-subtitle"><?php echo esc_html( get_the_excerpt() ); ?></div><?php endif; ?>
<?php if ( is_single() ) : ?><div class="entry-subhead"><div class="entry-meta"><span class="author-avatar"><?php echo get_avatar( get_the_author_meta( 'ID' ), 80 ); ?></span><span class="byline"><span>by</span> <span class="author vcard"><a class="url fn n" href="<?php echo esc_url( get_author_posts_url( get_the_author_meta( 'ID' ) ) ); ?>"><?php the_author(); ?></a></span></span><span class="posted-on"><time class="entry-date published" datetime="<?php echo esc_attr( get_the_date( 'c' ) ); ?>"><?php echo get_the_date(); ?></time><time class="updated" datetime="<?php echo esc_attr( get_the_modified_date( 'c' ) ); ?>">Updated <?php echo get_the_modified_date(); ?></time></span></div></div><?php endif; ?>
</header></div>
<div id="primary" class="content-area"><main id="main" class="site-main">
<article id="post-<?php the_ID(); ?>" <?php post_class(); ?>>
<div class="entry-content"><?php the_content(); ?></div>
<?php if ( is_single() ) : ?><footer class="entry-footer"><?php the_tags( '<span class="tags-links"><span>Tagged: </span>', ', ', '</span>' ); ?></footer>
<?php if ( get_the_author_meta( 'description' ) ) : ?><div class="author-bio"><?php echo get_avatar( get_the_author_meta( 'ID' ), 80 ); ?><div class="author-bio-text"><div class="author-bio-header"><h2 class="accent-header"><?php the_author(); ?><span class="author-email"><a href="mailto:ann@example.org">ann@example.org</a></span></h2></div><p><?php the_author_meta( 'description' ); ?> <a class="author-link" href="<?php echo esc_url( get_author_posts_url( get_the_author_meta( 'ID' ) ) ); ?>" rel="author">More by <?php the_author(); ?></a></p></div></div><?php endif; endif; ?>
</article>
<?php if ( comments_open() || get_comments_number() ) comments_template(); ?>
</main>
<aside id="secondary" class="widget-area"><?php kit_widgets( '<section class="widget %s">', '</section>', '<h2 class="widget-title">', '</h2>' ); ?></aside>
</div>
<?php endwhile; ?>
</div>
<footer id="colophon" class="site-footer"><div class="site-info"><div class="wrapper site-info-contain"><span class="copyright">&copy; <?php echo date( 'Y' ); ?> <?php bloginfo( 'name' ); ?>.</span><a class="imprint" href="https://newspack.com/" target="_blank">Proudly powered by Newspack by Automattic</a></div></div></footer>
</div>
<?php wp_footer(); ?></body></html>

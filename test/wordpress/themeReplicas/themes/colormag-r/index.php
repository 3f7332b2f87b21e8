<?php kit_head( 'cm-header-layout-1 adv-style-1 cm-normal-container cm-right-sidebar right-sidebar wide' ); ?>
<div id="cm-page" class="hfeed site"><a class="skip-link screen-reader-text" href="#cm-content">Skip to content</a>
<header id="cm-masthead" class="cm-header cm-layout-1 cm-layout-1-style-1 cm-full-width">
<div class="cm-top-bar"><div class="cm-container"><div class="cm-row"><div class="cm-top-bar__1"><div class="date-in-header"><?php echo date_i18n( 'l, F j, Y' ); ?></div>
<div class="breaking-news"><strong class="breaking-news-latest">Latest:</strong><ul class="newsticker"><?php $q = new WP_Query( array( 'posts_per_page' => 5, 'no_found_rows' => true, 'ignore_sticky_posts' => true ) ); while ( $q->have_posts() ) { $q->the_post(); ?><li><a href="<?php the_permalink(); ?>" title="<?php the_title_attribute(); ?>"><?php the_title(); ?></a></li><?php } wp_reset_postdata(); ?></ul></div></div>
<div class="cm-top-bar__2"><div class="social-links"><ul><li><a href="https://facebook.com/example" target="_blank"><i class="fa fa-facebook"></i></a></li><li><a href="https://twitter.com/example" target="_blank"><i class="fa fa-twitter"></i></a></li></ul></div></div></div></div></div>
<div class="cm-main-header"><div id="cm-header-1" class="cm-header-1"><div class="cm-container"><div class="cm-row"><div class="cm-header-col-1"><div id="cm-site-branding" class="cm-site-branding"><div id="cm-site-info" class=""><h3 class="cm-site-title"><a href="<?php echo esc_url( home_url( '/' ) ); ?>" title="<?php bloginfo( 'name' ); ?>" rel="home"><?php bloginfo( 'name' ); ?></a></h3><p class="cm-site-description">News from the wire, checked and archived every day</p></div></div></div></div></div></div>
<div id="cm-header-2" class="cm-header-2"><nav id="cm-primary-nav" class="cm-primary-nav"><div class="cm-container"><div class="cm-row"><div class="cm-home-icon"><a href="<?php echo esc_url( home_url( '/' ) ); ?>" title="<?php bloginfo( 'name' ); ?>"><svg class="cm-icon cm-icon--home" viewBox="0 0 28 22"><path d="M13.9 8.9"></path></svg></a></div><div class="cm-menu-primary-container"><?php kit_menu( 'menu-primary' ); ?></div></div></div></nav></div></div>
</header>
<div id="cm-content" class="cm-content"><div class="cm-container"><div class="cm-row"><div id="cm-primary" class="cm-primary"><div class="cm-posts clearfix">
<?php while ( have_posts() ) : the_post(); ?>
<article id="post-<?php the_ID(); ?>" <?php post_class(); ?>>
<div class="cm-post-content">
<?php if ( is_single() ) : ?><div class="cm-entry-header-meta"><div class="cm-post-categories"><?php foreach ( get_the_category() as $c ) { ?><a href="<?php echo esc_url( get_category_link( $c ) ); ?>" style="background:#207daf" rel="category tag"><?php echo esc_html( $c->name ); ?></a>&nbsp;<?php } ?></div></div><?php endif; ?>
<header class="cm-entry-header"><h1 class="cm-entry-title"><?php the_title(); ?></h1></header>
<?php if ( is_single() ) : ?><div class="cm-below-entry-meta"><span class="cm-post-date"><a href="<?php the_permalink(); ?>" title="<?php echo esc_attr( get_the_time() ); ?>" rel="bookmark"><svg class="cm-icon cm-icon--calendar-fill" viewBox="0 0 24 24"><path d="M21.1 6.6"></path></svg> <time class="entry-date published updated" datetime="<?php echo esc_attr( get_the_date( 'c' ) ); ?>"><?php echo get_the_date(); ?></time></a></span>
<span class="cm-author cm-vcard"><svg class="cm-icon cm-icon--person" viewBox="0 0 24 24"><path d="M7 7c0-2.76"></path></svg><a class="url fn n" href="<?php echo esc_url( get_author_posts_url( get_the_author_meta( 'ID' ) ) ); ?>" title="<?php the_author(); ?>"><?php the_author(); ?></a></span>
<span class="cm-comments-link"><svg class="cm-icon cm-icon--comment" viewBox="0 0 24 24"><path d="M3 2h18"></path></svg><?php comments_popup_link( 'No Comments', '1 Comment', '% Comments' ); ?></span>
<?php the_tags( '<span class="cm-tag-links"><svg class="cm-icon cm-icon--tag" viewBox="0 0 24 24"><path d="m21.2 10.4"></path></svg>', ', ', '</span>' ); ?></div><?php endif; ?>
<div class="cm-entry-summary"><?php the_content(); ?></div>
</div>
</article>
<?php if ( is_single() ) : ?>
<ul class="default-wp-page"><?php previous_post_link( '<li class="previous">%link</li>', '<span class="cm-post-nav-icon">&larr;</span> %title' ); next_post_link( '<li class="next">%link</li>', '%title <span class="cm-post-nav-icon">&rarr;</span>' ); ?></ul>
<?php if ( get_the_author_meta( 'description' ) ) : ?><div class="cm-author-box"><div class="cm-author-img"><?php echo get_avatar( get_the_author_meta( 'user_email' ), '100' ); ?></div><div class="cm-author-box-content"><h4 class="cm-author-name"><?php the_author(); ?></h4><p class="cm-author-description"><?php the_author_meta( 'description' ); ?></p></div></div><?php endif; ?>
<?php $rel = kit_related( 3, function () { ?><div class="cm-related-post"><div class="cm-post-content"><h3 class="cm-entry-title"><a href="<?php the_permalink(); ?>" rel="bookmark" title="<?php the_title_attribute(); ?>"><?php the_title(); ?></a></h3><div class="cm-below-entry-meta"><span class="cm-post-date"><a href="<?php the_permalink(); ?>" rel="bookmark"><time class="entry-date published" datetime="<?php echo esc_attr( get_the_date( 'c' ) ); ?>"><?php echo get_the_date(); ?></time></a></span><span class="cm-author cm-vcard"><a class="url fn n" href="<?php echo esc_url( get_author_posts_url( get_the_author_meta( 'ID' ) ) ); ?>"><?php the_author(); ?></a></span></div></div></div><?php } );
if ( $rel ) : ?><div class="related-posts-wrapper"><h3 class="related-posts-main-title"><svg class="cm-icon cm-icon--thumbs-up" viewBox="0 0 24 24"><path d="M2 21h2"></path></svg><span>You May Also Like</span></h3><div class="related-posts"><?php echo implode( '', $rel ); ?></div></div><?php endif; endif; ?>
<?php if ( comments_open() || get_comments_number() ) comments_template(); ?>
<?php endwhile; ?>
</div></div>
<div id="cm-secondary" class="cm-secondary"><?php kit_widgets( '<aside class="widget %s clearfix">', '</aside>', '<h3 class="cm-widget-title"><span>', '</span></h3>' ); ?></div>
</div></div></div>
<footer id="cm-footer" class="cm-footer"><div class="cm-footer-bar cm-footer-bar-style-1"><div class="cm-container"><div class="cm-row"><div class="cm-footer-bar-area"><div class="cm-footer-bar__1"><div class="copyright">Copyright &copy; <?php echo date( 'Y' ); ?> <a href="<?php echo esc_url( home_url( '/' ) ); ?>" title="<?php bloginfo( 'name' ); ?>"><span><?php bloginfo( 'name' ); ?></span></a>. All rights reserved.<br>Theme: <a href="https://themegrill.com/themes/colormag" target="_blank" title="ColorMag" rel="nofollow"><span>ColorMag</span></a> by ThemeGrill. Powered by <a href="https://wordpress.org" target="_blank" title="WordPress" rel="nofollow"><span>WordPress</span></a>.</div></div></div></div></div></div></footer>
<a href="#cm-masthead" id="scroll-up"><i class="fa fa-chevron-up"></i></a>
</div>
<?php wp_footer(); ?></body></html>

<?php kit_head( 'singular' );
$svg = function ( $n ) { return '<svg class="svg-icon" width="16" height="16" aria-hidden="true" role="img" focusable="false" viewBox="0 0 24 24"><path d="M12 12' . $n . '"></path></svg>'; }; ?>
<div id="page" class="site"><a class="skip-link screen-reader-text" href="#content">Skip to content</a>
<header id="masthead" class="site-header"><div class="site-branding-container"><div class="site-branding"><p class="site-title"><a href="<?php echo esc_url( home_url( '/' ) ); ?>" rel="home"><?php bloginfo( 'name' ); ?></a></p><p class="site-description">News from the wire, checked and archived every day</p>
<nav id="site-navigation" class="main-navigation" aria-label="Top Menu"><?php kit_menu( 'main-menu' ); ?></nav></div></div></header>
<div id="content" class="site-content">
<div id="primary" class="content-area"><main id="main" class="site-main">
<?php while ( have_posts() ) : the_post(); ?>
<article id="post-<?php the_ID(); ?>" <?php post_class(); ?>>
<header class="entry-header"><?php the_title( '<h1 class="entry-title">', '</h1>' ); ?>
<?php if ( ! is_page() ) : ?><div class="entry-meta"><span class="byline"><?php echo $svg( 'a' ); ?><span class="screen-reader-text">Posted by</span><span class="author vcard"><a class="url fn n" href="<?php echo esc_url( get_author_posts_url( get_the_author_meta( 'ID' ) ) ); ?>"><?php the_author(); ?></a></span></span><span class="posted-on"><?php echo $svg( 'b' ); ?><a href="<?php the_permalink(); ?>" rel="bookmark"><time class="entry-date published updated" datetime="<?php echo esc_attr( get_the_date( DATE_W3C ) ); ?>"><?php echo get_the_date(); ?></time></a></span><span class="comment-count"><span class="comments-link"><?php echo $svg( 'c' ); ?><?php comments_popup_link( 'Leave a comment<span class="screen-reader-text"> on ' . get_the_title() . '</span>' ); ?></span></span></div><?php endif; ?>
</header>
<div class="entry-content"><?php the_content(); ?></div>
<footer class="entry-footer"><?php if ( ! is_page() ) : ?><span class="byline"><?php echo $svg( 'a' ); ?><span class="screen-reader-text">Posted by</span><span class="author vcard"><a class="url fn n" href="<?php echo esc_url( get_author_posts_url( get_the_author_meta( 'ID' ) ) ); ?>"><?php the_author(); ?></a></span></span><span class="posted-on"><?php echo $svg( 'b' ); ?><a href="<?php the_permalink(); ?>" rel="bookmark"><time class="entry-date published updated" datetime="<?php echo esc_attr( get_the_date( DATE_W3C ) ); ?>"><?php echo get_the_date(); ?></time></a></span><span class="cat-links"><?php echo $svg( 'd' ); ?><span class="screen-reader-text">Posted in</span><?php the_category( ', ' ); ?></span><?php the_tags( '<span class="tags-links">' . $svg( 'e' ) . '<span class="screen-reader-text">Tags: </span>', ', ', '</span>' ); ?><?php endif; ?></footer>
<?php if ( ! is_page() && get_the_author_meta( 'description' ) ) : ?><div class="author-bio"><h2 class="author-title"><span class="author-heading">Published by <?php the_author(); ?></span></h2><p class="author-description"><?php the_author_meta( 'description' ); ?> <a class="author-link" href="<?php echo esc_url( get_author_posts_url( get_the_author_meta( 'ID' ) ) ); ?>" rel="author">View more posts</a></p></div><?php endif; ?>
</article>
<?php if ( is_singular( 'post' ) ) the_post_navigation( array(
	'next_text' => '<span class="meta-nav" aria-hidden="true">Next Post</span> <span class="screen-reader-text">Next post:</span> <br/><span class="post-title">%title</span>',
	'prev_text' => '<span class="meta-nav" aria-hidden="true">Previous Post</span> <span class="screen-reader-text">Previous post:</span> <br/><span class="post-title">%title</span>',
) ); ?>
<?php if ( comments_open() || get_comments_number() ) comments_template(); ?>
<?php endwhile; ?>
</main></div>
</div>
<footer id="colophon" class="site-footer"><aside class="widget-area" role="complementary" aria-label="Footer"><div class="widget-column footer-widget-1"><?php kit_widgets( '<section class="widget %s">', '</section>', '<h2 class="widget-title">', '</h2>' ); ?></div></aside>
<div class="site-info"><a class="site-name" href="<?php echo esc_url( home_url( '/' ) ); ?>" rel="home"><?php bloginfo( 'name' ); ?></a>, <a href="https://wordpress.org/" class="imprint">Proudly powered by WordPress.</a></div></footer>
</div>
<?php wp_footer(); ?></body></html>

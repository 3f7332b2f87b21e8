<?php kit_head( 'group-blog menu-inline no-hero' ); ?>
<div id="page" class="hfeed site"><a class="skip-link screen-reader-text" href="#content">Skip to content</a>
<header id="masthead" class="site-header" role="banner"><div class="header-wrap"><div class="container"><div class="row"><div class="col-md-4 col-sm-8 col-xs-12"><h1 class="site-title"><a href="<?php echo esc_url( home_url( '/' ) ); ?>" rel="home"><?php bloginfo( 'name' ); ?></a></h1><h2 class="site-description">News from the wire, checked and archived every day</h2></div><div class="col-md-8 col-sm-4 col-xs-12"><div class="btn-menu"><i class="sydney-svg-icon"></i></div><nav id="mainnav" class="mainnav" role="navigation"><?php kit_menu( 'menu' ); ?></nav></div></div></div></div></header>
<div class="sydney-hero-area"><div class="header-image"><div class="overlay"></div></div></div>
<div id="content" class="page-wrap"><div class="content-wrapper container"><div class="row">
<div id="primary" class="content-area sidebar-right col-md-9"><main id="main" class="post-wrap" role="main">
<?php while ( have_posts() ) : the_post(); ?>
<article id="post-<?php the_ID(); ?>" <?php post_class( 'post-align-left' ); ?>>
<div class="entry-thumb"></div>
<header class="entry-header"><?php if ( is_single() ) : ?><div class="meta-post"><span class="posted-on"><a href="<?php the_permalink(); ?>" rel="bookmark"><time class="entry-date published" datetime="<?php echo esc_attr( get_the_date( 'c' ) ); ?>"><?php echo get_the_date(); ?></time></a></span><span class="byline"> <span class="author vcard">by <a class="url fn n" href="<?php echo esc_url( get_author_posts_url( get_the_author_meta( 'ID' ) ) ); ?>"><?php the_author(); ?></a></span></span><span class="cat-links"><?php the_category( ', ' ); ?></span></div><?php endif; ?>
<?php the_title( '<h1 class="title-post entry-title">', '</h1>' ); ?></header>
<div class="entry-content"><?php the_content(); ?></div>
<?php if ( is_single() ) : ?><footer class="entry-footer"><?php the_tags( '<span class="tags-links">', '', '</span>' ); ?></footer>
<div class="sydney-post-share"><div class="sydney-social-share-title">Share this post</div><a href="https://facebook.com/sharer.php?u=x" class="share-facebook">Facebook</a><a href="https://twitter.com/intent/tweet?url=x" class="share-twitter">Twitter</a><a href="https://linkedin.com/sharing?url=x" class="share-linkedin">LinkedIn</a></div><?php endif; ?>
</article>
<?php if ( is_single() ) : ?><nav class="navigation post-navigation" role="navigation"><h2 class="screen-reader-text">Post navigation</h2><div class="nav-links clearfix"><?php previous_post_link( '<div class="nav-previous"><span>&#10229;</span>%link</div>', '%title' ); next_post_link( '<div class="nav-next">%link<span>&#10230;</span></div>', '%title' ); ?></div></nav><?php endif; ?>
<?php if ( comments_open() || get_comments_number() ) comments_template(); ?>
<?php endwhile; ?>
</main></div>
<div id="secondary" class="widget-area col-md-3" role="complementary"><?php kit_widgets( '<aside class="widget %s">', '</aside>', '<h3 class="widget-title">', '</h3>' ); ?></div>
</div></div></div>
<footer id="colophon" class="site-footer" role="contentinfo"><div class="site-info container"><a href="https://wordpress.org/">Proudly powered by WordPress</a><span class="sep"> | </span>Theme: <a href="https://athemes.com/theme/sydney" rel="nofollow">Sydney</a> by aThemes.</div></footer>
</div>
<?php wp_footer(); ?></body></html>

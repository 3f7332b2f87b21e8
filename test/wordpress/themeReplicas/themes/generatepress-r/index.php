<?php kit_head( 'right-sidebar nav-float-right separate-containers header-aligned-left dropdown-hover' ); ?>
<header class="site-header has-inline-mobile-toggle" id="masthead" aria-label="Site" itemtype="https://schema.org/WPHeader" itemscope><div class="inside-header grid-container">
<div class="site-branding"><p class="main-title" itemprop="headline"><a href="<?php echo esc_url( home_url( '/' ) ); ?>" rel="home"><?php bloginfo( 'name' ); ?></a></p><p class="site-description" itemprop="description">News from the wire, checked and archived every day</p></div>
<nav class="main-navigation sub-menu-right" id="site-navigation" aria-label="Primary" itemtype="https://schema.org/SiteNavigationElement" itemscope><div class="inside-navigation grid-container"><button class="menu-toggle" aria-controls="primary-menu" aria-expanded="false"><span class="mobile-menu">Menu</span></button><div id="primary-menu" class="main-nav"><?php kit_menu( 'menu sf-menu' ); ?></div></div></nav>
</div></header>
<div class="site grid-container container hfeed" id="page"><div class="site-content" id="content">
<div class="content-area" id="primary"><main class="site-main" id="main">
<?php while ( have_posts() ) : the_post(); ?>
<article id="post-<?php the_ID(); ?>" <?php post_class(); ?> itemtype="https://schema.org/CreativeWork" itemscope><div class="inside-article">
<header class="entry-header"><?php the_title( '<h1 class="entry-title" itemprop="headline">', '</h1>' ); ?>
<?php if ( is_single() ) : ?><div class="entry-meta"><span class="posted-on"><time class="entry-date published" datetime="<?php echo esc_attr( get_the_date( 'c' ) ); ?>" itemprop="datePublished"><?php echo esc_html( get_the_date() ); ?></time></span> <span class="byline">by <span class="author vcard" itemprop="author" itemtype="https://schema.org/Person" itemscope><a class="url fn n" href="<?php echo esc_url( get_author_posts_url( get_the_author_meta( 'ID' ) ) ); ?>" title="View all posts by <?php the_author(); ?>" rel="author" itemprop="url"><span class="author-name" itemprop="name"><?php the_author(); ?></span></a></span></span> </div><?php endif; ?>
</header>
<div class="entry-content" itemprop="text"><?php the_content(); ?></div>
<?php if ( is_single() ) : ?><footer class="entry-meta" aria-label="Entry meta"><span class="cat-links"><span class="gp-icon icon-categories"><svg viewBox="0 0 512 512" aria-hidden="true" width="1em" height="1em"><path d="M0 112"/></svg></span><span class="screen-reader-text">Categories </span><?php the_category( ', ' ); ?></span> <?php the_tags( '<span class="tags-links"><span class="gp-icon icon-tags"><svg viewBox="0 0 512 512" aria-hidden="true" width="1em" height="1em"><path d="M20 39"/></svg></span><span class="screen-reader-text">Tags </span>', ', ', '</span> ' ); ?>
<nav id="nav-below" class="post-navigation" aria-label="Posts"><?php previous_post_link( '<div class="nav-previous"><span class="gp-icon icon-arrow-left"><svg viewBox="0 0 192 512" aria-hidden="true" width="1em" height="1em"><path d="M178 506"/></svg></span><span class="prev">%link</span></div>' ); next_post_link( '<div class="nav-next"><span class="gp-icon icon-arrow-right"><svg viewBox="0 0 192 512" aria-hidden="true" width="1em" height="1em"><path d="M178 506"/></svg></span><span class="next">%link</span></div>' ); ?></nav></footer><?php endif; ?>
</div></article>
<?php if ( comments_open() || get_comments_number() ) : ?><div class="comments-area"><?php comments_template(); ?></div><?php endif; ?>
<?php endwhile; ?>
</main></div>
<div class="widget-area sidebar is-right-sidebar" id="right-sidebar"><div class="inside-right-sidebar"><?php kit_widgets( '<aside class="widget inner-padding %s">' ); ?></div></div>
</div></div>
<div class="site-footer"><footer class="site-info" aria-label="Site" itemtype="https://schema.org/WPFooter" itemscope><div class="inside-site-info grid-container"><div class="copyright-bar"><span class="copyright">&copy; <?php echo date( 'Y' ); ?> <?php bloginfo( 'name' ); ?></span> &bull; Built with <a href="https://generatepress.com" itemprop="url">GeneratePress</a></div></div></footer></div>
<?php wp_footer(); ?></body></html>

<?php
/* Shared helpers for the theme replicas (markup copied from each theme's real templates; installed by test/wordpress/themeReplicas.ts into the realwp site copy). */
function kit_head( $extra_body = '' ) {
	?><!DOCTYPE html>
<html <?php language_attributes(); ?>>
<head><meta charset="<?php bloginfo( 'charset' ); ?>"><meta name="viewport" content="width=device-width, initial-scale=1"><?php wp_head(); ?></head>
<body <?php body_class( $extra_body ); ?>><?php wp_body_open(); ?>
<a class="skip-link screen-reader-text" href="#content"><?php esc_html_e( 'Skip to content' ); ?></a>
<?php
}
function kit_menu( $menu_class = 'menu', $container_class = 'menu-container' ) {
	wp_page_menu( array( 'menu_class' => $container_class, 'before' => '<ul class="' . $menu_class . '">', 'show_home' => true ) );
}
/** Core widgets, as a classic sidebar shows them. */
function kit_widgets( $before = '<aside class="widget %s">', $after = '</aside>', $bt = '<h2 class="widget-title">', $at = '</h2>' ) {
	$args = array( 'before_widget' => $before, 'after_widget' => $after, 'before_title' => $bt, 'after_title' => $at );
	the_widget( 'WP_Widget_Search', array(), $args );
	the_widget( 'WP_Widget_Recent_Posts', array( 'number' => 5 ), $args );
	the_widget( 'WP_Widget_Recent_Comments', array( 'number' => 3 ), $args );
	the_widget( 'WP_Widget_Text', array( 'title' => 'About this site', 'text' => getenv( 'KIT_LONG_ABOUT' ) || get_option( 'kit_long_about' ) ? 'Hi, I am Ann. I started this archive in 2015 after twenty years as a night editor on a regional newspaper, because the stories I cared about kept disappearing from the web. Every day I read the wire, pick what matters, check it against the source and write a short summary. The archive is free to read and always will be; if it helps you, tell a friend about it. When I am not reading the news, I walk the dog along the river and grow far too many tomatoes.' : 'This site archives news stories from the wire every day, checked and summarised by a small team of editors who have worked on regional newspapers for many years.' ), $args );
	the_widget( 'WP_Widget_Archives', array(), $args );
	the_widget( 'WP_Widget_Categories', array(), $args );
}
/** Up to $n other posts of the post's first category, each printed by $item. */
function kit_related( $n, $item ) {
	$cats = wp_get_post_categories( get_the_ID() );
	$q = new WP_Query( array( 'posts_per_page' => $n, 'post__not_in' => array( get_the_ID() ), 'category__in' => $cats, 'no_found_rows' => true, 'ignore_sticky_posts' => true ) );
	$out = array();
	while ( $q->have_posts() ) { $q->the_post(); ob_start(); $item(); $out[] = ob_get_clean(); }
	wp_reset_postdata();
	return $out;
}
function kit_excerpt( $words = 20 ) { return wp_trim_words( get_the_excerpt(), $words ); }
function kit_breadcrumbs( $sep = ' &raquo; ', $wrap = '<nav class="breadcrumbs" aria-label="Breadcrumbs">%s</nav>' ) {
	$parts = array( '<a href="' . esc_url( home_url( '/' ) ) . '">Home</a>' );
	if ( is_single() ) { $c = get_the_category(); if ( $c ) $parts[] = '<a href="' . esc_url( get_category_link( $c[0] ) ) . '">' . esc_html( $c[0]->name ) . '</a>'; }
	$parts[] = '<span class="breadcrumb_last" aria-current="page">' . get_the_title() . '</span>';
	printf( $wrap, implode( $sep, $parts ) );
}
function kit_copyright() { return '&copy; ' . date( 'Y' ) . ' ' . get_bloginfo( 'name' ) . '. Powered by WordPress.'; }
/** What every replica's functions.php sets up: the theme supports a classic theme declares. */
function kit_theme_setup() {
	add_action( 'after_setup_theme', function () {
		add_theme_support( 'title-tag' );
		add_theme_support( 'post-thumbnails' );
		add_theme_support( 'html5', array( 'comment-list', 'comment-form', 'search-form', 'gallery', 'caption', 'navigation-widgets' ) );
		add_theme_support( 'automatic-feed-links' );
	} );
}
/** The comment thread as core's default walker prints it, which most of these themes keep. */
function kit_default_comments() {
	if ( post_password_required() ) return; ?>
<div id="comments" class="comments-area">
<?php if ( have_comments() ) : ?><h2 class="comments-title"><?php printf( _n( 'One Comment', '%s Comments', get_comments_number() ), number_format_i18n( get_comments_number() ) ); ?></h2>
<ol class="comment-list"><?php wp_list_comments( array( 'style' => 'ol', 'short_ping' => true, 'avatar_size' => 60 ) ); ?></ol><?php endif; ?>
<?php comment_form(); ?>
</div>
<?php
}

<?php
require_once WP_CONTENT_DIR . '/themekit/kit.php';
add_action( 'after_setup_theme', function () {
	add_theme_support( 'title-tag' );
	add_theme_support( 'post-thumbnails' );
	add_theme_support( 'html5', array( 'comment-list', 'comment-form', 'search-form', 'gallery', 'caption', 'navigation-widgets' ) );
	add_theme_support( 'automatic-feed-links' );
} );

<?php
// Hestia without its entry-content marker: a theme that marks no the_content() element.
$GLOBALS['kit_no_post_marker'] = true;
require get_theme_root() . '/hestia-r/index.php';

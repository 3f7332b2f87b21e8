<?php
require_once WP_CONTENT_DIR . '/themekit/kit.php';
kit_theme_setup();

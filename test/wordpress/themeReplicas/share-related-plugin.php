<?php
/* Plugin-style furniture inside the_content on theme pages only (like AddToAny, Jetpack sharing/likes and YARPP: they print only on a singular page in the loop, so REST content.rendered never has them). Installed by test/wordpress/themeReplicas.ts into the realwp site copy. */
add_filter( 'the_content', function ( $content ) {
	if ( ! is_singular() || ! in_the_loop() || ! is_main_query() ) return $content;
	$url = rawurlencode( get_permalink() ); $title = rawurlencode( get_the_title() );
	$share = '<div class="addtoany_share_save_container addtoany_content addtoany_content_bottom"><div class="addtoany_header">Share this:</div><div class="a2a_kit a2a_kit_size_32 addtoany_list" data-a2a-url="' . esc_attr( get_permalink() ) . '"><a class="a2a_button_facebook" href="https://www.addtoany.com/add_to/facebook?linkurl=' . $url . '&amp;linkname=' . $title . '" title="Facebook" rel="nofollow noopener" target="_blank"><span class="a2a_svg a2a_s__default a2a_s_facebook"></span><span class="a2a_label">Facebook</span></a><a class="a2a_button_twitter" href="https://www.addtoany.com/add_to/twitter?linkurl=' . $url . '" title="Twitter" rel="nofollow noopener" target="_blank"><span class="a2a_label">Twitter</span></a><a class="a2a_button_email" href="https://www.addtoany.com/add_to/email?linkurl=' . $url . '" title="Email" rel="nofollow noopener" target="_blank"><span class="a2a_label">Email</span></a><a class="a2a_dd addtoany_share_save addtoany_share" href="https://www.addtoany.com/share"><span class="a2a_label a2a_localize" data-a2a-localize="inner,Share">Share</span></a></div></div>';
	$likes = '<div class="sharedaddy sd-block sd-like jetpack-likes-widget-wrapper jetpack-likes-widget-unloaded" id="like-post-wrapper-1-' . get_the_ID() . '" data-name="like-post-frame"><h3 class="sd-title">Like this:</h3><div class="likes-widget-placeholder post-likes-widget-placeholder" style="height: 55px;"><span class="button"><span>Like</span></span> <span class="loading">Loading...</span></div><span class="sd-text-color"></span><a class="sd-link-color"></a></div>';
	$cats = wp_get_post_categories( get_the_ID() );
	$q = new WP_Query( array( 'posts_per_page' => 4, 'post__not_in' => array( get_the_ID() ), 'category__in' => $cats, 'no_found_rows' => true, 'orderby' => 'ID', 'order' => 'ASC' ) );
	$items = '';
	foreach ( $q->posts as $p ) $items .= '<li><a href="' . esc_url( get_permalink( $p ) ) . '" rel="bookmark" title="' . esc_attr( get_the_title( $p ) ) . '">' . esc_html( get_the_title( $p ) ) . '</a></li>';
	$yarpp = $items ? "<div class='yarpp yarpp-related yarpp-related-website yarpp-template-list'>\n<!-- YARPP List -->\n<h3>Related posts:</h3><ol>" . $items . "</ol>\n</div>" : '';
	return $content . $share . $likes . $yarpp;
}, 20 );

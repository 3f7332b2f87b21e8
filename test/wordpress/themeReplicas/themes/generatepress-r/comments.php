<?php if ( post_password_required() ) return; ?>
<div id="comments">
<?php if ( have_comments() ) : ?><h3 class="comments-title"><?php printf( _n( 'One thought on &ldquo;%2$s&rdquo;', '%1$s thoughts on &ldquo;%2$s&rdquo;', get_comments_number() ), number_format_i18n( get_comments_number() ), get_the_title() ); ?></h3>
<ol class="comment-list"><?php wp_list_comments( array( 'callback' => function ( $comment, $args, $depth ) { ?>
<li id="comment-<?php comment_ID(); ?>" <?php comment_class( empty( $args['has_children'] ) ? '' : 'parent' ); ?>><article class="comment-body" id="div-comment-<?php comment_ID(); ?>" itemtype="https://schema.org/Comment" itemscope>
<footer class="comment-meta" aria-label="Comment meta"><?php echo get_avatar( $comment, 50 ); ?><div class="comment-author-info"><div class="comment-author vcard" itemprop="author" itemtype="https://schema.org/Person" itemscope><cite itemprop="name" class="fn"><?php comment_author_link(); ?></cite></div><div class="entry-meta comment-metadata"><a href="<?php echo esc_url( get_comment_link( $comment->comment_ID ) ); ?>"><time datetime="<?php comment_time( 'c' ); ?>" itemprop="datePublished"><?php printf( '%1$s at %2$s', get_comment_date(), get_comment_time() ); ?></time></a></div></div>
<span class="reply"><?php comment_reply_link( array_merge( $args, array( 'add_below' => 'div-comment', 'depth' => $depth, 'max_depth' => $args['max_depth'] ) ) ); ?></span></footer>
<div class="comment-content" itemprop="text"><?php comment_text(); ?></div></article>
<?php } ) ); ?></ol><?php endif; ?>
<?php comment_form( array( 'title_reply_before' => '<h3 id="reply-title" class="comment-reply-title">', 'title_reply' => 'Leave a Comment', 'label_submit' => 'Post Comment' ) ); ?>
</div>

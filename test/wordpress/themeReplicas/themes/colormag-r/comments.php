<?php if ( post_password_required() ) return; ?>
<div id="comments" class="comments-area">
<?php if ( have_comments() ) : ?><h3 class="comments-title"><?php printf( _n( 'One thought on &ldquo;%2$s&rdquo;', '%1$s thoughts on &ldquo;%2$s&rdquo;', get_comments_number() ), number_format_i18n( get_comments_number() ), get_the_title() ); ?></h3>
<ul class="comment-list"><?php wp_list_comments( array( 'callback' => function ( $comment, $args, $depth ) { ?>
<li <?php comment_class(); ?> id="li-comment-<?php comment_ID(); ?>"><article id="comment-<?php comment_ID(); ?>" class="comment"><header class="comment-meta comment-author vcard"><?php echo get_avatar( $comment, 74 ); ?><div class="comment-author-link"><i class="fa fa-user"></i><?php comment_author_link(); ?></div><div class="comment-date-time"><i class="fa fa-calendar-o"></i><?php printf( '%1$s at %2$s', get_comment_date(), get_comment_time() ); ?></div><a class="comment-permalink" href="<?php echo esc_url( get_comment_link( $comment->comment_ID ) ); ?>"><i class="fa fa-link"></i>Permalink</a></header>
<section class="comment-content comment"><?php comment_text(); ?><?php comment_reply_link( array_merge( $args, array( 'reply_text' => 'Reply', 'after' => '', 'depth' => $depth, 'max_depth' => $args['max_depth'] ) ) ); ?></section></article>
<?php } ) ); ?></ul><?php endif; ?>
<?php comment_form(); ?>
</div>

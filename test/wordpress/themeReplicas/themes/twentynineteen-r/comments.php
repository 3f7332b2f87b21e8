<?php if ( post_password_required() ) return; ?>
<div id="comments" class="<?php echo comments_open() ? 'comments-area' : 'comments-area comments-closed'; ?>">
<div class="<?php echo have_comments() ? 'comments-title-wrap' : 'comments-title-wrap no-responses'; ?>"><h2 class="comments-title"><?php echo have_comments() ? 'Join the Conversation' : 'Leave a comment'; ?></h2>
<?php if ( have_comments() ) : ?><div class="discussion-meta"><div class="discussion-avatar-list"><ul><?php foreach ( get_comments( array( 'post_id' => get_the_ID() ) ) as $c ) { ?><li><div class="comment-user-avatar comment-author vcard"><?php echo get_avatar( $c, 60 ); ?></div></li><?php } ?></ul></div><p class="discussion-meta-info"><svg class="svg-icon" width="24" height="24" aria-hidden="true" role="img" focusable="false" viewBox="0 0 24 24"><path d="M21.99 4"></path></svg><span><?php printf( _n( '%d Comment', '%d Comments', get_comments_number() ), get_comments_number() ); ?></span></p></div><?php endif; ?>
</div>
<?php if ( have_comments() ) : ?><ol class="comment-list"><?php wp_list_comments( array( 'avatar_size' => 60, 'short_ping' => true, 'style' => 'ol' ) ); ?></ol>
<div class="comment-form-flex"><span class="screen-reader-text">Leave a comment</span><?php comment_form( array( 'title_reply_before' => '<h2 id="reply-title" class="comment-reply-title">', 'title_reply_after' => '</h2>' ) ); ?><h2 class="comments-title" aria-hidden="true">Leave a comment</h2></div>
<?php else : comment_form( array( 'title_reply_before' => '<h2 id="reply-title" class="comment-reply-title">', 'title_reply_after' => '</h2>' ) ); endif; ?>
</div>

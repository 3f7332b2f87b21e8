/** WordPress REST error bodies, byte-compatible with WordPress 6.1. */

/** A REST error: HTTP status plus the JSON body WordPress sends. */
export interface RestError {
  status: number;
  body: { code: string; message: string; data: Record<string, unknown> };
}

/** One invalid parameter of a request. */
export interface InvalidParam {
  param: string;
  code: string;
  message: string;
}

/** `rest_invalid_param` for one or more parameters, as WP_REST_Request::has_valid_params builds it. */
export function invalidParams(errors: readonly InvalidParam[]): RestError {
  const params: Record<string, string> = {};
  const details: Record<string, unknown> = {};
  for (const e of errors) {
    params[e.param] = e.message;
    details[e.param] = { code: e.code, message: e.message, data: null };
  }
  return {
    status: 400,
    body: {
      code: 'rest_invalid_param',
      message: `Invalid parameter(s): ${errors.map((e) => e.param).join(', ')}`,
      data: { status: 400, params, details },
    },
  };
}

const simple = (status: number, code: string, message: string): RestError => ({ status, body: { code, message, data: { status } } });

export const NO_ROUTE = simple(404, 'rest_no_route', 'No route was found matching the URL and request method.');
export const INVALID_POST_ID = simple(404, 'rest_post_invalid_id', 'Invalid post ID.');
export const INVALID_TERM_ID = simple(404, 'rest_term_invalid', 'Term does not exist.');
export const INVALID_USER_ID = simple(404, 'rest_user_invalid_id', 'Invalid user ID.');
export const INVALID_PAGE_NUMBER = simple(400, 'rest_post_invalid_page_number', 'The page number requested is larger than the number of pages available.');
export const FORBIDDEN_CONTEXT = simple(401, 'rest_forbidden_context', 'Sorry, you are not allowed to edit posts in this post type.');

/** WordPress's `%l` list format: `a, b, and c` / `a and b`. */
export function wpList(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  if (items.length === 2) return `${items[0]} and ${items[1]}`;
  return `${items.slice(0, -1).join(', ')}, and ${items[items.length - 1]}`;
}

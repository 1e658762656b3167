/**
 * Imported first by main.ts, before anything can queue work on libuv's thread pool (the pool is created on first use
 * and keeps its size). The pool runs file I/O (uploads, downloads, the web app's files), zlib for compressed answers,
 * DNS lookups and argon2. The default of 4 threads leaves too little beside password hashing during a login storm;
 * with 8 threads and at most PASSWORD_HASH_CONCURRENCY (2) hashes at once, file I/O always keeps 6. Idle threads cost
 * only their stacks. An operator's own UV_THREADPOOL_SIZE wins.
 *
 * This is the one write to process.env outside loadConfig: it is a setting of the Node runtime, read by libuv itself,
 * not a setting of the portal.
 */
const DEFAULT_UV_THREADPOOL_SIZE = '8';

process.env.UV_THREADPOOL_SIZE ??= DEFAULT_UV_THREADPOOL_SIZE;

// feedparser ships no types; the tests use it through a narrow local interface.
declare module 'feedparser';

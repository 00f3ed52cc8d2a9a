/**
 * `RemoteChangeNotAutolinked`: the link extension's autolink turns URLs into links as the user
 * types. A change that arrives from a co-author (or the document's first sync) was typed in another
 * editor, which autolinked it there; running autolink on it again would scan every changed text
 * block (the whole document when it opens) and could make a local edit out of someone else's text.
 * Such transactions carry the link extension's `preventAutolink` meta.
 *
 * TipTap runs the `dispatchTransaction` hooks of later extensions first: this one is listed before
 * `RemoteChangeNarrowing`, so that it marks the narrowed transaction, the one actually dispatched.
 */
import { Extension } from '@tiptap/core';
import { isRemoteChange } from './remoteChange.js';

export const RemoteChangeNotAutolinked = Extension.create({
  name: 'remoteChangeNotAutolinked',

  dispatchTransaction({ transaction, next }) {
    if (transaction.docChanged && isRemoteChange(transaction)) transaction.setMeta('preventAutolink', true);
    next(transaction);
  },
});

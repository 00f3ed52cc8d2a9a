import { App, Button, Tooltip } from 'antd';
import { CommentOutlined } from '@ant-design/icons';
import { useEditorState } from '@tiptap/react';
import type { Editor } from '@tiptap/react';
import { BubbleMenu } from '@tiptap/react/menus';
import { useTranslation } from 'react-i18next';
import type { CommentsController } from '../lib/CommentsController';
import { selectionAnchor } from '../lib/editorAnchors';
import './comments.css';

interface CommentStartButtonProps {
  editor: Editor;
  controller: CommentsController;
  canComment: boolean;
}

/**
 * 评论: starts a thread on the selected text — a toolbar button and a bubble on the selection.
 * Enabled with the right to comment (reviewers too, although they cannot edit) and a non-empty selection.
 */
export function CommentStartButton({ editor, controller, canComment }: CommentStartButtonProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const hasSelection = useEditorState({
    editor,
    selector: ({ editor: e }) =>
      !e.state.selection.empty &&
      e.state.doc.textBetween(e.state.selection.from, e.state.selection.to, ' ', ' ').trim().length > 0,
  });
  const enabled = canComment && hasSelection;

  const start = () => {
    const anchor = selectionAnchor(editor);
    if (!anchor) {
      void message.warning(t('comments.selectFirst'));
      return;
    }
    controller.start(anchor);
  };

  const title = !canComment
    ? t('comments.noRight')
    : hasSelection
      ? t('comments.startHint')
      : t('comments.selectFirst');
  return (
    <>
      <div className="comment-start">
        <Tooltip title={title}>
          <Button
            type="text"
            icon={<CommentOutlined />}
            disabled={!enabled}
            onMouseDown={(event) => event.preventDefault()}
            onClick={start}
            data-testid="comment-start"
          >
            {t('comments.start')}
          </Button>
        </Tooltip>
      </div>
      {canComment ? (
        <BubbleMenu
          editor={editor}
          pluginKey="commentStartBubble"
          shouldShow={({ state, from, to }) =>
            from !== to && state.doc.textBetween(from, to, ' ', ' ').trim().length > 0
          }
          options={{ placement: 'top' }}
        >
          <Button
            size="small"
            type="primary"
            icon={<CommentOutlined />}
            onMouseDown={(event) => event.preventDefault()}
            onClick={start}
            data-testid="comment-start-bubble"
          >
            {t('comments.start')}
          </Button>
        </BubbleMenu>
      ) : null}
    </>
  );
}

import { NodeViewContent, NodeViewWrapper } from '@tiptap/react';
import type { NodeViewProps } from '@tiptap/react';
import { Button, Space } from 'antd';
import { DeleteOutlined, SwapOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useState } from 'react';
import type { ReactNode } from 'react';
import { useEditable } from '../../hooks/useEditable';
import { FigureImagePicker } from './FigureImagePicker';

/** A numbered figure: the image (or the upload box while it has none) and its caption below. */
export function FigureBlockView(props: NodeViewProps) {
  const { t } = useTranslation();
  const editable = useEditable(props.editor);
  const [replacing, setReplacing] = useState(false);
  const src: unknown = props.node.attrs.src;
  const image = typeof src === 'string' ? src : '';
  const setImage = (next: string) => {
    props.updateAttributes({ src: next });
    setReplacing(false);
  };

  let media: ReactNode;
  if (image && !replacing) {
    media = (
      <>
        <img className="gb-figure-image" src={image} alt="" draggable={false} />
        {editable ? (
          <Space className="gb-figure-actions" size={4}>
            <Button size="small" icon={<SwapOutlined />} onClick={() => setReplacing(true)}>
              {t('structure.figure.replace')}
            </Button>
            <Button size="small" danger icon={<DeleteOutlined />} onClick={() => setImage('')}>
              {t('structure.figure.remove')}
            </Button>
          </Space>
        ) : null}
      </>
    );
  } else if (editable) {
    media = (
      <>
        <FigureImagePicker onImage={setImage} />
        {replacing ? (
          <Button size="small" className="gb-figure-actions" onClick={() => setReplacing(false)}>
            {t('app.cancel')}
          </Button>
        ) : null}
      </>
    );
  } else {
    media = <div className="gb-figure-placeholder">{t('structure.figure.missing')}</div>;
  }

  return (
    <NodeViewWrapper
      as="figure"
      className="gb-figure-block"
      data-type="figureBlock"
      data-id={props.node.attrs.id ?? undefined}
    >
      <div className="gb-figure-media" contentEditable={false} data-node-view-owned="">
        {media}
      </div>
      <NodeViewContent className="gb-figure-caption" />
    </NodeViewWrapper>
  );
}

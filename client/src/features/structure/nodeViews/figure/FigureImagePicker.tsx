import { App, Upload } from 'antd';
import { PictureOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { ImageFileError, readImageFile } from './readImageFile';

/** The upload box of a figure without an image: click or drop a local image (≤ 1 MB). */
export function FigureImagePicker({ onImage }: { onImage: (src: string) => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const accept = async (file: File) => {
    try {
      onImage(await readImageFile(file));
    } catch (error) {
      const reason = error instanceof ImageFileError ? error.reason : 'unreadable';
      void message.error(t(`structure.figure.errors.${reason}`));
    }
  };
  return (
    <Upload.Dragger
      accept="image/*"
      multiple={false}
      showUploadList={false}
      beforeUpload={(file) => {
        void accept(file);
        return Upload.LIST_IGNORE;
      }}
      className="gb-figure-upload"
      data-testid="figure-upload"
    >
      <div className="gb-figure-upload__icon">
        <PictureOutlined />
      </div>
      <div className="gb-figure-upload__text">{t('structure.figure.upload')}</div>
      <div className="gb-figure-upload__hint">{t('structure.figure.uploadHint')}</div>
    </Upload.Dragger>
  );
}

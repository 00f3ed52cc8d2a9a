// First: configures Zod before any schema is built (see the module).
import './lib/zodWithoutEval';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import './i18n';
// antd's styles as one static file (theme.ts: zeroRuntime), before ours so that ours override them.
import 'antd/dist/antd.css';
import { App } from './App';
import './styles/global.css';
import './styles/editor.css';

const root = document.getElementById('root');
if (!root) throw new Error('missing #root element');

createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);

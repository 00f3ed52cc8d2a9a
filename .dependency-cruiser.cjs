/**
 * Dependency rules of the code base (`npm run lint:deps`).
 *
 * Client layers, top to bottom; a layer imports only from the layers below it:
 *   App.tsx, main.tsx
 *   pages/        route components that compose several features
 *   features/     one folder per feature; edges between features only as in FEATURE_DEPENDENCIES
 *   api/ components/ hooks/ lib/ i18n/ realtime/ styles/   app-wide basics
 *   @shared       (shared/: imported by client and server, imports neither)
 *
 * Between features only the edges listed in FEATURE_DEPENDENCIES are allowed, all one way (the
 * list is checked for cycles below), and always through the other feature's public entry
 * (`features/<name>/index.ts`).
 */

/** feature -> the features it may import. */
const FEATURE_DEPENDENCIES = {
  admin: ['auth', 'organizations'],
  auth: [],
  checker: ['structure'],
  comments: ['auth', 'projects'],
  consultation: ['auth', 'organizations', 'projects', 'structure'],
  document: ['structure'],
  history: ['structure'],
  invitations: [],
  organizations: [],
  projects: ['auth', 'organizations'],
  shell: ['auth', 'organizations'],
  structure: ['projects'],
  versions: [],
  workflow: ['consultation', 'organizations', 'projects', 'structure'],
  submissionPackage: [],
};

/** Throws if the allowed feature edges contain a cycle (the direction must stay one way). */
function assertOneWay(graph) {
  const state = new Map();
  const visit = (name, path) => {
    if (state.get(name) === 'done') return;
    if (state.get(name) === 'visiting') {
      throw new Error(`.dependency-cruiser.cjs: FEATURE_DEPENDENCIES has a cycle: ${[...path, name].join(' -> ')}`);
    }
    state.set(name, 'visiting');
    for (const next of graph[name] ?? []) visit(next, [...path, name]);
    state.set(name, 'done');
  };
  for (const name of Object.keys(graph)) visit(name, []);
}
assertOneWay(FEATURE_DEPENDENCIES);

/**
 * Server folders, top to bottom; a folder imports only folders listed for it (server/*.ts at the top
 * level — app.ts, main.ts, config, logger, events — compose and are free to import anything):
 *   api, seed          the REST routes and the demo seed (call services)
 *   wiring             builds a concern's services and its extension for app.ts
 *   extensions         collaboration concerns (hooks) — use services, never the reverse
 *   services, comments, consultation   domain logic, throws domain errors
 *   workflow           the stage workflow: gates, submissions, the bureaus' check (below consultation,
 *                      which opens rounds through it)
 *   export, import     file formats (consultation table, project documents), the document export,
 *                      PDF conversion and the submission package
 *   access, auth, realtime             rights, sessions, live project events
 *   collab             the y-websocket server and its hook API (knows no concern)
 *   checker            the drafting checker's worker pool
 *   security           own origins, cross-site refusal, body limits, security headers
 *   storage, lib, domain, documents    basics
 *   backup             the control socket the backup pauses writes through (knows no other folder)
 */
const SERVER_DEPENDENCIES = {
  api: [
    'access',
    'auth',
    'collab',
    'comments',
    'consultation',
    'domain',
    'export',
    'history',
    'realtime',
    'security',
    'services',
    'storage',
    'versions',
    'wiring',
    'workflow',
  ],
  seed: ['api', 'auth', 'documents', 'services', 'storage'],
  wiring: ['collab', 'comments', 'consultation', 'extensions', 'history', 'realtime', 'services', 'storage', 'workflow'],
  extensions: ['access', 'auth', 'checker', 'collab', 'comments', 'history', 'lib', 'services', 'storage', 'workflow'],
  history: ['access', 'collab', 'domain', 'export', 'lib', 'realtime', 'storage', 'workflow'],
  comments: ['access', 'auth', 'collab', 'domain', 'realtime', 'services', 'storage'],
  consultation: [
    'access',
    'auth',
    'collab',
    'domain',
    'export',
    'import',
    'lib',
    'realtime',
    'services',
    'storage',
    'versions',
    'workflow',
  ],
  workflow: ['access', 'auth', 'collab', 'domain', 'export', 'lib', 'realtime', 'services', 'storage', 'versions'],
  versions: ['access', 'auth', 'collab', 'domain', 'lib', 'realtime', 'services', 'storage'],
  services: ['access', 'auth', 'checker', 'collab', 'documents', 'domain', 'realtime', 'storage'],
  export: ['access', 'auth', 'checker', 'collab', 'domain', 'lib', 'services', 'storage', 'versions'],
  import: ['export'],
  access: ['domain', 'storage'],
  auth: ['storage'],
  realtime: ['access', 'auth', 'storage'],
  redis: ['access', 'auth', 'collab', 'realtime', 'storage'],
  collab: ['lib', 'storage'],
  checker: ['lib'],
  storage: ['lib'],
  backup: [],
  security: ['domain'],
  lib: [],
  domain: [],
  documents: [],
};
assertOneWay(SERVER_DEPENDENCIES);

const serverLayerRules = [
  {
    name: 'server-folder-unlisted',
    comment: 'Every server folder is listed in SERVER_DEPENDENCIES.',
    severity: 'error',
    from: { path: `^server/(?!(${Object.keys(SERVER_DEPENDENCIES).join('|')})/)[^/]+/` },
    to: { path: '^server/' },
  },
  ...Object.entries(SERVER_DEPENDENCIES).map(([folder, allowed]) => ({
    name: `server-${folder}`,
    comment: `server/${folder} may import only: ${allowed.length ? allowed.join(', ') : '(no other server folder)'}`,
    severity: 'error',
    from: { path: `^server/${folder}/` },
    to: { path: '^server/', pathNot: `^server/(${[folder, ...allowed].join('|')})/|^server/[^/]+\\.ts$` },
  })),
];

const FEATURES = '^client/src/features/';
const BASICS = '^client/src/(api|components|hooks|lib|i18n|realtime|styles)/';
const known = Object.keys(FEATURE_DEPENDENCIES).join('|');

const featureEdgeRules = Object.entries(FEATURE_DEPENDENCIES).map(([feature, allowed]) => ({
  name: `feature-${feature}`,
  comment: `features/${feature} may import only these features: ${allowed.length ? allowed.join(', ') : '(none)'}`,
  severity: 'error',
  from: { path: `${FEATURES}${feature}/` },
  to: { path: FEATURES, pathNot: `${FEATURES}(${[feature, ...allowed].join('|')})/` },
}));

module.exports = {
  forbidden: [
    {
      name: 'not-to-unresolvable',
      comment: 'Every import resolves (a wrong path or alias would hide edges from these rules).',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true },
    },
    {
      name: 'no-circular',
      comment: 'Modules must not import each other in a cycle.',
      severity: 'error',
      from: {},
      to: { circular: true, viaOnly: { dependencyTypesNot: ['type-only'] } },
    },
    {
      name: 'client-not-to-server',
      comment: 'The client talks to the server over HTTP/WebSocket only; common code goes to shared/.',
      severity: 'error',
      from: { path: '^client/' },
      to: { path: '^server/' },
    },
    {
      name: 'server-not-to-client',
      severity: 'error',
      from: { path: '^server/' },
      to: { path: '^client/' },
    },
    {
      name: 'shared-not-to-client-or-server',
      comment: 'shared/ is imported by client and server, and imports neither.',
      severity: 'error',
      from: { path: '^shared/' },
      to: { path: '^(client|server)/' },
    },
    {
      name: 'editor-not-to-checker',
      comment: 'The checker depends on the editor, not the reverse.',
      severity: 'error',
      from: { path: '^shared/editor/' },
      to: { path: '^shared/checker/' },
    },
    {
      name: 'pages-only-from-app',
      comment: 'Pages compose features; only App.tsx and other pages import them.',
      severity: 'error',
      from: { path: '^client/', pathNot: '^client/src/(App\\.tsx|pages/)' },
      to: { path: '^client/src/pages/' },
    },
    {
      name: 'basics-not-to-features',
      comment: 'The app-wide basics (api, components, hooks, lib, i18n, realtime) know no feature.',
      severity: 'error',
      from: { path: BASICS },
      to: { path: '^client/src/(features|pages)/|^client/src/App\\.tsx' },
    },
    {
      name: 'feature-unlisted',
      comment: 'A feature folder that imports other features must be listed in FEATURE_DEPENDENCIES.',
      severity: 'error',
      from: { path: `${FEATURES}([^/]+)/`, pathNot: `${FEATURES}(${known})/` },
      to: { path: FEATURES, pathNot: `${FEATURES}$1/` },
    },
    ...featureEdgeRules,
    ...serverLayerRules,
    {
      name: 'feature-public-entry',
      comment: "Another feature is imported through its public entry (features/<name>/index.ts), not its internals.",
      severity: 'error',
      from: { path: `${FEATURES}([^/]+)/` },
      to: { path: FEATURES, pathNot: [`${FEATURES}$1/`, `${FEATURES}[^/]+/index\\.ts$`] },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)node_modules/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      extensions: ['.ts', '.tsx', '.js', '.mjs', '.cjs', '.json'],
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      mainFields: ['module', 'main', 'types', 'typings'],
    },
    reporterOptions: { text: { highlightFocused: true } },
  },
};

// `npm start`: installs dependencies if needed, builds the app and serves the production build.
import { ensureDeps, run } from './ensure.mjs';

ensureDeps();
run('npx', ['vite', 'build']);
const port = process.env.PORT || '4173';
console.log(`\nServing the built app at http://localhost:${port}/  (Ctrl+C to stop)\n`);
run('npx', ['vite', 'preview', '--port', port, '--strictPort', '--host', process.env.HOST || 'localhost']);
